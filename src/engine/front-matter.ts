/**
 * Front matter is written with the yaml library, never by concatenation, so any answer reads back
 * exactly. It is written in YAML 1.1 style, which quotes `no`, `on` and `12:30`, so that older
 * YAML readers (and the notes apps that use them) see the same strings coach does.
 */
import { Document, parse } from 'yaml';

const FENCE = '---';

export function stringifyFrontMatter(data: object): string {
  const yaml = new Document(data, { version: '1.1' }).toString({ directives: false, lineWidth: 0 });
  return `${FENCE}\n${yaml}${FENCE}\n`;
}

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
  try {
    const data: unknown = parse(split.frontMatter, { maxAliasCount: 100, uniqueKeys: true });
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
