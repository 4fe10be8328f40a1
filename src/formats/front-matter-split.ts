/**
 * A note cut into its front matter and its body, without reading either: what `coach show` and
 * the notes store need before (or instead of) the yaml library, which front-matter.ts brings.
 */
import { FRONT_MATTER_FENCE as FENCE } from './front-matter-emitter.js';

export interface SplitNote {
  frontMatter: string;
  body: string;
}

/**
 * Only "\n" ends a line here: U+2028 and friends inside an answer must not end the front matter.
 * Returns undefined when the text does not start with a front matter block.
 */
export function splitFrontMatter(text: string): SplitNote | undefined {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  if (!text.startsWith(`${FENCE}\n`, start) && !text.startsWith(`${FENCE}\r\n`, start)) return undefined;
  const open = text.indexOf('\n', start) + 1;
  let cursor = open;
  while (cursor < text.length) {
    const end = text.indexOf('\n', cursor);
    const line = (end === -1 ? text.slice(cursor) : text.slice(cursor, end)).replace(/\r$/, '');
    if (line === FENCE) {
      return { frontMatter: text.slice(open, cursor), body: end === -1 ? '' : text.slice(end + 1) };
    }
    if (end === -1) break;
    cursor = end + 1;
  }
  return undefined;
}
