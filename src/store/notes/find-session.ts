/**
 * A saved session named on the command line: a path to a note, or its id (the file name without
 * `.md`) in the notes directory. Only the named file is read; the directory is listed (names only)
 * just to suggest the nearest id when nothing matches.
 */
import { statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { closest } from '../../core/text/closest.js';
import { splitFrontMatter } from '../../formats/front-matter.js';
import { FileError, UsageError } from '../../errors.js';
import { readTextFile } from '../files/read-text-file.js';
import { MAX_SAVED_BYTES } from './saved-size-limit.js';
import { headerFromData, noteHeader, parseFrontMatterData, type NoteHeader } from './note-header.js';
import { noteFileNames, noteIdOf } from './notes-index.js';

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

/** The path of the session `arg` names, or a UsageError with the nearest id and where to look. */
export async function findSession(arg: string, notesDir: string, cwd: string): Promise<string> {
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
  const startingWith = ids.filter((candidate) => candidate.startsWith(id));
  const hint = closest(id, ids) ?? (startingWith.length === 1 ? startingWith[0] : undefined);
  throw new UsageError(
    `no saved session "${arg}" in ${notesDir}${hint ? ` (did you mean "${hint}"?)` : ''}; run \`coach history\` to see the saved sessions and their ids`,
  );
}

const noteIdOfPath = (path: string): string => basename(path).replace(/\.md$/, '');

/** A saved note whose front matter names a coach session (its nested blocks are not checked). */
export async function readSavedNote(path: string): Promise<SavedNote> {
  const text = await readTextFile(path, 'the note', MAX_SAVED_BYTES);
  const split = splitFrontMatter(text);
  if (!split) throw notANote(path, 'it has no front matter');
  const result = noteHeader(split.frontMatter);
  if (!result.ok) throw notANote(path, result.reason);
  return { id: noteIdOfPath(path), path, text, header: result.header };
}

/** A saved note with its whole front matter, for the commands that need the answers and flags. */
export async function readSavedNoteData(path: string): Promise<SavedNoteData> {
  const text = await readTextFile(path, 'the note', MAX_SAVED_BYTES);
  const split = splitFrontMatter(text);
  if (!split) throw notANote(path, 'it has no front matter');
  const parsed = parseFrontMatterData(split.frontMatter);
  if ('reason' in parsed) throw notANote(path, `${parsed.reason}; fix it in an editor`);
  const result = headerFromData(parsed.data);
  if (!result.ok) throw notANote(path, result.reason);
  return { id: noteIdOfPath(path), path, text, header: result.header, data: parsed.data };
}

const notANote = (path: string, reason: string): FileError => new FileError(path, `cannot use this note: ${reason}`);
