/**
 * Word-wrapping for the terminal. wrapText keeps every line break it is given (an answer, a
 * list of lines); wrapMarkdown reads a playbook's prose as Markdown does, where a single line break
 * inside a paragraph is a space, so authors can hard-wrap their YAML. Either way, list items hang
 * their continuation under their text.
 */
import { logicalLines } from '../core/text/paragraphs.js';
import { visibleLength } from './fit.js';

const LIST_ITEM = /^(\s*(?:[-*+]|\d+[.)]|\[[ x]\])\s+)/;

export function wrapMarkdown(text: string, width: number, indent = ''): string {
  return wrapLines(logicalLines(text), width, indent);
}

export function wrapText(text: string, width: number, indent = ''): string {
  return wrapLines(text.split('\n'), width, indent);
}

function wrapLines(lines: readonly string[], width: number, indent: string): string {
  const room = Math.max(20, width - indent.length);
  return lines
    .map((line) => {
      const hanging = LIST_ITEM.exec(line)?.[0] ?? /^\s*/.exec(line)?.[0] ?? '';
      const pad = ' '.repeat(hanging.length);
      // A dash used as punctuation stays with the word before it, so no wrapped line starts
      // with "- " and reads like a list item.
      const words = line
        .slice(hanging.length)
        .replace(/ +([-–—])(?= )/g, '\u00a0$1')
        .split(/ +/)
        .filter((word) => word !== '')
        .map((word) => word.replace(/\u00a0/g, ' '));
      if (words.length === 0) return '';
      const wrapped: string[] = [];
      let current = hanging;
      for (const word of words) {
        const fresh = current === hanging || current === pad;
        if (!fresh && visibleLength(current) + 1 + visibleLength(word) > room) {
          wrapped.push(current);
          current = pad + word;
        } else {
          current = fresh ? current + word : `${current} ${word}`;
        }
      }
      wrapped.push(current);
      return wrapped.map((part) => indent + part).join('\n');
    })
    .join('\n');
}

/**
 * `lead` and then the text, wrapped between words with its later rows under the text's first
 * column: "> This answer ..." and "Recommended: ..." read as one block, not as a new paragraph.
 */
export function wrapAfter(lead: string, text: string, width: number): string {
  const pad = ' '.repeat(visibleLength(lead));
  return wrapText(text, width - pad.length)
    .split('\n')
    .map((row, index) => (index === 0 ? lead : pad) + row)
    .join('\n');
}

/**
 * Text for a terminal `columns` wide: each line too long for it wrapped between words, its rest
 * under its text (a list item's under its words); a line that fits is left exactly as it is, its
 * spacing too. For what is printed to read (`show`, `account`), where the terminal would break a
 * long line anywhere, inside a word or a note's id.
 */
export function wrapLongLines(text: string, columns: number): string {
  return text
    .split('\n')
    .map((line) => (visibleLength(line) <= columns ? line : wrapText(line, columns)))
    .join('\n');
}
