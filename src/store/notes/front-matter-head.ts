/**
 * Reads a note's front matter and nothing after it: the first few KiB of the file, more only when
 * the front matter is longer, never the body. Over thousands of notes this is what keeps the
 * history fast and its memory flat.
 */
import { readSync } from 'node:fs';

const HEAD_BYTES = 4096;
export const MAX_FRONT_MATTER_BYTES = 1024 * 1024;

const NEWLINE = 0x0a;
const RETURN = 0x0d;
const DASH = 0x2d;
const decoder = new TextDecoder('utf-8', { fatal: true });

export type HeadResult = { frontMatter: string } | { reason: string };

/** A reusable buffer per reader, so reading ten thousand heads allocates a handful of buffers. */
export interface HeadBuffer {
  bytes: Buffer;
}

export function headBuffer(): HeadBuffer {
  return { bytes: Buffer.allocUnsafe(HEAD_BYTES) };
}

/** Reads from an open file descriptor; see notes-index.ts for why synchronously. */
export function readFrontMatterHead(fd: number, buffer: HeadBuffer): HeadResult {
  let length = 0;
  let eof = false;
  for (;;) {
    if (length === buffer.bytes.length) {
      if (length >= MAX_FRONT_MATTER_BYTES) return { reason: 'its front matter is longer than 1 MiB' };
      const bigger = Buffer.allocUnsafe(Math.min(length * 4, MAX_FRONT_MATTER_BYTES));
      buffer.bytes.copy(bigger, 0, 0, length);
      buffer.bytes = bigger;
    }
    const bytesRead = readSync(fd, buffer.bytes, length, buffer.bytes.length - length, length);
    length += bytesRead;
    eof = bytesRead === 0;
    const found = findFrontMatter(buffer.bytes, eof, length);
    if (found === 'more') {
      if (eof) return { reason: 'its front matter has no closing "---" line' };
      continue;
    }
    if (found === 'none') return { reason: 'it has no front matter' };
    // The lenient decoder is several times faster; only text that came out with U+FFFD in it
    // (invalid bytes, or a real U+FFFD) is checked again strictly.
    const text = buffer.bytes.toString('utf8', found.start, found.end);
    if (!text.includes('\uFFFD')) return { frontMatter: text };
    try {
      return { frontMatter: decoder.decode(buffer.bytes.subarray(found.start, found.end)) };
    } catch {
      return { reason: 'its front matter is not valid UTF-8' };
    }
  }
}

/**
 * Where the front matter's text lies (between the `---` lines, closing newline included) in the
 * first `length` bytes, 'none' when the file does not open with one, 'more' when the closing line
 * has not been read yet.
 * Only "\n" ends a line, as in splitFrontMatter.
 */
export function findFrontMatter(bytes: Uint8Array, eof: boolean, length = bytes.length): { start: number; end: number } | 'none' | 'more' {
  const bom = length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const opening = fenceEnd(bytes, length, bom, eof);
  if (opening === 'more') return 'more';
  if (opening === 'none') return 'none';
  for (let at = opening - 1; ; ) {
    const newline = bytes.indexOf(NEWLINE, at);
    if (newline === -1 || newline >= length) return 'more';
    const closing = fenceEnd(bytes, length, newline + 1, eof);
    if (closing === 'more') return 'more';
    if (closing !== 'none') return { start: opening, end: newline + 1 };
    at = newline + 1;
  }
}

/** Where the line after a `---` line at `at` starts (the end, at end of file), or why not. */
function fenceEnd(bytes: Uint8Array, length: number, at: number, eof: boolean): number | 'none' | 'more' {
  for (let i = 0; i < 3; i++) {
    if (at + i >= length) return eof ? 'none' : 'more';
    if (bytes[at + i] !== DASH) return 'none';
  }
  const after = at + 3;
  if (after === length) return eof ? after : 'more';
  if (bytes[after] === NEWLINE) return after + 1;
  if (bytes[after] !== RETURN) return 'none';
  if (after + 1 === length) return eof ? 'none' : 'more';
  return bytes[after + 1] === NEWLINE ? after + 2 : 'none';
}
