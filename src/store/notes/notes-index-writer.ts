/**
 * Writes the notes index (its layout: notes-index-layout.ts) for the notes of one scan, copying
 * what it can of the index that was loaded.
 */
import { endianness } from 'node:os';
import { COACH_VERSION } from '../cache/coach-build.js';
import { writeCacheFileSync } from '../cache/cache-file.js';
import type { LoadedIndex } from './notes-index-reader.js';
import { BODY_NOT_READ, BOX, BOX_PLACES, FIELDS, KINDS, NOT_A_DEBRIEF, NOTE_PLACES, NOTES_INDEX_FORMAT, SKIPPED, STAMP, type FileStamp, type Header, type NoteResult } from './notes-index-layout.js';

/** Strings a small index may gain before its table is compacted, however few it had then. */
const SPARE_STRINGS = 1024;

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
