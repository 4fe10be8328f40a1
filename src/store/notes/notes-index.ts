/**
 * The notes directory read as a database: one summary per saved session, from the front matter
 * alone, newest first. Markdown files that are not coach notes, or whose front matter is broken,
 * are skipped and reported through `onSkip`, never fatal: the directory is the user's, synced and
 * hand-edited. Other files (attachments, dotfiles, drafts in sub-directories) are not looked at.
 *
 * The directory is the only truth. What was read is kept in a notes index in the cache directory
 * (notes-index-layout.ts); every run lists the directory, stats every note and re-reads only a note
 * that is new or whose size, times or inode differ from when it was read, so a note added,
 * edited, renamed or deleted by another program shows at once, and the result is always what a
 * full read would give.
 */
import { readdir, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { FileError } from '../../errors.js';
import { describeFsError } from '../files/read-text-file.js';
import { headBuffer, type HeadBuffer } from './front-matter-head.js';
import { notesIndexFile, type FileStamp, type NoteResult } from './notes-index-layout.js';
import { boxesAt, boxesUnread, isUnchanged, kindAt, summaryAt, loadNotesIndex, reasonAt, type LoadedIndex } from './notes-index-reader.js';
import { NotesIndexWriter } from './notes-index-writer.js';
import { compare, noteIdOf, NoteTable, type NoteSummary } from './note-table.js';
import { NOT_A_REGULAR_FILE, readNoteHead, type IndexedNote } from './read-note-head.js';
import { frontMatterReader, type MappingReader } from './note-header.js';
import { holdYoungGeneration, MANY_NOTES } from '../../young-generation.js';

export type { NoteSummary };
export { noteIdOf } from './note-table.js';

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface NotesIndexOptions {
  /** Where the notes index is kept; without one every note is read. */
  cacheDir?: string | undefined;
  /** Called for each note read from its file rather than taken from the index (for tests). */
  onRead?: ((name: string) => void) | undefined;
  /**
   * Give each debrief its open follow-ups (`boxes`). The history has no use for them: without it,
   * a debrief read from its file is read only as far as its front matter.
   */
  followUps?: boolean | undefined;
}

/**
 * Files are stat'ed and read with synchronous calls, a batch at a time. Measured over 10,000
 * notes on a warm page cache (the usual case), asynchronous calls took 2-3 times longer: each
 * costs a thread-pool round trip that takes longer than the call itself. Between batches the
 * event loop gets a turn, so output and signals are never held up for long.
 */
const BATCH = 1024;

/** Notes read from their files (about 200 KB of garbage each) before the young generation is let go. */
const READS_WHILE_HELD = 500;

const isNoteFileName = (name: string): boolean => name.endsWith('.md') && !name.startsWith('.');

/**
 * The Markdown file names in the directory; none when it does not exist yet. Listed on the
 * thread pool (through fs's callback, not fs/promises, which costs a run 1-2 ms to load), so that
 * a history over 100,000 notes loads its index meanwhile: the listing was a tenth of that run.
 */
export function noteFileNames(directory: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // Names only: the history stats every note anyway, and passes over directories then.
    readdir(directory, (error, names) => {
      if (!error) resolve(names.filter(isNoteFileName));
      else if (error.code === 'ENOENT') resolve([]);
      else reject(new FileError(directory, `cannot read the notes directory: ${describeFsError(error)}`));
    });
  });
}

/** Every coach note in the directory, newest first. */
export async function readNotesIndex(
  directory: string,
  onSkip: (skipped: SkippedFile) => void = () => undefined,
  options: NotesIndexOptions = {},
): Promise<NoteSummary[]> {
  const followUps = options.followUps ?? false;
  const notes: NoteSummary[] = [];
  // Every note is an object here: made as it is found, sorted as objects.
  await scanNotes(directory, onSkip, options, (index) => ({
    kept(name, path, position) {
      const note = summaryAt(index as LoadedIndex, position, noteIdOf(name), path);
      notes.push(followUps && note.kind === 'debrief' ? { ...note, boxes: boxesAt(index as LoadedIndex, position) } : note);
    },
    fresh(name, path, result) {
      const note: NoteSummary = { id: noteIdOf(name), path, kind: result.kind, playbook: result.playbook, customer: result.customer, title: result.title, date: result.date, created: result.created, prep: result.prep };
      notes.push(followUps && note.kind === 'debrief' ? { ...note, boxes: result.boxes } : note);
    },
  }));
  return notes.sort(newestFirst);
}

/** By meeting date, then by when the note was written, then by id: a stable order for equal dates (as NoteTable.newestFirst). */
function newestFirst(a: NoteSummary, b: NoteSummary): number {
  return compare(b.date, a.date) || compare(b.created ?? '', a.created ?? '') || compare(b.id, a.id);
}

/** Every coach note in the directory, in file-name order, as rows (note-table.ts). */
export function readNoteTable(directory: string, onSkip: (skipped: SkippedFile) => void, options: NotesIndexOptions): Promise<NoteTable> {
  return scanNotes(directory, onSkip, options, (index, prefix) => new NoteTable(prefix, index));
}

/** What the scan hands each note to, in file-name order: one kept in the index, or one read now. */
interface NoteSink {
  kept(name: string, path: string, position: number): void;
  /** `stamp`: the file as it was read; undefined when it cannot be kept. */
  fresh(name: string, path: string, note: IndexedNote, stamp: FileStamp | undefined): void;
}

/**
 * Lists the directory, checks every note against the index, reads the ones that changed, hands
 * each to the sink made for the loaded index, and writes the index again when it would differ.
 */
async function scanNotes<Sink extends NoteSink>(
  directory: string,
  onSkip: (skipped: SkippedFile) => void,
  options: NotesIndexOptions,
  makeSink: (index: LoadedIndex | undefined, prefix: string) => Sink,
): Promise<Sink> {
  const listing = noteFileNames(directory);
  // Read while the thread pool lists the directory.
  const indexFile = options.cacheDir === undefined ? undefined : notesIndexFile(options.cacheDir, directory);
  const index = indexFile === undefined ? undefined : loadNotesIndex(indexFile, directory);
  // Over a large directory that matches its index, the listing and its rows live through the
  // whole scan and little else is made: the young generation is held (young-generation.ts), until
  // reading notes from their files makes garbage enough to want it larger.
  const letGo = index !== undefined && index.count >= MANY_NOTES ? holdYoungGeneration() : undefined;
  try {
    // path.join normalises every path again; the directory is the same for all of them.
    const prefix = join(directory, '/');
    const unchangedEarly = index === undefined ? undefined : await checkWhileListing(listing, index, prefix, options);
    // File-name order, so two runs over the same directory warn in the same order, and the index
    // (kept in the same order) is matched against the listing in one pass. The default order is by
    // UTF-16 code units, as `compare` is, without a call per comparison.
    const names = (await listing).sort();
    const indexed = index?.count ?? 0;
    /** For each listed name: its place in the index when unchanged, or what was read now. */
    const outcomes: (number | Fresh | undefined)[] = new Array<number | Fresh | undefined>(names.length);
    // What the index would hold now: the notes it kept as they were, and those read again.
    let kept = 0;
    let reread = false;
    let cursor = 0;
    const buffer = headBuffer();
    const notes = makeSink(index, prefix);
    let read: MappingReader | undefined;
    let reads = 0;
    for (let position = 0; position < names.length; position++) {
      if (position > 0 && position % BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
      const name = names[position] as string;
      const path = `${prefix}${name}`;
      let place = -1;
      if (index !== undefined) {
        // The index holds the same names in the same order: nearly always its next one is this one,
        // which is checked without cutting the name out of the index.
        if (cursor < indexed && !index.nameIs(cursor, name)) while (cursor < indexed && compare(index.nameAt(cursor), name) < 0) cursor++;
        if (cursor < indexed && index.nameIs(cursor, name)) place = cursor++;
      }
      let outcome = place !== -1 && unchangedEarly?.[place] === true ? place : unchangedOrChanged(path, index, place, options);
      if (outcome === CHANGED) {
        read ??= await frontMatterReader();
        outcome = readFresh(path, name, buffer, options, read);
        if (++reads === READS_WHILE_HELD) letGo?.();
      }
      outcomes[position] = outcome;
      if (outcome === undefined) continue;
      if (typeof outcome === 'number') {
        kept++;
        if (kindAt(index as LoadedIndex, outcome) === 'skipped') onSkip({ path, reason: reasonAt(index as LoadedIndex, outcome) });
        else notes.kept(name, path, outcome);
        continue;
      }
      if (outcome.stamp !== undefined) {
        kept++;
        reread = true;
      }
      const { result } = outcome;
      if ('reason' in result) onSkip({ path, reason: result.reason });
      else notes.fresh(name, path, result, outcome.stamp);
    }
    // Written only when it would differ: a note was read, or one the index knew has gone. A FIFO or
    // an unreadable file is never kept, so it costs a stat on every run but never a rewrite.
    if (indexFile !== undefined && (index === undefined || reread || kept !== indexed)) {
      const writer = new NotesIndexWriter(names.length, index);
      names.forEach((name, position) => {
        const outcome = outcomes[position];
        if (typeof outcome === 'number') writer.keep(name, outcome);
        else if (outcome?.stamp !== undefined) writer.add(name, outcome.stamp, outcome.result);
      });
      writer.save(indexFile, directory);
    }
    return notes;
  } finally {
    letGo?.();
  }
}

/**
 * While the thread pool lists the directory, the notes the index knows are stat'ed in its order:
 * over 100,000 notes the listing took some 80 ms in which the scan had nothing else to do (over
 * 10,000, about 2 ms). A note found unchanged here is not stat'ed again; anything else (changed,
 * gone, not a file) is looked at again once the listing is in, as if this had not run.
 */
async function checkWhileListing(listing: Promise<string[]>, index: LoadedIndex, prefix: string, options: NotesIndexOptions): Promise<boolean[]> {
  let listed = false;
  const done = (): void => {
    listed = true;
  };
  listing.then(done, done);
  const unchanged: boolean[] = [];
  for (let place = 0; place < index.count; place++) {
    // The listing arrives only when the event loop gets a turn: every EARLY_BATCH stats, about 1 ms.
    if (place > 0 && place % EARLY_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
    if (listed) break;
    unchanged[place] = unchangedOrChanged(`${prefix}${index.nameAt(place)}`, index, place, options) === place;
  }
  return unchanged;
}

const EARLY_BATCH = 256;

/** A note read from its file; `stamp` is undefined when it cannot be kept (unreadable, not a regular file). */
interface Fresh {
  stamp?: FileStamp | undefined;
  result: NoteResult;
}

/** A note whose file must be read: new, or not as the index knew it. */
const CHANGED = Symbol('changed');

/**
 * The note's place in the index when it is unchanged, why it cannot be read, undefined for a
 * directory, or CHANGED.
 */
function unchangedOrChanged(path: string, index: LoadedIndex | undefined, place: number, options: NotesIndexOptions): number | Fresh | undefined | typeof CHANGED {
  let stats: Stats | undefined;
  try {
    stats = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    return { result: { reason: `cannot read it: ${describeFsError(error)}` } };
  }
  // Gone since the listing, or a link to nothing.
  if (stats === undefined) return { result: { reason: 'cannot read it: no such file or directory' } };
  if (stats.isDirectory()) return undefined;
  if (!stats.isFile()) return { result: { reason: NOT_A_REGULAR_FILE } };
  const followUps = options.followUps ?? false;
  // A debrief the history read without its follow-ups is read again when they are asked for.
  if (index !== undefined && place !== -1 && isUnchanged(index, place, stats) && !(followUps && boxesUnread(index, place))) return place;
  return CHANGED;
}

/** What the note says now, read from its file. */
function readFresh(path: string, name: string, buffer: HeadBuffer, options: NotesIndexOptions, read: MappingReader): Fresh {
  options.onRead?.(name);
  const head = readNoteHead(path, buffer, options.followUps ?? false, read);
  if (head.stats === undefined) return { result: head.result };
  const { size, mtimeMs, ctimeMs, ino } = head.stats;
  return { stamp: { size, mtimeMs, ctimeMs, ino }, result: head.result };
}

/** The ids of the preps that have a debrief. */
export function debriefedPreps(notes: readonly NoteSummary[]): Set<string> {
  return new Set(notes.flatMap((note) => (note.kind === 'debrief' && note.prep !== undefined ? [note.prep] : [])));
}
