/**
 * The notes index on disk: what the history needs of each note (its header, or why it was
 * skipped; for a debrief its open follow-ups, for `coach followups` and `coach account`), with
 * the file's size, times and inode when it was read, so a later run re-reads only the notes that
 * changed. It lives in coach's cache directory, one file per notes directory, and is disposable:
 * the notes directory is the only truth. Whatever is wrong with the file (missing, truncated,
 * garbage, another coach version, a directory, a FIFO) makes it simply not there.
 *
 * This file is the layout both sides share; notes-index-reader.ts loads it and
 * notes-index-writer.ts writes it. The layout is binary columns, not JSON: a short JSON header,
 * then the stamps as float64s, each note's fields as int32 places into one table of distinct
 * strings, and the strings and the file names each as one UTF-8 text with the offsets where each
 * one ends. Loading it reads each number column straight into a typed array and decodes two
 * texts; a string is cut out of its text only when it is asked for, and a listed name is
 * compared with the index's in place. Over 100,000 notes the JSON of format 3 took 100 ms to
 * parse in bare Node and peaked at 95 MiB over Node's own (the text, its bytes and an object per
 * value).
 */
import { join } from 'node:path';
import { fnv1a32 } from '../cache/fnv1a.js';
import type { IndexedNote } from './read-note-head.js';

/** Bumped whenever the layout changes, so an older index is ignored rather than misread. */
export const NOTES_INDEX_FORMAT = 4;

/** A note's file when it was read: what tells that it has not changed since. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export type NoteResult = IndexedNote | { reason: string };

export const STAMP = 4;
/**
 * kind, then playbook, customer, title, date, created, prep as places in the strings (-1: none),
 * then a debrief's follow-ups: where they start in `boxes` and how many (-1: not a debrief, -2: a
 * debrief whose body has not been read yet), and why its body could not be read (a place in the
 * strings, -1: it could).
 */
export const FIELDS = 10;
/** A follow-up in `boxes`: its line, then its text, owner and due date as places in the strings. */
export const BOX = 4;
export const KINDS = ['prep', 'debrief', 'skipped'] as const;
export const NOT_A_DEBRIEF = -1;
export const BODY_NOT_READ = -2;
export const SKIPPED = 2;
/** The fields that are places in the strings: 1-6 and 9 of a note, 1-3 of a box. */
export const NOTE_PLACES = [1, 2, 3, 4, 5, 6, 9] as const;
export const BOX_PLACES = [1, 2, 3] as const;

/** The file opens with the header's length (4 bytes), then the header, then the sections in this order. */
export interface Header {
  format: number;
  coach: string;
  dir: string;
  /** Typed arrays are the machine's byte order; a cache copied to another machine is not read. */
  endian: string;
  notes: number;
  strings: number;
  boxes: number;
  /** Bytes of the UTF-8 texts of the file names and of the strings. */
  namesBytes: number;
  stringsBytes: number;
  /** How many strings the table had when it last held only strings in use (see NotesIndexWriter). */
  compacted: number;
}

/**
 * `<cache>/notes-index/<hash of the notes directory>.index`. The hash only spreads names: the
 * index names its directory inside, so two directories with one hash cost each other a re-read,
 * never a wrong answer.
 */
export function notesIndexFile(cacheDir: string, notesDir: string): string {
  return join(cacheDir, 'notes-index', `${fnv1a32(notesDir).toString(16).padStart(8, '0')}.index`);
}
