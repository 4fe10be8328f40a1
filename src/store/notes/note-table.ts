/**
 * The notes of a directory as a table of rows rather than an object per note: each row is a note
 * the notes index kept (read from its columns when asked) or one read from its file this run.
 * The history prints 100,000 notes a chunk at a time from it, so only the rows being printed are
 * ever objects; the account, and a prep's look at the customer's last meetings, make objects of
 * that customer's notes alone. Commands that use every note as an object take the summaries
 * (notes-index.ts), made as the notes are found: the table's calls per row would cost them time.
 */
import type { NoteHeader } from './note-header.js';
import type { FileStamp } from './notes-index-layout.js';
import { boxesAt, fieldAt, kindAt, sortKeysAt, stampAt, summaryAt, type HeaderField, type LoadedIndex } from './notes-index-reader.js';
import type { IndexedNote, NoteBoxes } from './read-note-head.js';

export interface NoteSummary extends NoteHeader {
  /** The file name without `.md`: what `coach show` and `coach debrief` take, and a debrief's `prep`. */
  id: string;
  path: string;
  /** With `followUps` asked for: a debrief's open follow-ups, or why its body cannot be read. */
  boxes?: NoteBoxes | undefined;
}

export const noteIdOf = (fileName: string): string => fileName.slice(0, -'.md'.length);

export class NoteTable {
  /** Each row's file name, as listed. */
  private readonly names: string[] = [];
  /** Each row's place in the index, or -1 - its place in `read`. */
  private readonly sources: number[] = [];
  private readonly read: IndexedNote[] = [];
  /** The file of each note in `read`, as it was read. */
  private readonly readStamps: (FileStamp | undefined)[] = [];

  /** `prefix`: the notes directory with its separator, before every file name. */
  constructor(
    private readonly prefix: string,
    private readonly index?: LoadedIndex,
  ) {}

  get length(): number {
    return this.names.length;
  }

  /** A note the index kept, at `position` in it. */
  kept(name: string, _path: string, position: number): void {
    this.names.push(name);
    this.sources.push(position);
  }

  /** A note read from its file. */
  fresh(name: string, _path: string, note: IndexedNote, stamp: FileStamp | undefined): void {
    this.names.push(name);
    this.sources.push(-1 - (this.read.push(note) - 1));
    this.readStamps.push(stamp);
  }

  /**
   * The note's file as this run found it (size, times, inode): checked against the index, or read
   * now. What a cache of the note's contents can be checked against without a stat of its own.
   */
  stamp(row: number): FileStamp | undefined {
    const source = this.sources[row] as number;
    return source >= 0 ? stampAt(this.index as LoadedIndex, source) : this.readStamps[-1 - source];
  }

  id(row: number): string {
    return noteIdOf(this.names[row] as string);
  }

  path(row: number): string {
    return `${this.prefix}${this.names[row] as string}`;
  }

  kind(row: number): NoteHeader['kind'] {
    const source = this.sources[row] as number;
    return source >= 0 ? (kindAt(this.index as LoadedIndex, source) as NoteHeader['kind']) : (this.read[-1 - source] as IndexedNote).kind;
  }

  field(row: number, field: HeaderField): string | undefined {
    const source = this.sources[row] as number;
    return source >= 0 ? fieldAt(this.index as LoadedIndex, source, field) : (this.read[-1 - source] as IndexedNote)[field];
  }

  /** The row as one object, without follow-ups (the history's use). */
  summary(row: number): NoteSummary {
    const source = this.sources[row] as number;
    return source >= 0 ? summaryAt(this.index as LoadedIndex, source, this.id(row), this.path(row)) : this.freshSummary(row);
  }

  /** A debrief's open follow-ups, or why its body cannot be read, when the table was read with them; undefined for a prep. */
  boxes(row: number): NoteBoxes | undefined {
    const source = this.sources[row] as number;
    if (source < 0) return (this.read[-1 - source] as IndexedNote).boxes;
    return kindAt(this.index as LoadedIndex, source) === 'debrief' ? boxesAt(this.index as LoadedIndex, source) : undefined;
  }

  private freshSummary(row: number): NoteSummary {
    return {
      id: this.id(row),
      path: this.path(row),
      kind: this.kind(row),
      playbook: this.field(row, 'playbook') ?? '',
      customer: this.field(row, 'customer') ?? '',
      title: this.field(row, 'title'),
      date: this.field(row, 'date') ?? '',
      created: this.field(row, 'created'),
      prep: this.field(row, 'prep'),
    };
  }

  /**
   * The rows newest first: by meeting date, then by when the note was written, then by id, a
   * stable order for equal dates. The dates are taken once per row, not once per comparison; an
   * id, needed only between notes of the same date and time, is cut out when it is compared.
   */
  newestFirst(): number[] {
    const count = this.length;
    const keys = { dates: new Array<string>(count), created: new Array<string>(count) };
    const { dates, created } = keys;
    for (let row = 0; row < count; row++) {
      const source = this.sources[row] as number;
      if (source >= 0) sortKeysAt(this.index as LoadedIndex, source, keys, row);
      else {
        dates[row] = this.field(row, 'date') ?? '';
        created[row] = this.field(row, 'created') ?? '';
      }
    }
    // A plain array: its sort (TimSort) takes a directory listed oldest first, the usual order of
    // dated file names, in one pass; a typed array's sort compares n log n times.
    const order = new Array<number>(count);
    for (let row = 0; row < count; row++) order[row] = row;
    return order.sort((a, b) => compare(dates[b] as string, dates[a] as string) || compare(created[b] as string, created[a] as string) || compare(this.id(b), this.id(a)));
  }

}

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
