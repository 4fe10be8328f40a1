/**
 * Whatever coach saves, coach can read back. A note carries an answer in its front matter and
 * again in its body (and in any flag message that quotes it), so a 600 KB answer, well under the
 * 1 MiB limit on files a user hands in, makes a note of more than 1 MiB. So notes and drafts are
 * read with a limit of their own, MAX_SAVED_BYTES, and a note is checked against it (and its front
 * matter against what `coach history` reads, MAX_FRONT_MATTER_BYTES) before anything is written:
 * a note coach could not read back is refused with a message, and the draft keeps the answers.
 */
import { UsageError } from '../../errors.js';
import { describeBytes } from '../files/read-text-file.js';
import { MAX_FRONT_MATTER_BYTES } from './front-matter-head.js';

/** The largest note or draft coach writes, and so the largest it reads back. */
export const MAX_SAVED_BYTES = 8 * 1024 * 1024;

/** Throws, naming the longest answer, when `markdown` is a note coach could not read back. */
export function checkSavedSize(markdown: string, answers: Readonly<Record<string, unknown>>): void {
  const total = Buffer.byteLength(markdown, 'utf8');
  // History reads from the start of the file through the closing fence, all within its limit.
  const fence = markdown.indexOf('\n---\n', 3);
  const frontMatter = fence === -1 ? total : Buffer.byteLength(markdown.slice(0, fence + 5), 'utf8');
  const over: [number, string, number] | undefined =
    total > MAX_SAVED_BYTES ? [MAX_SAVED_BYTES, 'the note', total] : frontMatter >= MAX_FRONT_MATTER_BYTES ? [MAX_FRONT_MATTER_BYTES, 'its front matter', frontMatter] : undefined;
  if (over === undefined) return;
  const [limit, what, size] = over;
  const longest = longestAnswer(answers);
  const culprit = longest ? `; the longest answer is "${longest.id}" (${describeBytes(longest.bytes)})` : '';
  throw new UsageError(
    `cannot save this note: ${what} would be ${describeBytes(size)}, over the ${describeBytes(limit)} coach can read back${culprit}; shorten it, or pass --no-save to get the note on stdout only`,
  );
}

function longestAnswer(answers: Readonly<Record<string, unknown>>): { id: string; bytes: number } | undefined {
  let longest: { id: string; bytes: number } | undefined;
  for (const [id, value] of Object.entries(answers)) {
    const bytes = Buffer.byteLength(Array.isArray(value) ? value.join('\n') : String(value), 'utf8');
    if (!longest || bytes > longest.bytes) longest = { id, bytes };
  }
  return longest;
}
