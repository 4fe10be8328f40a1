/**
 * A note as a section of someone's running notes file (`--append`, `>> notes.md`): the Markdown
 * without the front matter, whose data belongs to the notes directory and would otherwise sit in
 * the middle of the user's document, and with every heading one level down, so the note's title
 * is an H2 under the file's own H1 instead of a second H1.
 */
import { FRONT_MATTER_FENCE as FENCE } from '../../formats/front-matter-emitter.js';

const FENCED_CODE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^( {0,3})(#{1,5})(?=[ \t]|$)/;

export function runningFileSection(markdown: string): string {
  return demoteHeadings(withoutFrontMatter(markdown));
}

/** The body after the note's own front matter (as front-matter-emitter.ts writes it), blank lines trimmed. */
function withoutFrontMatter(markdown: string): string {
  const lines = markdown.split('\n');
  if (lines[0] !== FENCE) return markdown;
  const close = lines.indexOf(FENCE, 1);
  if (close === -1) return markdown;
  return lines.slice(close + 1).join('\n').replace(/^\n+/, '');
}

/** `#` becomes `##`, and so on down to `######`; code blocks are left as they are. */
function demoteHeadings(markdown: string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const opening = FENCED_CODE.exec(line)?.[1];
      if (fence !== undefined) {
        if (opening !== undefined && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
        return line;
      }
      if (opening !== undefined) {
        fence = opening;
        return line;
      }
      return line.replace(ATX_HEADING, '$1#$2');
    })
    .join('\n');
}
