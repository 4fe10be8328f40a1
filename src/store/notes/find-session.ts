/**
 * A saved session named on the command line: a path to a note, or its id (the file name without
 * `.md`) in the notes directory. Only the named file is read; the directory is listed (names only)
 * just to suggest the nearest id when nothing matches.
 */
import { statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { closest } from '../../core/text/closest.js';
import { splitFrontMatter } from '../../formats/front-matter-split.js';
import { AmbiguousSessionError, FileError, UsageError } from '../../errors.js';
import { readTextFile } from '../files/read-text-file.js';
import { MAX_SAVED_BYTES } from './saved-size-limit.js';
import { frontMatterReader, headerFromData, noteHeader, parseFrontMatterData, type NoteHeader } from './note-header.js';
import { noteFileNames, noteIdOf, readNotesIndex, type SkippedFile } from './notes-index.js';
import { nameKey } from '../../core/text/name-key.js';

export interface SavedNote {
  id: string;
  path: string;
  text: string;
  header: NoteHeader;
}

export interface SavedNoteData extends SavedNote {
  /** The whole front matter. */
  data: Record<string, unknown>;
}

/** Whether a path is a regular file, nothing, or something else (a directory, a FIFO, a device). */
function whatIs(path: string): 'file' | 'missing' | 'other' {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats === undefined ? 'missing' : stats.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

/**
 * How far a name on the command line may reach beyond an exact id, for the commands a person
 * types (`show`, `card`, `debrief`): any unique prefix of an id, or a customer name that names one
 * session. Without it (resuming a draft's prep) only the exact id or path counts.
 */
export interface SessionLookup {
  /** Where the notes index is kept, for reading customer names. */
  cacheDir?: string | undefined;
  onSkip?: ((skipped: SkippedFile) => void) | undefined;
  /** Only sessions of this kind are named by a customer name (card and debrief want the prep). */
  kind?: 'prep' | 'debrief' | undefined;
}

/** How many candidates an ambiguous name lists. */
const CANDIDATES_LISTED = 10;

/** The path of the session `arg` names, or a UsageError with the candidates or the nearest id. */
export async function findSession(arg: string, notesDir: string, cwd: string, lookup?: SessionLookup): Promise<string> {
  const looksLikePath = /[\\/]/.test(arg) || arg.endsWith('.md');
  const candidates = [
    ...(looksLikePath ? [resolve(cwd, arg)] : []),
    ...(/[\\/]/.test(arg) ? [] : [join(notesDir, arg.endsWith('.md') ? arg : `${arg}.md`)]),
  ];
  for (const path of candidates) {
    const found = whatIs(path);
    if (found === 'file') return path;
    // Say what is really there rather than that nothing is.
    if (found === 'other') throw notANote(path, 'it is not a regular file');
  }
  const id = basename(arg).replace(/\.md$/, '');
  const ids = (await noteFileNames(notesDir)).map(noteIdOf).filter((candidate) => candidate !== id);
  if (lookup !== undefined && !/[\\/]/.test(arg)) {
    const named = await sessionsNamed(arg, ids, notesDir, lookup);
    if (named.length === 1 && named[0] !== undefined) return join(notesDir, `${named[0]}.md`);
    if (named.length > 1) throw ambiguous(arg, named);
  }
  const startingWith = ids.filter((candidate) => candidate.startsWith(id));
  const hint = closest(id, ids) ?? (startingWith.length === 1 ? startingWith[0] : undefined);
  // A path is looked for where it points, not in the notes directory, and the message says so.
  const missing = /[\\/]/.test(arg) ? `no note at ${resolve(cwd, arg)}` : `no saved session "${arg}" in ${notesDir}`;
  throw new UsageError(`${missing}${hint ? ` (did you mean "${hint}"?)` : ''}; run \`coach history\` to see the saved sessions and their ids`);
}

/** The ids `arg` names: those it is a prefix of, else the sessions of the customer it names. */
async function sessionsNamed(arg: string, ids: readonly string[], notesDir: string, lookup: SessionLookup): Promise<string[]> {
  const prefix = arg.replace(/\.md$/, '').toLowerCase();
  const prefixed = ids.filter((candidate) => candidate.toLowerCase().startsWith(prefix)).sort().reverse();
  // `2026-11-22-acme` starts both the prep's id and its debrief's: a command that wants a prep takes the prep.
  const ofKind = lookup.kind === undefined ? [] : prefixed.filter((candidate) => new RegExp(`-${lookup.kind}(-\\d+)?$`).test(candidate));
  if (ofKind.length > 0) return ofKind;
  if (prefixed.length > 0) return prefixed;
  const key = nameKey(arg);
  if (key === '') return [];
  const notes = await readNotesIndex(notesDir, lookup.onSkip, { cacheDir: lookup.cacheDir });
  return notes.filter((note) => nameKey(note.customer) === key && (lookup.kind === undefined || note.kind === lookup.kind)).map((note) => note.id);
}

function ambiguous(arg: string, ids: readonly string[]): AmbiguousSessionError {
  const listed = ids.slice(0, CANDIDATES_LISTED).map((id) => `  ${id}`);
  const more = ids.length > CANDIDATES_LISTED ? [`  ... and ${ids.length - CANDIDATES_LISTED} more (coach history lists them all)`] : [];
  return new AmbiguousSessionError([`"${arg}" names ${ids.length} saved sessions; give more of the id, one of:`, ...listed, ...more].join('\n'));
}

const noteIdOfPath = (path: string): string => basename(path).replace(/\.md$/, '');

/** A saved note whose front matter names a coach session (its nested blocks are not checked). */
export async function readSavedNote(path: string): Promise<SavedNote> {
  const text = readTextFile(path, 'the note', MAX_SAVED_BYTES);
  const split = splitFrontMatter(text);
  if (!split) throw notANote(path, 'it has no front matter');
  const result = noteHeader(split.frontMatter, await frontMatterReader());
  if (!result.ok) throw notANote(path, result.reason);
  return { id: noteIdOfPath(path), path, text, header: result.header };
}

/** A saved note with its whole front matter, for the commands that need the answers and flags. */
export async function readSavedNoteData(path: string): Promise<SavedNoteData> {
  const text = readTextFile(path, 'the note', MAX_SAVED_BYTES);
  const split = splitFrontMatter(text);
  if (!split) throw notANote(path, 'it has no front matter');
  const parsed = parseFrontMatterData(split.frontMatter, await frontMatterReader());
  if ('reason' in parsed) throw notANote(path, `${parsed.reason}; fix it in an editor`);
  const result = headerFromData(parsed.data);
  if (!result.ok) throw notANote(path, result.reason);
  return { id: noteIdOfPath(path), path, text, header: result.header, data: parsed.data };
}

const notANote = (path: string, reason: string): FileError => new FileError(path, `cannot use this note: ${reason}`);
