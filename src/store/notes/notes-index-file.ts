/**
 * The notes index on disk: what the history needs of each note (its header, or why it was
 * skipped; for a debrief its open follow-ups, for `coach followups` and `coach account`), with the file's size, times and inode when it was read, so a later run re-reads only
 * the notes that changed. It lives in coach's cache directory, one file per notes directory, and
 * is disposable: the notes directory is the only truth. Whatever is wrong with the file (missing,
 * truncated, garbage, another coach version, a directory, a FIFO) makes it simply not there.
 *
 * The layout is columns of JSON arrays rather than an object per note: the names, the stamps as
 * one flat array of numbers, each note's fields as numbers into one table of distinct strings.
 * Over 100,000 notes that parses in a fraction of the time and memory of the same data with a
 * key on every value, and a customer's name or a date is one string however often it appears.
 */
import { join } from 'node:path';
import { COACH_VERSION } from '../cache/coach-build.js';
import { fnv1a32 } from '../cache/fnv1a.js';
import type { FollowUp } from '../../core/note/follow-ups.js';
import type { NoteHeader } from './note-header.js';
import type { IndexedNote, NoteBoxes } from './read-note-head.js';
import { readCacheJson, writeCacheFileSync } from '../cache/cache-file.js';

/** Bumped whenever the layout changes, so an older index is ignored rather than misread. */
const NOTES_INDEX_FORMAT = 3;

/** Far more than years of notes need (100,000 notes take about 15 MB); anything larger is not ours. */
const MAX_INDEX_BYTES = 256 * 1024 * 1024;

/** A note's file when it was read: what tells that it has not changed since. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export type NoteResult = IndexedNote | { reason: string };

const STAMP = 4;
/**
 * kind, then playbook, customer, title, date, created, prep as places in `strings` (-1: none),
 * then a debrief's follow-ups: where they start in `boxes` and how many (-1: not a debrief), and
 * why its body could not be read (a place in `strings`, -1: it could).
 */
const FIELDS = 10;
/** A follow-up in `boxes`: its line, then its text, owner and due date as places in `strings`. */
const BOX = 4;
const KINDS = ['prep', 'debrief', 'skipped'] as const;
const SKIPPED = 2;

interface IndexColumns {
  /** In the order readNotesIndex lists them. */
  names: string[];
  stamps: number[];
  strings: string[];
  notes: number[];
  boxes: number[];
}

export interface LoadedIndex extends IndexColumns {
  /**
   * When the index was written, by the file system's clock (the index file's own mtime). A note
   * whose times are not before it may have changed again within the same clock tick after it was
   * read (git's "racily clean" files), so it is read again rather than trusted.
   */
  writtenAt: number;
}

/**
 * `<cache>/notes-index/<hash of the notes directory>.json`. The hash only spreads names: the index
 * names its directory inside, so two directories with one hash cost each other a re-read, never
 * a wrong answer.
 */
export function notesIndexFile(cacheDir: string, notesDir: string): string {
  return join(cacheDir, 'notes-index', `${fnv1a32(notesDir).toString(16).padStart(8, '0')}.json`);
}

export function loadNotesIndex(file: string, notesDir: string): LoadedIndex | undefined {
  const read = readCacheJson(file, MAX_INDEX_BYTES);
  const columns = read === undefined ? undefined : wellFormed(read.value, notesDir);
  return columns === undefined || read === undefined ? undefined : { ...columns, writtenAt: read.stats.mtimeMs };
}

/** Whether the note at `position` is unchanged: same stamp, and older than the index itself. */
export function isUnchanged(index: LoadedIndex, position: number, now: FileStamp): boolean {
  const at = position * STAMP;
  const { stamps } = index;
  return (
    stamps[at] === now.size &&
    stamps[at + 1] === now.mtimeMs &&
    stamps[at + 2] === now.ctimeMs &&
    stamps[at + 3] === now.ino &&
    now.mtimeMs < index.writtenAt &&
    now.ctimeMs < index.writtenAt
  );
}

export function stampAt(index: LoadedIndex, position: number): FileStamp {
  const at = position * STAMP;
  const { stamps } = index;
  return { size: stamps[at] ?? 0, mtimeMs: stamps[at + 1] ?? 0, ctimeMs: stamps[at + 2] ?? 0, ino: stamps[at + 3] ?? 0 };
}

/** What the note at `position` said when it was read. */
export function resultAt(index: LoadedIndex, position: number): NoteResult {
  const summary = summaryAt(index, position, '', '');
  if ('reason' in summary) return summary;
  const { id: _id, path: _path, ...header } = summary;
  const boxes = boxesAt(index, position);
  return boxes === undefined ? header : { ...header, boxes };
}

/** A debrief's open follow-ups as they were when it was read; undefined for any other note. */
export function boxesAt(index: LoadedIndex, position: number): NoteBoxes | undefined {
  const at = position * FIELDS;
  const { notes, strings, boxes } = index;
  const start = notes[at + 7] ?? -1;
  const count = notes[at + 8] ?? -1;
  if (count === -1) return undefined;
  const problem = textAt(notes, strings, at + 9);
  if (problem !== undefined) return { reason: problem };
  const open: FollowUp[] = [];
  for (let box = start; box < start + count * BOX; box += BOX) {
    const owner = textAt(boxes, strings, box + 2);
    const due = textAt(boxes, strings, box + 3);
    const item: FollowUp = { line: boxes[box] ?? 0, text: textAt(boxes, strings, box + 1) ?? '' };
    open.push(owner === undefined && due === undefined ? item : { ...item, owner, due });
  }
  return { open };
}

/**
 * The note at `position` as the history lists it, with its id and path: one object literal per
 * note (one shape for all of them), not a header copied into a second object.
 */
export function summaryAt(index: LoadedIndex, position: number, id: string, path: string): (NoteHeader & { id: string; path: string }) | { reason: string } {
  const at = position * FIELDS;
  const { notes, strings } = index;
  const kind = notes[at] ?? SKIPPED;
  if (kind === SKIPPED) return { reason: textAt(notes, strings, at + 1) ?? '' };
  return {
    id,
    path,
    kind: KINDS[kind] as NoteHeader['kind'],
    playbook: textAt(notes, strings, at + 1) ?? '',
    customer: textAt(notes, strings, at + 2) ?? '',
    title: textAt(notes, strings, at + 3),
    date: textAt(notes, strings, at + 4) ?? '',
    created: textAt(notes, strings, at + 5),
    prep: textAt(notes, strings, at + 6),
  };
}

function textAt(notes: readonly number[], strings: readonly string[], at: number): string | undefined {
  const place = notes[at] ?? -1;
  return place === -1 ? undefined : strings[place];
}

/** Collects the notes of a directory, in order, and writes them as an index. */
export class NotesIndexWriter {
  private readonly columns: IndexColumns = { names: [], stamps: [], strings: [], notes: [], boxes: [] };
  private readonly places = new Map<string, number>();

  add(name: string, stamp: FileStamp, result: NoteResult): void {
    const { names, stamps, notes } = this.columns;
    names.push(name);
    stamps.push(stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino);
    if ('reason' in result) {
      notes.push(SKIPPED, this.place(result.reason), -1, -1, -1, -1, -1, -1, -1, -1);
      return;
    }
    const { kind, playbook, customer, title, date, created, prep, boxes } = result;
    notes.push(KINDS.indexOf(kind), this.place(playbook), this.place(customer), this.place(title), this.place(date), this.place(created), this.place(prep));
    if (boxes === undefined) {
      notes.push(-1, -1, -1);
    } else if ('reason' in boxes) {
      notes.push(0, 0, this.place(boxes.reason));
    } else {
      notes.push(this.columns.boxes.length, boxes.open.length, -1);
      for (const item of boxes.open) this.columns.boxes.push(item.line, this.place(item.text), this.place(item.owner), this.place(item.due));
    }
  }

  save(file: string, notesDir: string): void {
    writeCacheFileSync(file, JSON.stringify({ format: NOTES_INDEX_FORMAT, coach: COACH_VERSION, dir: notesDir, ...this.columns }));
  }

  private place(text: string | undefined): number {
    if (text === undefined) return -1;
    let place = this.places.get(text);
    if (place === undefined) {
      place = this.columns.strings.push(text) - 1;
      this.places.set(text, place);
    }
    return place;
  }
}

/** The columns, when `stored` is an index this version wrote for this directory; undefined otherwise. */
function wellFormed(stored: unknown, notesDir: string): IndexColumns | undefined {
  if (stored === null || typeof stored !== 'object') return undefined;
  const { format, coach, dir, names, stamps, strings, notes, boxes } = stored as Record<string, unknown>;
  if (format !== NOTES_INDEX_FORMAT || coach !== COACH_VERSION || dir !== notesDir) return undefined;
  if (!Array.isArray(names) || !Array.isArray(stamps) || !Array.isArray(strings) || !Array.isArray(notes) || !Array.isArray(boxes)) return undefined;
  const count = names.length;
  if (stamps.length !== count * STAMP || notes.length !== count * FIELDS) return undefined;
  // Plain loops, no callback or array per note: over 100,000 notes this runs as cold code.
  for (const name of names) if (typeof name !== 'string') return undefined;
  for (const text of strings) if (typeof text !== 'string') return undefined;
  for (const value of stamps) if (typeof value !== 'number') return undefined;
  const distinct = strings.length;
  const isPlace = (place: unknown): boolean => typeof place === 'number' && Number.isInteger(place) && place >= -1 && place < distinct;
  for (let at = 0; at < notes.length; at += FIELDS) {
    const kind: unknown = notes[at];
    if (kind !== 0 && kind !== 1 && kind !== SKIPPED) return undefined;
    // Playbook, customer, title, date, created, prep, and why a debrief's body could not be read.
    for (let field = 1; field <= 6; field++) if (!isPlace(notes[at + field])) return undefined;
    if (!isPlace(notes[at + 9])) return undefined;
    // The fields every header has (playbook, customer, date), and a skipped note's reason, are never missing.
    if (notes[at + 1] === -1 || (kind !== SKIPPED && (notes[at + 2] === -1 || notes[at + 4] === -1))) return undefined;
    const start: unknown = notes[at + 7];
    const count: unknown = notes[at + 8];
    if (!Number.isInteger(start) || !Number.isInteger(count) || (count as number) < -1) return undefined;
    if ((count as number) >= 0 && ((start as number) < 0 || (start as number) + (count as number) * BOX > boxes.length)) return undefined;
  }
  if (boxes.length % BOX !== 0) return undefined;
  for (let box = 0; box < boxes.length; box += BOX) {
    const line: unknown = boxes[box];
    if (!Number.isInteger(line) || (line as number) < 0 || boxes[box + 1] === -1) return undefined;
    for (let field = 1; field < BOX; field++) if (!isPlace(boxes[box + field])) return undefined;
  }
  return { names: names as string[], stamps: stamps as number[], strings: strings as string[], notes: notes as number[], boxes: boxes as number[] };
}
