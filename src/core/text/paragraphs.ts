/**
 * A playbook's prose read as Markdown reads it: a single line break inside a paragraph or a list
 * item is a space, so authors can hard-wrap their YAML and every screen can wrap it to its own
 * width. Blank lines, list items and headings still start a new line.
 */
const LIST_ITEM = /^(\s*(?:[-*+]|\d+[.)]|\[[ x]\])\s+)/;

/** Joins each paragraph's or list item's lines into one logical line. */
export function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let open = false;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      lines.push('');
      open = false;
    } else if (open && !LIST_ITEM.test(line) && !line.trimStart().startsWith('#')) {
      lines[lines.length - 1] = `${lines[lines.length - 1] ?? ''} ${line.trim()}`;
    } else {
      lines.push(line);
      open = true;
    }
  }
  return lines;
}

/** The text with each paragraph on one line, for a caller that wraps lines to a width. */
export const joinParagraphs = (text: string): string => logicalLines(text).join('\n');
