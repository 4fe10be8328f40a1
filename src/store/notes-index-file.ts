/**
 * The notes index on disk: what the history needs of each note (its header, or why it was
 * skipped), with the file's size, times and inode when it was read, so a later run re-reads only
 * the notes that changed. It lives in coach's cache directory, one file per notes directory, and
 * is disposable: the notes directory is the only truth. Whatever is wrong with the file (missing,
 * truncated, garbage, another coach version, a directory, a FIFO) makes it simply not there.
 *
 * The format is JSON rows rather than objects: over 100,000 notes it parses in a fraction of the
 * time and memory of the same data with a key on every value.
 */
import { join } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { readRegularFileSync } from '../files/read-regular-file.js';
import { lazyCrypto } from './lazy-crypto.js';
import type { NoteHeader } from './note-header.js';
import { writeCacheFileSync } from './write-cache-file.js';

/** Bumped whenever the rows change shape, so an older index is ignored rather than misread. */
export const NOTES_INDEX_FORMAT = 1;

/** Far more than years of notes need (100,000 notes take about 20 MB); anything larger is not ours. */
const MAX_INDEX_BYTES = 256 * 1024 * 1024;

/** A note as it was read: the file's identity then, and what it said. */
export interface IndexedNote {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  result: NoteHeader | { reason: string };
}

export interface LoadedIndex {
  notes: Map<string, IndexedNote>;
  /**
   * When the index was written, by the file system's clock (the index file's own mtime). A note
   * whose times are not before it may have changed again within the same clock tick after it was
   * read (git's "racily clean" files), so it is read again rather than trusted.
   */
  writtenAt: number;
}

interface IndexFile {
  format: number;
  coach: string;
  dir: string;
  notes: unknown[];
}

/** `<cache>/notes-index/<hash of the notes directory>.json` */
export function notesIndexFile(cacheDir: string, notesDir: string): string {
  const key = lazyCrypto().createHash('sha256').update(notesDir).digest('hex').slice(0, 32);
  return join(cacheDir, 'notes-index', `${key}.json`);
}

export function loadNotesIndex(file: string, notesDir: string): LoadedIndex | undefined {
  const read = readRegularFileSync(file, MAX_INDEX_BYTES);
  if (!('bytes' in read)) return undefined;
  let stored: Partial<IndexFile>;
  try {
    stored = JSON.parse(read.bytes.toString('utf8')) as Partial<IndexFile>;
  } catch {
    return undefined;
  }
  if (stored === null || typeof stored !== 'object') return undefined;
  if (stored.format !== NOTES_INDEX_FORMAT || stored.coach !== packageJson.version || stored.dir !== notesDir || !Array.isArray(stored.notes)) {
    return undefined;
  }
  const notes = new Map<string, IndexedNote>();
  for (const row of stored.notes) {
    const entry = fromRow(row);
    if (entry === undefined) return undefined;
    notes.set(entry[0], entry[1]);
  }
  return { notes, writtenAt: read.stats.mtimeMs };
}

export function saveNotesIndex(file: string, notesDir: string, notes: ReadonlyMap<string, IndexedNote>): void {
  const rows = [...notes].map(([name, note]) => toRow(name, note));
  const stored: IndexFile = { format: NOTES_INDEX_FORMAT, coach: packageJson.version, dir: notesDir, notes: rows };
  writeCacheFileSync(file, JSON.stringify(stored));
}

type Row =
  | [name: string, size: number, mtimeMs: number, ctimeMs: number, ino: number, kind: null, reason: string]
  | [
      name: string,
      size: number,
      mtimeMs: number,
      ctimeMs: number,
      ino: number,
      kind: NoteHeader['kind'],
      playbook: string,
      customer: string,
      title: string | null,
      date: string,
      created: string | null,
      prep: string | null,
    ];

function toRow(name: string, { size, mtimeMs, ctimeMs, ino, result }: IndexedNote): Row {
  if ('reason' in result) return [name, size, mtimeMs, ctimeMs, ino, null, result.reason];
  const { kind, playbook, customer, title, date, created, prep } = result;
  return [name, size, mtimeMs, ctimeMs, ino, kind, playbook, customer, title ?? null, date, created ?? null, prep ?? null];
}

const isNumber = (value: unknown): value is number => typeof value === 'number';
const isText = (value: unknown): value is string => typeof value === 'string';
const isOptionalText = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** A row back to a note, or undefined when it is not a row this format writes. */
function fromRow(row: unknown): [string, IndexedNote] | undefined {
  if (!Array.isArray(row)) return undefined;
  const [name, size, mtimeMs, ctimeMs, ino, kind] = row as unknown[];
  if (!isText(name) || !isNumber(size) || !isNumber(mtimeMs) || !isNumber(ctimeMs) || !isNumber(ino)) return undefined;
  const stamp = { size, mtimeMs, ctimeMs, ino };
  if (kind === null) {
    const reason: unknown = row[6];
    return row.length === 7 && isText(reason) ? [name, { ...stamp, result: { reason } }] : undefined;
  }
  const [, , , , , , playbook, customer, title, date, created, prep] = row as unknown[];
  if (row.length !== 12 || (kind !== 'prep' && kind !== 'debrief') || !isText(playbook) || !isText(customer) || !isText(date)) return undefined;
  if (!isOptionalText(title) || !isOptionalText(created) || !isOptionalText(prep)) return undefined;
  return [name, { ...stamp, result: { kind, playbook, customer, title: title ?? undefined, date, created: created ?? undefined, prep: prep ?? undefined } }];
}
