/**
 * The notes index on disk: what the history needs of each note (its header, or why it was
 * skipped; for a debrief its open follow-ups, for `coach followups` and `coach account`), with
 * the file's size, times and inode when it was read, so a later run re-reads only the notes that
 * changed. It lives in coach's cache directory, one file per notes directory, and is disposable:
 * the notes directory is the only truth. Whatever is wrong with the file (missing, truncated,
 * garbage, another coach version, a directory, a FIFO) makes it simply not there.
 *
 * The layout is binary columns, not JSON: a short JSON header, then the stamps as float64s, each
 * note's fields as int32 places into one table of distinct strings, and the strings and the file
 * names each as one UTF-8 text with the offsets where each one ends. Loading it reads each number
 * column straight into a typed array and decodes two texts; a string is cut out of its text only
 * when it is asked for, and a listed name is compared with the index's in place.
 * Over 100,000 notes the JSON of format 3 took 100 ms to parse in bare Node and peaked at 95 MiB
 * over Node's own (the text, its bytes and an object per value).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { COACH_VERSION } from '../cache/coach-build.js';
import { fnv1a32 } from '../cache/fnv1a.js';
import type { FollowUp } from '../../core/note/follow-ups.js';
import type { NoteHeader } from './note-header.js';
import type { IndexedNote, NoteBoxes } from './read-note-head.js';
import { writeCacheFileSync } from '../cache/cache-file.js';

/** Bumped whenever the layout changes, so an older index is ignored rather than misread. */
const NOTES_INDEX_FORMAT = 4;

// Windows has no O_NONBLOCK (and no FIFOs in the file system); the flag is simply left out there.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Far more than years of notes need (100,000 notes take about 20 MB); anything larger is not ours. */
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
 * kind, then playbook, customer, title, date, created, prep as places in the strings (-1: none),
 * then a debrief's follow-ups: where they start in `boxes` and how many (-1: not a debrief, -2: a
 * debrief whose body has not been read yet), and why its body could not be read (a place in the
 * strings, -1: it could).
 */
const FIELDS = 10;
/** A follow-up in `boxes`: its line, then its text, owner and due date as places in the strings. */
const BOX = 4;
const KINDS = ['prep', 'debrief', 'skipped'] as const;
const NOT_A_DEBRIEF = -1;
const BODY_NOT_READ = -2;
const SKIPPED = 2;
/** The fields that are places in the strings: 1-6 and 9 of a note, 1-3 of a box. */
const NOTE_PLACES = [1, 2, 3, 4, 5, 6, 9] as const;
const BOX_PLACES = [1, 2, 3] as const;
/** Strings a small index may gain before its table is compacted, however few it had then. */
const SPARE_STRINGS = 1024;

/** The file opens with the header's length (4 bytes), then the header, then the sections in this order. */
interface Header {
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
 * `<cache>/notes-index/<hash of the notes directory>.index`. The hash only spreads names: the
 * index names its directory inside, so two directories with one hash cost each other a re-read,
 * never a wrong answer.
 */
export function notesIndexFile(cacheDir: string, notesDir: string): string {
  return join(cacheDir, 'notes-index', `${fnv1a32(notesDir).toString(16).padStart(8, '0')}.index`);
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

/**
 * Collects the notes of a directory, in order, and writes them as an index. A note kept from the
 * loaded index is copied as numbers (its strings keep their places in the old table), so
 * rewriting the index after a few notes changed costs little more than writing its bytes.
 */
export class NotesIndexWriter {
  private readonly names: string[] = [];
  private readonly stamps: Float64Array;
  /** Places below `oldCount` are the loaded index's; from it on, `added` strings. */
  private readonly fields: Int32Array;
  private readonly boxes: number[] = [];
  private readonly added: string[] = [];
  private readonly places = new Map<string, number>();
  private readonly oldCount: number;

  /** `capacity`: at most how many notes will be added or kept. */
  constructor(
    capacity: number,
    private readonly from?: LoadedIndex,
  ) {
    this.stamps = new Float64Array(capacity * STAMP);
    this.fields = new Int32Array(capacity * FIELDS);
    this.oldCount = from?.stringEnds.length ?? 0;
  }

  /** The note at `position` of the loaded index, unchanged, under the same name. */
  keep(name: string, position: number): void {
    const from = this.from as LoadedIndex;
    const note = this.names.push(name) - 1;
    this.stamps.set(from.stamps.subarray(position * STAMP, (position + 1) * STAMP), note * STAMP);
    const at = position * FIELDS;
    this.fields.set(from.fields.subarray(at, at + FIELDS), note * FIELDS);
    const count = from.fields[at + 8] as number;
    if (count >= 0) {
      // Its follow-ups move to the end of the new column.
      const start = from.fields[at + 7] as number;
      this.fields[note * FIELDS + 7] = this.boxes.length;
      for (let box = start; box < start + count * BOX; box++) this.boxes.push(from.boxes[box] as number);
    }
  }

  add(name: string, stamp: FileStamp, result: NoteResult): void {
    const note = this.names.push(name) - 1;
    this.stamps.set([stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino], note * STAMP);
    if ('reason' in result) {
      this.fields.set([SKIPPED, this.place(result.reason), -1, -1, -1, -1, -1, -1, -1, -1], note * FIELDS);
      return;
    }
    const { kind, playbook, customer, title, date, created, prep, boxes } = result;
    let follow: number[];
    if (boxes === undefined) {
      follow = [0, kind === 'debrief' ? BODY_NOT_READ : NOT_A_DEBRIEF, -1];
    } else if ('reason' in boxes) {
      follow = [0, 0, this.place(boxes.reason)];
    } else {
      follow = [this.boxes.length, boxes.open.length, -1];
      for (const item of boxes.open) this.boxes.push(item.line, this.place(item.text), this.place(item.owner), this.place(item.due));
    }
    this.fields.set([KINDS.indexOf(kind), this.place(playbook), this.place(customer), this.place(title), this.place(date), this.place(created), this.place(prep), ...follow], note * FIELDS);
  }

  save(file: string, notesDir: string): void {
    writeCacheFileSync(file, this.encode(notesDir));
  }

  private place(text: string | undefined): number {
    if (text === undefined) return -1;
    let place = this.places.get(text);
    if (place === undefined) {
      place = this.oldCount + this.added.push(text) - 1;
      this.places.set(text, place);
    }
    return place;
  }

  /**
   * The file's bytes. The loaded strings keep their places and the added ones follow, so the
   * loaded text is written again whole and no note's fields change. An added string is not
   * looked up among the loaded ones (that would cut out every string of a large index), and a
   * loaded one no longer used is not looked for on every write (that is a pass over every note):
   * the table may hold a customer's name twice, or an edited note's old title, until it has grown
   * to twice what it was when it last held only strings in use; then it is built again without
   * the unused ones.
   */
  private encode(notesDir: string): Buffer {
    const { from, oldCount, added } = this;
    const count = this.names.length;
    const fields = this.fields.subarray(0, count * FIELDS);
    const boxes = Int32Array.from(this.boxes);
    let strings: string[];
    let ends: Uint32Array;
    let compacted: number;
    if (from === undefined) {
      strings = added;
      ends = new Uint32Array(added.length);
      let end = 0;
      added.forEach((text, index) => {
        ends[index] = end += text.length;
      });
      compacted = added.length;
    } else if (oldCount + added.length <= 2 * from.compacted + SPARE_STRINGS) {
      strings = [from.stringsText].concat(added);
      ends = new Uint32Array(oldCount + added.length);
      ends.set(from.stringEnds);
      let end = from.stringsText.length;
      added.forEach((text, index) => {
        ends[oldCount + index] = end += text.length;
      });
      compacted = from.compacted;
    } else {
      strings = [];
      ends = this.compact(from, fields, boxes, strings);
      compacted = ends.length;
    }
    let nameEnd = 0;
    const nameEnds = Uint32Array.from(this.names, (name) => (nameEnd += name.length));
    const namesText = Buffer.from(this.names.join(''), 'utf8');
    const stringsText = Buffer.from(strings.join(''), 'utf8');
    const header: Header = {
      format: NOTES_INDEX_FORMAT,
      coach: COACH_VERSION,
      dir: notesDir,
      endian: endianness(),
      notes: count,
      strings: ends.length,
      boxes: boxes.length / BOX,
      namesBytes: namesText.length,
      stringsBytes: stringsText.length,
      compacted,
    };
    const sections = [this.stamps.subarray(0, count * STAMP), fields, boxes, nameEnds, ends, namesText, stringsText];
    return Buffer.concat([headerBytes(header), ...sections.map((section) => new Uint8Array(section.buffer, section.byteOffset, section.byteLength))]);
  }

  /** The strings in use, in their order, into `strings`; every place in `fields` and `boxes` renumbered. Returns their ends. */
  private compact(from: LoadedIndex, fields: Int32Array, boxes: Int32Array, strings: string[]): Uint32Array {
    const { oldCount, added } = this;
    const used = new Uint8Array(oldCount + added.length);
    // Written out rather than over a list of fields: this runs as cold code over every note.
    // A missing field (-1) falls outside the array and marks nothing.
    for (let at = 0; at < fields.length; at += FIELDS) {
      used[fields[at + 1] as number] = 1;
      used[fields[at + 2] as number] = 1;
      used[fields[at + 3] as number] = 1;
      used[fields[at + 4] as number] = 1;
      used[fields[at + 5] as number] = 1;
      used[fields[at + 6] as number] = 1;
      used[fields[at + 9] as number] = 1;
    }
    for (let box = 0; box < boxes.length; box += BOX) {
      used[boxes[box + 1] as number] = 1;
      used[boxes[box + 2] as number] = 1;
      used[boxes[box + 3] as number] = 1;
    }
    const renumber = new Int32Array(used.length);
    const ends: number[] = [];
    let end = 0;
    for (let place = 0; place < used.length; place++) {
      if (used[place] === 0) continue;
      const text = place < oldCount ? (from.text(place) as string) : (added[place - oldCount] as string);
      strings.push(text);
      end += text.length;
      renumber[place] = ends.push(end) - 1;
    }
    for (let at = 0; at < fields.length; at += FIELDS) {
      for (const field of NOTE_PLACES) {
        const place = fields[at + field] as number;
        if (place !== -1) fields[at + field] = renumber[place] as number;
      }
    }
    for (let box = 0; box < boxes.length; box += BOX) {
      for (const field of BOX_PLACES) {
        const place = boxes[box + field] as number;
        if (place !== -1) boxes[box + field] = renumber[place] as number;
      }
    }
    return Uint32Array.from(ends);
  }

}

function headerBytes(header: Header): Uint8Array {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return Buffer.concat([length, json]);
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
