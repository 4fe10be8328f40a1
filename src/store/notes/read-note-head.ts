/**
 * One note's header, read from its front matter alone (front-matter-head.ts reads the first few
 * KiB), and for a debrief, when asked, its open follow-ups too, which are in its body: so the
 * notes index can answer `coach followups` and `coach account` without reading every debrief on
 * every run. Only
 * a regular file is read: the note is opened without blocking and checked on the open
 * descriptor, so a `*.md` that is a FIFO, or a link to one or to a device, is skipped at once
 * instead of hanging the history.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { openFollowUps, type FollowUp } from '../../core/note/follow-ups.js';
import { describeBytes, describeFsError } from '../files/read-text-file.js';
import { readFrontMatterHead, type HeadBuffer } from './front-matter-head.js';
import { noteHeader, type MappingReader, type NoteHeader } from './note-header.js';
import { MAX_SAVED_BYTES } from './saved-size-limit.js';

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A debrief's open follow-ups, or why its body could not be read (the header still counts). */
export type NoteBoxes = { open: FollowUp[] } | { reason: string };

/** What the notes index keeps of a note: its header, and a debrief's open follow-ups once asked for. */
export interface IndexedNote extends NoteHeader {
  /** A debrief's follow-ups; undefined for a prep, and for a debrief read without them. */
  boxes?: NoteBoxes | undefined;
}

/** What a note's file says, and the file's identity when it was read (for the notes index). */
export interface NoteHead {
  result: IndexedNote | { reason: string };
  stats?: Stats | undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export const NOT_A_REGULAR_FILE = 'it is not a regular file';

/**
 * `withBoxes`: also read a debrief's body for its follow-ups. The history has no use for them, so
 * a debrief it reads is read only as far as its front matter; followups and account read the rest
 * when they next run.
 */
export function readNoteHead(path: string, buffer: HeadBuffer, withBoxes: boolean, read: MappingReader): NoteHead {
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
    const header = noteHeader(head.frontMatter, read);
    if (!header.ok) return { result: { reason: header.reason }, stats };
    if (header.header.kind !== 'debrief' || !withBoxes) return { result: header.header, stats };
    return { result: { ...header.header, boxes: readBoxes(fd) }, stats };
  } catch (error) {
    return { result: { reason: `cannot read it: ${describeFsError(error)}` } };
  } finally {
    closeSync(fd);
  }
}

/** The whole note, read again from its start, for the follow-ups in its body. */
function readBoxes(fd: number): NoteBoxes {
  let bytes = Buffer.allocUnsafe(64 * 1024);
  let length = 0;
  for (;;) {
    if (length === bytes.length) {
      if (length > MAX_SAVED_BYTES) return { reason: `the note is larger than ${describeBytes(MAX_SAVED_BYTES)}; coach reads at most ${describeBytes(MAX_SAVED_BYTES)}` };
      const bigger = Buffer.allocUnsafe(Math.min(length * 4, MAX_SAVED_BYTES + 1));
      bytes.copy(bigger, 0, 0, length);
      bytes = bigger;
    }
    const read = readSync(fd, bytes, length, bytes.length - length, length);
    if (read === 0) break;
    length += read;
  }
  if (length > MAX_SAVED_BYTES) return { reason: `the note is larger than ${describeBytes(MAX_SAVED_BYTES)}; coach reads at most ${describeBytes(MAX_SAVED_BYTES)}` };
  try {
    return { open: openFollowUps(strictUtf8.decode(bytes.subarray(0, length))) };
  } catch {
    return { reason: 'its text is not valid UTF-8; save it as UTF-8 and try again' };
  }
}
