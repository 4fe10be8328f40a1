/**
 * What `coach account` and a prep's "From last time" read from each of one customer's notes (its
 * answers and scores), kept in the cache directory per customer, so that a customer with hundreds
 * of meetings does not cost hundreds of YAML reads on every account and every prep. The notes
 * index (notes-index.ts) finds the customer's notes; this keeps what is inside them.
 *
 * The rules are the notes index's: the note is the truth, and a kept entry is used only while the
 * note's size, times and inode are what they were when it was read, and the note is older than
 * the cache file itself (a note changed again within the same clock tick is read again). Each
 * file holds one customer's notes, `<cache>/note-answers/<hash of the notes directory>-<hash of
 * the customer>.json`, and names both inside; anything wrong with it (missing, truncated, garbage,
 * another coach build, a FIFO) makes it not there. A note that cannot be read is never kept.
 */
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { COACH_VERSION } from '../cache/coach-build.js';
import { readCacheJson, writeCacheFileSync } from '../cache/cache-file.js';
import { fnv1a32 } from '../cache/fnv1a.js';
import { readSavedNoteData } from './find-session.js';
import type { FileStamp } from './notes-index-layout.js';

/** Bumped whenever the layout changes, so an older file is ignored rather than misread. */
const NOTE_ANSWERS_FORMAT = 1;
/** Far above a customer's notes (each note's answers are bounded by its size limit). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The parts of a note the account reads: its front matter's `answers` and `scores`, as saved. */
export interface NoteAnswers {
  answers: unknown;
  scores: unknown;
}

/** size, mtimeMs, ctimeMs, ino, then the answers and scores as saved. */
type Entry = [number, number, number, number, unknown, unknown];

export interface NoteAnswersCache {
  /**
   * The note's answers and scores, from the cache when it is unchanged; throws as readSavedNoteData
   * does. `stamp`: the file as the caller has just found it (the notes index's scan), which spares
   * a stat of its own.
   */
  read(path: string, stamp?: FileStamp | undefined): Promise<NoteAnswers>;
  /** Keeps what was read for the next run (only the notes asked for in this run); never throws. */
  save(): void;
}

const hex = (text: string): string => fnv1a32(text).toString(16).padStart(8, '0');

/** One customer's kept answers; without a cache directory every note is read. `onRead` is for tests. */
export function noteAnswersCache(cacheDir: string | undefined, notesDir: string, customerKey: string, onRead?: (path: string) => void): NoteAnswersCache {
  const file = cacheDir === undefined ? undefined : join(cacheDir, 'note-answers', `${hex(notesDir)}-${hex(customerKey)}.json`);
  const loaded = file === undefined ? undefined : load(file, notesDir, customerKey);
  const kept = new Map<string, Entry>();
  let changed = false;
  return {
    async read(path, stamp) {
      const name = basename(path);
      let stats: FileStamp | undefined = stamp;
      if (stats === undefined) {
        try {
          stats = statSync(path, { throwIfNoEntry: false });
        } catch {
          stats = undefined;
        }
      }
      const entry = loaded?.entries.get(name);
      if (stats !== undefined && entry !== undefined && isUnchanged(entry, stats, loaded?.writtenAt ?? 0)) {
        kept.set(name, entry);
        return { answers: entry[4], scores: entry[5] };
      }
      onRead?.(path);
      const { data } = await readSavedNoteData(path);
      const read = { answers: data['answers'], scores: data['scores'] };
      // Only what JSON gives back as it was (a hand-written .nan would come back as null).
      if (stats !== undefined && isPlainJson(read)) kept.set(name, [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino, read.answers, read.scores]);
      changed = true;
      return read;
    },
    save() {
      if (file === undefined) return;
      if (!changed && loaded !== undefined && kept.size === loaded.entries.size) return;
      writeCacheFileSync(file, JSON.stringify({ format: NOTE_ANSWERS_FORMAT, coach: COACH_VERSION, dir: notesDir, customer: customerKey, entries: Object.fromEntries(kept) }));
    },
  };
}

function isUnchanged(entry: Entry, stats: FileStamp, writtenAt: number): boolean {
  return entry[0] === stats.size && entry[1] === stats.mtimeMs && entry[2] === stats.ctimeMs && entry[3] === stats.ino && stats.mtimeMs < writtenAt && stats.ctimeMs < writtenAt;
}

function load(file: string, notesDir: string, customerKey: string): { entries: Map<string, Entry>; writtenAt: number } | undefined {
  const read = readCacheJson(file, MAX_FILE_BYTES);
  if (read === undefined || read.value === null || typeof read.value !== 'object') return undefined;
  const { format, coach, dir, customer, entries } = read.value as Record<string, unknown>;
  if (format !== NOTE_ANSWERS_FORMAT || coach !== COACH_VERSION || dir !== notesDir || customer !== customerKey) return undefined;
  if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) return undefined;
  const map = new Map<string, Entry>();
  for (const [name, entry] of Object.entries(entries)) {
    if (!Array.isArray(entry) || entry.length !== 6 || !entry.slice(0, 4).every((value) => typeof value === 'number')) return undefined;
    map.set(name, entry as Entry);
  }
  return { entries: map, writtenAt: read.stats.mtimeMs };
}

function isPlainJson(value: unknown): boolean {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value === 'object') return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isPlainJson);
  return false;
}
