/**
 * The notes directory read as a database: one summary per saved session, from the front matter
 * alone, newest first. Markdown files that are not coach notes, or whose front matter is broken,
 * are skipped and reported through `onSkip`, never fatal: the directory is the user's, synced and
 * hand-edited. Other files (attachments, dotfiles, drafts in sub-directories) are not looked at.
 *
 * The directory is the only truth. What was read is kept in a notes index in the cache directory
 * (notes-index-file.ts); every run lists the directory, stats every note and re-reads only a note
 * that is new or whose size, times or inode differ from when it was read, so a note added,
 * edited, renamed or deleted by another program shows at once, and the result is always what a
 * full read would give.
 */
import { statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FileError } from '../errors.js';
import { describeFsError } from '../files/read-text-file.js';
import { headBuffer } from './front-matter-head.js';
import type { NoteHeader } from './note-header.js';
import { loadNotesIndex, notesIndexFile, saveNotesIndex, type IndexedNote, type LoadedIndex } from './notes-index-file.js';
import { NOT_A_REGULAR_FILE, readNoteHead } from './read-note-head.js';

export interface NoteSummary extends NoteHeader {
  /** The file name without `.md`: what `coach show` and `coach debrief` take, and a debrief's `prep`. */
  id: string;
  path: string;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface NotesIndexOptions {
  /** Where the notes index is kept; without one every note is read. */
  cacheDir?: string | undefined;
  /** Called for each note read from its file rather than taken from the index (for tests). */
  onRead?: ((name: string) => void) | undefined;
}

/**
 * Files are stat'ed and read with synchronous calls, a batch at a time. Measured over 10,000
 * notes on a warm page cache (the usual case), asynchronous calls took 2-3 times longer: each
 * costs a thread-pool round trip that takes longer than the call itself. Between batches the
 * event loop gets a turn, so output and signals are never held up for long.
 */
const BATCH = 1024;

export const isNoteFileName = (name: string): boolean => name.endsWith('.md') && !name.startsWith('.');
export const noteIdOf = (fileName: string): string => fileName.slice(0, -'.md'.length);

/** The Markdown file names in the directory; none when it does not exist yet. */
export async function noteFileNames(directory: string): Promise<string[]> {
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    // Anything but a directory: a FIFO or a device named *.md is reported as skipped, not passed over.
    return entries.filter((entry) => !entry.isDirectory() && isNoteFileName(entry.name)).map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new FileError(`${directory}: cannot read the notes directory: ${describeFsError(error)}`);
  }
}

/** Every coach note in the directory, newest first. */
export async function readNotesIndex(
  directory: string,
  onSkip: (skipped: SkippedFile) => void = () => undefined,
  options: NotesIndexOptions = {},
): Promise<NoteSummary[]> {
  // File-name order, so two runs over the same directory warn in the same order.
  const names = (await noteFileNames(directory)).sort(compare);
  const indexFile = options.cacheDir === undefined ? undefined : notesIndexFile(options.cacheDir, directory);
  const index = indexFile === undefined ? undefined : loadNotesIndex(indexFile, directory);
  const kept = new Map<string, IndexedNote>();
  let reread = false;
  const buffer = headBuffer();
  // path.join normalises every path again; the directory is the same for all of them.
  const prefix = join(directory, '/');
  const notes: NoteSummary[] = [];
  for (const [position, name] of names.entries()) {
    if (position > 0 && position % BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
    const path = `${prefix}${name}`;
    const found = indexedOrRead(path, name, index, buffer, options.onRead);
    if (found.read) reread = true;
    if (found.note) kept.set(name, found.note);
    const result = found.note?.result ?? found.result;
    if (result === undefined) continue;
    if ('reason' in result) onSkip({ path, reason: result.reason });
    else notes.push({ id: noteIdOf(name), path, ...result });
  }
  // Written only when it would differ: a note was read, or one the index knew has gone.
  if (indexFile !== undefined && (index === undefined || reread || index.notes.size !== kept.size)) saveNotesIndex(indexFile, directory, kept);
  return notes.sort(newestFirst);
}

interface Found {
  /** What to keep in the index; undefined for a file that could not be read or is not a regular file. */
  note?: IndexedNote | undefined;
  /** What to report for a file that is not kept. */
  result?: IndexedNote['result'] | undefined;
  read: boolean;
}

function indexedOrRead(path: string, name: string, index: LoadedIndex | undefined, buffer: ReturnType<typeof headBuffer>, onRead?: (name: string) => void): Found {
  let stats;
  try {
    stats = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    return { result: { reason: `cannot read it: ${describeFsError(error)}` }, read: false };
  }
  // Gone since the listing, or a link to nothing.
  if (stats === undefined) return { result: { reason: 'cannot read it: no such file or directory' }, read: false };
  if (!stats.isFile()) return { result: { reason: NOT_A_REGULAR_FILE }, read: false };
  const cached = index?.notes.get(name);
  if (
    cached !== undefined &&
    index !== undefined &&
    cached.size === stats.size &&
    cached.mtimeMs === stats.mtimeMs &&
    cached.ctimeMs === stats.ctimeMs &&
    cached.ino === stats.ino &&
    stats.mtimeMs < index.writtenAt &&
    stats.ctimeMs < index.writtenAt
  ) {
    return { note: cached, read: false };
  }
  onRead?.(name);
  const head = readNoteHead(path, buffer);
  if (head.stats === undefined) return { result: head.result, read: true };
  const { size, mtimeMs, ctimeMs, ino } = head.stats;
  return { note: { size, mtimeMs, ctimeMs, ino, result: head.result }, read: true };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** By meeting date, then by when the note was written, then by id: a stable order for equal dates. */
export function newestFirst(a: NoteSummary, b: NoteSummary): number {
  return compare(b.date, a.date) || compare(b.created ?? '', a.created ?? '') || compare(b.id, a.id);
}

/** The ids of the preps that have a debrief. */
export function debriefedPreps(notes: readonly NoteSummary[]): Set<string> {
  return new Set(notes.flatMap((note) => (note.kind === 'debrief' && note.prep !== undefined ? [note.prep] : [])));
}
