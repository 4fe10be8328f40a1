/**
 * Reading a note's front matter back. It is written by front-matter-emitter.ts, which does not
 * load the yaml library (a prep only writes); reading it needs a real YAML parser, because a note
 * may have been edited by hand, and it is read by the library as every YAML document is.
 */
import { readYamlMapping } from './yaml.js';
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

/** The front matter's data, or undefined when there is none or it is not a YAML mapping. */
export function parseFrontMatter(text: string): Record<string, unknown> | undefined {
  const split = splitFrontMatter(text);
  if (!split) return undefined;
  const read = readYamlMapping(split.frontMatter);
  return 'data' in read ? read.data : undefined;
}
