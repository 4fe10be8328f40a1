/**
 * The notes of a directory as a table of rows rather than an object per note: each row is a note
 * the notes index kept (read from its columns when asked) or one read from its file this run.
 * The history prints 100,000 notes a chunk at a time from it, so only the rows being printed are
 * ever objects; every other command takes the summaries (notes-index.ts), made from the same rows.
 */
import type { NoteHeader } from './note-header.js';
import { boxesAt, fieldAt, kindAt, sortKeysAt, summaryAt, type HeaderField, type LoadedIndex } from './notes-index-file.js';
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
  /** Each row's place in the index, or -1 - its place in `fresh`. */
  private readonly sources: number[] = [];
  private readonly fresh: IndexedNote[] = [];

  /** `prefix`: the notes directory with its separator, before every file name. */
  constructor(
    private readonly prefix: string,
    private readonly index?: LoadedIndex,
  ) {}

  get length(): number {
    return this.names.length;
  }

  addKept(name: string, position: number): void {
    this.names.push(name);
    this.sources.push(position);
  }

  addFresh(name: string, note: IndexedNote): void {
    this.names.push(name);
    this.sources.push(-1 - (this.fresh.push(note) - 1));
  }

  id(row: number): string {
    return noteIdOf(this.names[row] as string);
  }

  path(row: number): string {
    return `${this.prefix}${this.names[row] as string}`;
  }

  kind(row: number): NoteHeader['kind'] {
    const source = this.sources[row] as number;
    return source >= 0 ? (kindAt(this.index as LoadedIndex, source) as NoteHeader['kind']) : (this.fresh[-1 - source] as IndexedNote).kind;
  }

  field(row: number, field: HeaderField): string | undefined {
    const source = this.sources[row] as number;
    return source >= 0 ? fieldAt(this.index as LoadedIndex, source, field) : (this.fresh[-1 - source] as IndexedNote)[field];
  }

  /** A debrief's open follow-ups; undefined for a prep. */
  boxes(row: number): NoteBoxes | undefined {
    const source = this.sources[row] as number;
    return source >= 0 ? boxesAt(this.index as LoadedIndex, source) : (this.fresh[-1 - source] as IndexedNote).boxes;
  }

  /** The row as one object; with `followUps`, a debrief has its `boxes`. */
  summary(row: number, followUps = false): NoteSummary {
    const source = this.sources[row] as number;
    const note: NoteSummary = source >= 0 ? summaryAt(this.index as LoadedIndex, source, this.id(row), this.path(row)) : this.freshSummary(row);
    return followUps && note.kind === 'debrief' ? { ...note, boxes: this.boxes(row) } : note;
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
   * stable order for equal dates. The dates are taken once per row, not once per comparison.
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
