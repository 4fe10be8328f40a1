/**
 * The notes directory read as a database: one summary per saved session, from the front matter
 * alone, newest first. Markdown files that are not coach notes, or whose front matter is broken,
 * are skipped and reported through `onSkip`, never fatal: the directory is the user's, synced and
 * hand-edited. Other files (attachments, dotfiles, drafts in sub-directories) are not looked at.
 */
import { closeSync, openSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FileError } from '../errors.js';
import { describeFsError } from '../files/read-text-file.js';
import { headBuffer, readFrontMatterHead, type HeadBuffer } from './front-matter-head.js';
import { noteHeader, type NoteHeader } from './note-header.js';

export interface NoteSummary extends NoteHeader {
  /** The file name without `.md`: what `coach show` and `coach debrief` take, and a debrief's `prep`. */
  id: string;
  path: string;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

/**
 * The heads are read with synchronous calls, a batch at a time. Measured over 10,000 notes on a
 * warm page cache (the usual case: the notes were written or listed recently), a pool of 32
 * asynchronous reads took 2-3 times longer than reading one file after the other: each file costs
 * three thread-pool round trips (open, read, close) that take longer than the reads themselves.
 * Between batches the event loop gets a turn, so output and signals are never held up for long.
 */
const BATCH = 512;

export const isNoteFileName = (name: string): boolean => name.endsWith('.md') && !name.startsWith('.');
export const noteIdOf = (fileName: string): string => fileName.slice(0, -'.md'.length);

/** The Markdown file names in the directory; none when it does not exist yet. */
export async function noteFileNames(directory: string): Promise<string[]> {
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    return entries.filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isNoteFileName(entry.name)).map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new FileError(`${directory}: cannot read the notes directory: ${describeFsError(error)}`);
  }
}

/** Every coach note in the directory, newest first. */
export async function readNotesIndex(directory: string, onSkip: (skipped: SkippedFile) => void = () => undefined): Promise<NoteSummary[]> {
  // File-name order, so two runs over the same directory warn in the same order.
  const names = (await noteFileNames(directory)).sort(compare);
  const buffer = headBuffer();
  // path.join normalises every path again; the directory is the same for all of them.
  const prefix = join(directory, '/');
  const notes: NoteSummary[] = [];
  for (const [index, name] of names.entries()) {
    if (index > 0 && index % BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
    const result = summarise(`${prefix}${name}`, noteIdOf(name), buffer);
    if ('reason' in result) onSkip(result);
    else notes.push(result);
  }
  return notes.sort(newestFirst);
}

function summarise(path: string, id: string, buffer: HeadBuffer): NoteSummary | SkippedFile {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { path, reason: `cannot read it: ${describeFsError(error)}` };
  }
  try {
    const head = readFrontMatterHead(fd, buffer);
    if ('reason' in head) return { path, reason: head.reason };
    const result = noteHeader(head.frontMatter);
    if (!result.ok) return { path, reason: result.reason };
    const { kind, playbook, customer, title, date, created, prep } = result.header;
    return { id, path, kind, playbook, customer, title, date, created, prep };
  } catch (error) {
    return { path, reason: `cannot read it: ${describeFsError(error)}` };
  } finally {
    closeSync(fd);
  }
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
