/**
 * Front matter is written with the yaml library, never by concatenation, so any answer reads back
 * exactly. It is written in YAML 1.1 style, which quotes `no`, `on` and `12:30`, so that older
 * YAML readers (and the notes apps that use them) see the same strings coach does.
 */
import { Document, parse, visit } from 'yaml';
import { findNestingProblem } from './find-nesting-problem.js';

const FENCE = '---';

/**
 * Plain scalars that YAML 1.2 reads as something other than a string but 1.1 does not (`0o17` is
 * 15 in 1.2 only). The 1.1 writer leaves them plain, so they are quoted here: a note must read
 * back the same under either version.
 */
const NON_STRING_1_2 = new Document(null, { version: '1.2' }).schema.tags.flatMap((tag) =>
  'test' in tag && tag.test instanceof RegExp && tag.default === true ? [tag.test] : [],
);

export function stringifyFrontMatter(data: object): string {
  const doc = new Document(data, { version: '1.1' });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && NON_STRING_1_2.some((test) => test.test(node.value as string))) node.type = 'QUOTE_DOUBLE';
    },
  });
  const yaml = doc.toString({ directives: false, lineWidth: 0 });
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
  if (!split || findNestingProblem(split.frontMatter)) return undefined;
  try {
    const data: unknown = parse(split.frontMatter, { maxAliasCount: 100, uniqueKeys: true, version: '1.2' });
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
