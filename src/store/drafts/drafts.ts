/**
 * The drafts directory, `<notes>/.drafts/`: one JSON file per unfinished session, private to the
 * user (0700 directory, 0600 files), each replaced atomically on every save. A draft that cannot
 * be read is moved aside, never deleted, so nothing a user typed is ever thrown away by coach.
 */
import { lazyCrypto } from '../files/lazy-crypto.js';
import { linkSync, readdirSync, renameSync, rmdirSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FileError } from '../../errors.js';
import { describeFsError, readTextFile } from '../files/read-text-file.js';
import { serializeDraft, type Draft } from './draft-file.js';
import { MAX_SAVED_BYTES } from '../notes/saved-size-limit.js';
import { replaceFile } from '../files/write-new-file.js';

export const DRAFTS_DIR = '.drafts';
const EXTENSION = '.json';

export function draftsDirectory(notesDir: string): string {
  return join(notesDir, DRAFTS_DIR);
}

/** `20261122-093000-two-questions-prep-1a2b.json`: sorts by start, never collides, stays short. */
export function newDraftName(playbookId: string, phase: string, started: Date): string {
  const stamp = started.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${playbookId.slice(0, 80)}-${phase}-${lazyCrypto().randomBytes(2).toString('hex')}${EXTENSION}`;
}

/** What a user types after `coach resume`: the name without `.json`. */
export function draftHandle(file: string): string {
  return basename(file, EXTENSION);
}

/** The drafts' ids from their file names alone, newest start first: nothing is read or moved. */
export function draftHandles(notesDir: string): string[] {
  const names = readdirSync(draftsDirectory(notesDir));
  return names.filter((name) => name.endsWith(EXTENSION) && !name.startsWith('.')).map(draftHandle).sort().reverse();
}

export function saveDraft(file: string, draft: Draft): void {
  replaceFile(file, serializeDraft(draft), { mode: 0o600, directoryMode: 0o700 });
}

export type LoadedDraft = { file: string; draft: Draft };
export type UnreadableDraft = { file: string; problem: string; movedTo?: string | undefined };

export async function loadDraft(file: string): Promise<LoadedDraft | UnreadableDraft> {
  let text: string;
  try {
    text = readTextFile(file, 'the draft', MAX_SAVED_BYTES);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    return { file, problem: error.reason };
  }
  const { parseDraft } = await import('./draft-parse.js');
  const parsed = parseDraft(text);
  return 'problem' in parsed ? { file, problem: parsed.problem } : { file, draft: parsed };
}

/** Every draft in the directory, newest save first; unreadable ones are moved aside and returned apart. */
export async function listDrafts(notesDir: string): Promise<{ drafts: LoadedDraft[]; unreadable: UnreadableDraft[] }> {
  const directory = draftsDirectory(notesDir);
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { drafts: [], unreadable: [] };
    throw new FileError(directory, `cannot read the drafts: ${describeFsError(error)}`);
  }
  const drafts: LoadedDraft[] = [];
  const unreadable: UnreadableDraft[] = [];
  for (const name of names.filter((entry) => entry.endsWith(EXTENSION) && !entry.startsWith('.')).sort()) {
    const loaded = await loadDraft(join(directory, name));
    if ('draft' in loaded) {
      drafts.push(loaded);
      continue;
    }
    const moved = moveAside(loaded);
    if (moved) unreadable.push(moved);
  }
  drafts.sort((a, b) => b.draft.saved.localeCompare(a.draft.saved) || b.file.localeCompare(a.file));
  return { drafts, unreadable };
}

/**
 * `x.json` becomes `x.json.corrupt` (or `.corrupt-2`, ...): out of the way, still there. Returns
 * undefined when the file is gone (another run finished it meanwhile).
 */
export function moveAside(unreadable: UnreadableDraft): UnreadableDraft | undefined {
  for (let n = 1; n < 100; n++) {
    const target = `${unreadable.file}.corrupt${n === 1 ? '' : `-${n}`}`;
    try {
      // link + unlink rather than rename: rename would silently replace an older .corrupt file.
      linkSync(unreadable.file, target);
      unlinkSync(unreadable.file);
      return { ...unreadable, movedTo: target };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code === 'ENOENT') return undefined;
      // A directory cannot be hard-linked; renaming it never replaces a file.
      try {
        renameSync(unreadable.file, target);
        return { ...unreadable, movedTo: target };
      } catch {
        return unreadable;
      }
    }
  }
  return unreadable;
}

/** After the note is safely written; the directory goes too once it is empty. */
export function removeDraft(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new FileError(file, `cannot remove the finished draft: ${describeFsError(error)}`);
  }
  try {
    rmdirSync(join(file, '..'));
  } catch {
    // Other drafts are still there.
  }
}

