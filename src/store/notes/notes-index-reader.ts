/**
 * Loads the notes index (its layout: notes-index-layout.ts) and answers questions about the
 * notes it holds, reading each from its columns only when asked.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { COACH_VERSION } from '../cache/coach-build.js';
import type { FollowUp } from '../../core/note/follow-ups.js';
import type { NoteHeader } from './note-header.js';
import type { NoteBoxes } from './read-note-head.js';
import { BODY_NOT_READ, BOX, FIELDS, KINDS, NOTES_INDEX_FORMAT, SKIPPED, STAMP, type FileStamp, type Header } from './notes-index-layout.js';

// Windows has no O_NONBLOCK (and no FIFOs in the file system); the flag is simply left out there.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Far more than years of notes need (100,000 notes take about 20 MB); anything larger is not ours. */
const MAX_INDEX_BYTES = 256 * 1024 * 1024;

/** The index as it was read: columns over the file's bytes, decoded only as far as asked. */
export class LoadedIndex {
  /**
   * When the index was written, by the file system's clock (the index file's own mtime). A note
   * whose times are not before it may have changed again within the same clock tick after it was
   * read (git's "racily clean" files), so it is read again rather than trusted.
   */
  readonly writtenAt: number;
  readonly count: number;
  readonly stamps: Float64Array;
  readonly fields: Int32Array;
  readonly boxes: Int32Array;
  private readonly nameEnds: Uint32Array;
  private readonly names: string;
  readonly stringEnds: Uint32Array;
  readonly stringsText: string;
  readonly compacted: number;
  /** Each string cut from the text once, when first asked for: the notes share them. */
  private readonly cut: (string | undefined)[];

  constructor(columns: Columns, writtenAt: number) {
    this.writtenAt = writtenAt;
    this.count = columns.nameEnds.length;
    this.stamps = columns.stamps;
    this.fields = columns.fields;
    this.boxes = columns.boxes;
    this.nameEnds = columns.nameEnds;
    this.names = columns.names;
    this.stringEnds = columns.stringEnds;
    this.stringsText = columns.strings;
    this.compacted = columns.compacted;
    this.cut = new Array<string | undefined>(columns.stringEnds.length);
  }

  /** Whether the note at `position` is the file `name`, without cutting its name out. */
  nameIs(position: number, name: string): boolean {
    const start = position === 0 ? 0 : (this.nameEnds[position - 1] as number);
    return (this.nameEnds[position] as number) - start === name.length && this.names.startsWith(name, start);
  }

  nameAt(position: number): string {
    return this.names.slice(position === 0 ? 0 : this.nameEnds[position - 1], this.nameEnds[position]);
  }

  /** The string at `place`, cut out once and then shared (a customer's name, a date). */
  text(place: number): string | undefined {
    if (place === -1) return undefined;
    let text = this.cut[place];
    if (text === undefined) {
      text = this.stringsText.slice(place === 0 ? 0 : this.stringEnds[place - 1], this.stringEnds[place]);
      this.cut[place] = text;
    }
    return text;
  }

  /** The string at `place`, cut out afresh. */
  textOnce(place: number): string | undefined {
    return place === -1 ? undefined : this.stringsText.slice(place === 0 ? 0 : this.stringEnds[place - 1], this.stringEnds[place]);
  }
}

interface Columns {
  stamps: Float64Array;
  fields: Int32Array;
  boxes: Int32Array;
  nameEnds: Uint32Array;
  names: string;
  stringEnds: Uint32Array;
  strings: string;
  compacted: number;
}

/**
 * The index, when the file is one this version wrote for this directory. Only a regular file is
 * read (opened without blocking, checked on the open descriptor, as read-regular-file.ts does),
 * and a section at a time, straight into its column: the file's bytes are never all in memory
 * beside what is made of them.
 */
export function loadNotesIndex(file: string, notesDir: string): LoadedIndex | undefined {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > MAX_INDEX_BYTES) return undefined;
    const columns = readColumns(fd, stats.size, notesDir);
    return columns === undefined ? undefined : new LoadedIndex(columns, stats.mtimeMs);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
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

/** The file's size, times and inode when the note at `position` was read. */
export function stampAt(index: LoadedIndex, position: number): FileStamp {
  const at = position * STAMP;
  const { stamps } = index;
  return { size: stamps[at] as number, mtimeMs: stamps[at + 1] as number, ctimeMs: stamps[at + 2] as number, ino: stamps[at + 3] as number };
}

/** Whether the note at `position` is a debrief whose follow-ups were not read with it (by the history). */
export function boxesUnread(index: LoadedIndex, position: number): boolean {
  return index.fields[position * FIELDS + 8] === BODY_NOT_READ;
}

/** A debrief's open follow-ups as they were when it was read; undefined for any other note, or when they were not read. */
export function boxesAt(index: LoadedIndex, position: number): NoteBoxes | undefined {
  const at = position * FIELDS;
  const { fields, boxes } = index;
  const start = fields[at + 7] as number;
  const count = fields[at + 8] as number;
  if (count < 0) return undefined;
  const problem = index.text(fields[at + 9] as number);
  if (problem !== undefined) return { reason: problem };
  const open: FollowUp[] = [];
  for (let box = start; box < start + count * BOX; box += BOX) {
    const owner = index.text(boxes[box + 2] as number);
    const due = index.text(boxes[box + 3] as number);
    const item: FollowUp = { line: boxes[box] as number, text: index.text(boxes[box + 1] as number) ?? '' };
    open.push(owner === undefined && due === undefined ? item : { ...item, owner, due });
  }
  return { open };
}

/** Where each header field lies among a note's fields. */
const HEADER_FIELDS = { playbook: 1, customer: 2, title: 3, date: 4, created: 5, prep: 6 } as const;
export type HeaderField = keyof typeof HEADER_FIELDS;

/** The note's kind, or 'skipped' when it is not a note coach could read (reasonAt says why). */
export function kindAt(index: LoadedIndex, position: number): NoteHeader['kind'] | 'skipped' {
  return KINDS[index.fields[position * FIELDS] as number] as NoteHeader['kind'] | 'skipped';
}

export function reasonAt(index: LoadedIndex, position: number): string {
  return index.text(index.fields[position * FIELDS + 1] as number) ?? '';
}

/**
 * The note at `position` as one object, with its id and path: one object literal per note (one
 * shape for all of them), every field read where it lies.
 */
export function summaryAt(index: LoadedIndex, position: number, id: string, path: string): NoteHeader & { id: string; path: string } {
  const at = position * FIELDS;
  const { fields } = index;
  return {
    id,
    path,
    kind: KINDS[fields[at] as number] as NoteHeader['kind'],
    playbook: index.text(fields[at + 1] as number) ?? '',
    customer: index.text(fields[at + 2] as number) ?? '',
    title: index.textOnce(fields[at + 3] as number),
    date: index.text(fields[at + 4] as number) ?? '',
    created: index.text(fields[at + 5] as number),
    prep: index.textOnce(fields[at + 6] as number),
  };
}

/** The meeting date and the time written of the note at `position`, what the history is sorted by. */
export function sortKeysAt(index: LoadedIndex, position: number, into: { dates: string[]; created: string[] }, row: number): void {
  const at = position * FIELDS;
  into.dates[row] = index.text(index.fields[at + 4] as number) ?? '';
  into.created[row] = index.text(index.fields[at + 5] as number) ?? '';
}

/**
 * A header field of the note at `position`. A title or a prep's id is nearly always one note's
 * own: it is cut out of the text afresh each time, and not kept once the caller is done with it.
 */
export function fieldAt(index: LoadedIndex, position: number, field: HeaderField): string | undefined {
  const place = index.fields[position * FIELDS + HEADER_FIELDS[field]] as number;
  return field === 'title' || field === 'prep' ? index.textOnce(place) : index.text(place);
}

/** The columns, when the file is an index this version wrote for this directory; undefined otherwise. */
function readColumns(fd: number, size: number, notesDir: string): Columns | undefined {
  const length = Buffer.alloc(4);
  if (size < 4 || !readFully(fd, length, 0)) return undefined;
  const headerLength = length.readUInt32LE(0);
  if (headerLength > size - 4) return undefined;
  const headerJson = Buffer.alloc(headerLength);
  if (!readFully(fd, headerJson, 4)) return undefined;
  let header: Header;
  try {
    header = JSON.parse(headerJson.toString('utf8')) as Header;
  } catch {
    return undefined;
  }
  if (header === null || typeof header !== 'object') return undefined;
  if (header.format !== NOTES_INDEX_FORMAT || header.coach !== COACH_VERSION || header.dir !== notesDir || header.endian !== endianness()) return undefined;
  const { notes, strings, boxes, namesBytes, stringsBytes, compacted } = header;
  if (![notes, strings, boxes, namesBytes, stringsBytes, compacted].every((count) => Number.isInteger(count) && count >= 0)) return undefined;
  if (4 + headerLength + notes * (STAMP * 8 + FIELDS * 4 + 4) + boxes * BOX * 4 + strings * 4 + namesBytes + stringsBytes !== size) return undefined;
  let at = 4 + headerLength;
  /** The next section, read into `into`; false when the file ends first. */
  const next = (into: Uint8Array): boolean => {
    const start = at;
    at += into.length;
    return readFully(fd, into, start);
  };
  const stamps = new Float64Array(notes * STAMP);
  const fields = new Int32Array(notes * FIELDS);
  const boxColumn = new Int32Array(boxes * BOX);
  const nameEnds = new Uint32Array(notes);
  const stringEnds = new Uint32Array(strings);
  if (![stamps, fields, boxColumn, nameEnds, stringEnds].every((column) => next(new Uint8Array(column.buffer)))) return undefined;
  // One buffer for both texts, each decoded as soon as it is read.
  const textBytes = Buffer.allocUnsafe(Math.max(namesBytes, stringsBytes));
  const names = next(textBytes.subarray(0, namesBytes)) ? text(textBytes.subarray(0, namesBytes)) : undefined;
  const stringsText = next(textBytes.subarray(0, stringsBytes)) ? text(textBytes.subarray(0, stringsBytes)) : undefined;
  if (names === undefined || stringsText === undefined) return undefined;
  const columns: Columns = { stamps, fields, boxes: boxColumn, nameEnds, names, stringEnds, strings: stringsText, compacted };
  return wellFormed(columns) ? columns : undefined;
}

function readFully(fd: number, into: Uint8Array, position: number): boolean {
  for (let done = 0; done < into.length; ) {
    const read = readSync(fd, into, done, into.length - done, position + done);
    if (read === 0) return false;
    done += read;
  }
  return true;
}

/** The UTF-8 text of a section; undefined when it is not valid UTF-8. */
function text(bytes: Buffer): string | undefined {
  // The lenient decoder is several times faster; only text with U+FFFD in it is checked strictly.
  const decoded = bytes.toString('utf8');
  if (!decoded.includes('\uFFFD')) return decoded;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Every place within the strings, every range within its column: a damaged file is not trusted. */
function wellFormed(columns: Columns): boolean {
  const { fields, boxes, nameEnds, names, stringEnds, strings } = columns;
  if (!endsAtEnd(nameEnds, names.length) || !endsAtEnd(stringEnds, strings.length)) return false;
  const distinct = stringEnds.length;
  // Plain loops, written out, no callback or iterator per note: over 100,000 notes this runs as
  // cold code, where each call costs more than the checks.
  for (let at = 0; at < fields.length; at += FIELDS) {
    const kind = fields[at] as number;
    if (kind !== 0 && kind !== 1 && kind !== SKIPPED) return false;
    // The fields every header has (playbook, customer, date), and a skipped note's reason, are never missing.
    const first = fields[at + 1] as number;
    if (first < 0 || first >= distinct) return false;
    const customer = fields[at + 2] as number;
    const date = fields[at + 4] as number;
    if (kind !== SKIPPED && (customer === -1 || date === -1)) return false;
    if (customer < -1 || customer >= distinct || date < -1 || date >= distinct) return false;
    const title = fields[at + 3] as number;
    const created = fields[at + 5] as number;
    const prep = fields[at + 6] as number;
    const problem = fields[at + 9] as number;
    if (title < -1 || title >= distinct || created < -1 || created >= distinct || prep < -1 || prep >= distinct || problem < -1 || problem >= distinct) return false;
    const start = fields[at + 7] as number;
    const count = fields[at + 8] as number;
    if (count < BODY_NOT_READ || (count >= 0 && (start < 0 || start + count * BOX > boxes.length))) return false;
  }
  for (let box = 0; box < boxes.length; box += BOX) {
    const text = boxes[box + 1] as number;
    const owner = boxes[box + 2] as number;
    const due = boxes[box + 3] as number;
    if ((boxes[box] as number) < 0 || text < 0 || text >= distinct || owner < -1 || owner >= distinct || due < -1 || due >= distinct) return false;
  }
  return true;
}

/**
 * Whether the ends finish exactly at the end of their text. They are not checked one by one (a
 * loop over every string costs more than the rest of loading): an end out of order, like a
 * damaged byte of the text, gives a wrong string, never a failure.
 */
function endsAtEnd(ends: Uint32Array, length: number): boolean {
  return (ends.length === 0 ? 0 : ends[ends.length - 1]) === length;
}
