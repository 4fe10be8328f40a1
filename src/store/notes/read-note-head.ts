/**
 * One note's header, read from its front matter alone (front-matter-head.ts reads the first few
 * KiB, never the body). Only a regular file is read: the note is opened without blocking and
 * checked on the open descriptor, so a `*.md` that is a FIFO, or a link to one or to a device,
 * is skipped at once instead of hanging the history.
 */
import { closeSync, constants, fstatSync, openSync, type Stats } from 'node:fs';
import { describeFsError } from '../files/read-text-file.js';
import { readFrontMatterHead, type HeadBuffer } from './front-matter-head.js';
import { noteHeader, type NoteHeader } from './note-header.js';

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** What a note's file says, and the file's identity when it was read (for the notes index). */
export interface NoteHead {
  result: NoteHeader | { reason: string };
  stats?: Stats | undefined;
}

export const NOT_A_REGULAR_FILE = 'it is not a regular file';

export function readNoteHead(path: string, buffer: HeadBuffer): NoteHead {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return { result: { reason: `cannot read it: ${describeFsError(error)}` } };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { result: { reason: NOT_A_REGULAR_FILE } };
    const head = readFrontMatterHead(fd, buffer);
    if ('reason' in head) return { result: head, stats };
    const header = noteHeader(head.frontMatter);
    return { result: header.ok ? header.header : { reason: header.reason }, stats };
  } catch (error) {
    return { result: { reason: `cannot read it: ${describeFsError(error)}` } };
  } finally {
    closeSync(fd);
  }
}
