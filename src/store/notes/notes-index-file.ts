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
 * names each as one UTF-8 text with the offsets where each one ends. Loading it is one read, a
 * copy of each number column into a typed array and two text decodings; a string is cut out of
 * its text only when it is asked for, and a listed name is compared with the index's in place.
 * Over 100,000 notes the JSON of format 3 took 100 ms to parse in bare Node and peaked at 95 MiB
 * over Node's own (the text, its bytes and an object per value).
 */
import { endianness } from 'node:os';
import { join } from 'node:path';
import { COACH_VERSION } from '../cache/coach-build.js';
import { fnv1a32 } from '../cache/fnv1a.js';
import type { FollowUp } from '../../core/note/follow-ups.js';
import type { NoteHeader } from './note-header.js';
import type { IndexedNote, NoteBoxes } from './read-note-head.js';
import { writeCacheFileSync } from '../cache/cache-file.js';
import { readRegularFileSync } from '../files/read-regular-file.js';

/** Bumped whenever the layout changes, so an older index is ignored rather than misread. */
const NOTES_INDEX_FORMAT = 4;

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
 * then a debrief's follow-ups: where they start in `boxes` and how many (-1: not a debrief), and
 * why its body could not be read (a place in the strings, -1: it could).
 */
const FIELDS = 10;
/** A follow-up in `boxes`: its line, then its text, owner and due date as places in the strings. */
const BOX = 4;
const KINDS = ['prep', 'debrief', 'skipped'] as const;
const SKIPPED = 2;
/** The fields that are places in the strings: 1-6 and 9 of a note, 1-3 of a box. */
const NOTE_PLACES = [1, 2, 3, 4, 5, 6, 9] as const;
const BOX_PLACES = [1, 2, 3] as const;

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

  text(place: number): string | undefined {
    if (place === -1) return undefined;
    let text = this.cut[place];
    if (text === undefined) {
      text = this.stringsText.slice(place === 0 ? 0 : this.stringEnds[place - 1], this.stringEnds[place]);
      this.cut[place] = text;
    }
    return text;
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
}

/**
 * `<cache>/notes-index/<hash of the notes directory>.index`. The hash only spreads names: the
 * index names its directory inside, so two directories with one hash cost each other a re-read,
 * never a wrong answer.
 */
export function notesIndexFile(cacheDir: string, notesDir: string): string {
  return join(cacheDir, 'notes-index', `${fnv1a32(notesDir).toString(16).padStart(8, '0')}.index`);
}

export function loadNotesIndex(file: string, notesDir: string): LoadedIndex | undefined {
  const read = readRegularFileSync(file, MAX_INDEX_BYTES);
  if (!('bytes' in read)) return undefined;
  const columns = decode(read.bytes, notesDir);
  return columns === undefined ? undefined : new LoadedIndex(columns, read.stats.mtimeMs);
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

/** A debrief's open follow-ups as they were when it was read; undefined for any other note. */
export function boxesAt(index: LoadedIndex, position: number): NoteBoxes | undefined {
  const at = position * FIELDS;
  const { fields, boxes } = index;
  const start = fields[at + 7] as number;
  const count = fields[at + 8] as number;
  if (count === -1) return undefined;
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

/**
 * The note at `position` as the history lists it, with its id and path: one object literal per
 * note (one shape for all of them), not a header copied into a second object.
 */
export function summaryAt(index: LoadedIndex, position: number, id: string, path: string): (NoteHeader & { id: string; path: string }) | { reason: string } {
  const at = position * FIELDS;
  const { fields } = index;
  const kind = fields[at] as number;
  if (kind === SKIPPED) return { reason: index.text(fields[at + 1] as number) ?? '' };
  return {
    id,
    path,
    kind: KINDS[kind] as NoteHeader['kind'],
    playbook: index.text(fields[at + 1] as number) ?? '',
    customer: index.text(fields[at + 2] as number) ?? '',
    title: index.text(fields[at + 3] as number),
    date: index.text(fields[at + 4] as number) ?? '',
    created: index.text(fields[at + 5] as number),
    prep: index.text(fields[at + 6] as number),
  };
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
      follow = [-1, -1, -1];
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
   * The file's bytes. The strings are the loaded ones still in use, in their order, then the
   * added ones: when every loaded string is still in use (the usual case) its text is written
   * again whole and no place changes. An added string is not looked up among the loaded ones
   * (that would cut out every string of a large index): a customer's name may be kept twice,
   * once per note read since the index was last built whole, at the latest when coach is updated.
   */
  private encode(notesDir: string): Buffer {
    const { from, oldCount, added } = this;
    const count = this.names.length;
    const fields = this.fields.subarray(0, count * FIELDS);
    const boxes = Int32Array.from(this.boxes);
    const used = new Uint8Array(oldCount + added.length);
    // Written out rather than over a list of fields: this runs as cold code over every note.
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
    let inUse = 0;
    for (let place = 0; place < oldCount; place++) inUse += used[place] as number;
    const strings: string[] = [];
    let ends: Uint32Array;
    if (inUse === oldCount) {
      if (from !== undefined) strings.push(from.stringsText);
      ends = new Uint32Array(oldCount + added.length);
      if (from !== undefined) ends.set(from.stringEnds);
      let end = from?.stringsText.length ?? 0;
      added.forEach((text, index) => {
        strings.push(text);
        ends[oldCount + index] = end += text.length;
      });
    } else {
      // Some loaded strings are no longer used: the table is built again without them.
      const renumber = new Int32Array(oldCount + added.length);
      ends = new Uint32Array(inUse + added.length);
      let next = 0;
      let end = 0;
      for (let place = 0; place < oldCount + added.length; place++) {
        if (place < oldCount && used[place] === 0) continue;
        const text = place < oldCount ? ((from as LoadedIndex).text(place) as string) : (added[place - oldCount] as string);
        strings.push(text);
        ends[next] = end += text.length;
        renumber[place] = next++;
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
    };
    const sections = [this.stamps.subarray(0, count * STAMP), fields, boxes, nameEnds, ends, namesText, stringsText];
    return Buffer.concat([headerBytes(header), ...sections.map((section) => new Uint8Array(section.buffer, section.byteOffset, section.byteLength))]);
  }
}

function headerBytes(header: Header): Uint8Array {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return Buffer.concat([length, json]);
}

/** The columns, when `bytes` are an index this version wrote for this directory; undefined otherwise. */
function decode(bytes: Buffer, notesDir: string): Columns | undefined {
  if (bytes.length < 4) return undefined;
  const headerLength = bytes.readUInt32LE(0);
  if (headerLength > bytes.length - 4) return undefined;
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as Header;
  } catch {
    return undefined;
  }
  if (header === null || typeof header !== 'object') return undefined;
  if (header.format !== NOTES_INDEX_FORMAT || header.coach !== COACH_VERSION || header.dir !== notesDir || header.endian !== endianness()) return undefined;
  const { notes, strings, boxes, namesBytes, stringsBytes } = header;
  if (![notes, strings, boxes, namesBytes, stringsBytes].every((count) => Number.isInteger(count) && count >= 0)) return undefined;
  const sizes = [notes * STAMP * 8, notes * FIELDS * 4, boxes * BOX * 4, notes * 4, strings * 4, namesBytes, stringsBytes];
  const starts = [4 + headerLength];
  for (const size of sizes) starts.push((starts.at(-1) as number) + size);
  if (starts.at(-1) !== bytes.length) return undefined;
  const at = (section: number): [number, number] => [starts[section] as number, starts[section + 1] as number];
  const names = text(bytes, ...at(5));
  const stringsText = text(bytes, ...at(6));
  if (names === undefined || stringsText === undefined) return undefined;
  const columns: Columns = {
    stamps: numbers(bytes, ...at(0), Float64Array),
    fields: numbers(bytes, ...at(1), Int32Array),
    boxes: numbers(bytes, ...at(2), Int32Array),
    nameEnds: numbers(bytes, ...at(3), Uint32Array),
    stringEnds: numbers(bytes, ...at(4), Uint32Array),
    names,
    strings: stringsText,
  };
  return wellFormed(columns) ? columns : undefined;
}

/**
 * A section's numbers, copied out of the file's bytes (which need not be aligned for them), so
 * that the bytes, as large as the whole file, are garbage as soon as the index is loaded.
 */
function numbers<T extends Float64Array | Int32Array | Uint32Array>(bytes: Buffer, start: number, end: number, Type: { new (length: number): T; BYTES_PER_ELEMENT: number }): T {
  const copy = new Type((end - start) / Type.BYTES_PER_ELEMENT);
  new Uint8Array(copy.buffer).set(bytes.subarray(start, end));
  return copy;
}

/** The UTF-8 text of a section; undefined when it is not valid UTF-8. */
function text(bytes: Buffer, start: number, end: number): string | undefined {
  // The lenient decoder is several times faster; only text with U+FFFD in it is checked strictly.
  const decoded = bytes.toString('utf8', start, end);
  if (!decoded.includes('\uFFFD')) return decoded;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, end));
  } catch {
    return undefined;
  }
}

/** Every place within the strings, every range within its column: a damaged file is not trusted. */
function wellFormed(columns: Columns): boolean {
  const { fields, boxes, nameEnds, names, stringEnds, strings } = columns;
  if (!ascending(nameEnds, names.length) || !ascending(stringEnds, strings.length)) return false;
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
    if (count < -1 || (count >= 0 && (start < 0 || start + count * BOX > boxes.length))) return false;
  }
  for (let box = 0; box < boxes.length; box += BOX) {
    const text = boxes[box + 1] as number;
    const owner = boxes[box + 2] as number;
    const due = boxes[box + 3] as number;
    if ((boxes[box] as number) < 0 || text < 0 || text >= distinct || owner < -1 || owner >= distinct || due < -1 || due >= distinct) return false;
  }
  return true;
}

/** Ends that never go back and finish exactly at the end of their text. */
function ascending(ends: Uint32Array, length: number): boolean {
  let previous = 0;
  for (let at = 0; at < ends.length; at++) {
    const end = ends[at] as number;
    if (end < previous) return false;
    previous = end;
  }
  return previous === length;
}
