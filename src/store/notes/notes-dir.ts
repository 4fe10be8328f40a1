/**
 * The notes directory is the history: plain Markdown files a user can read, grep and sync.
 * `--notes-dir`, then COACH_NOTES_DIR, then the platform's data directory.
 */
import { isAbsolute, join, resolve } from 'node:path';
import type { NoteData } from '../../core/note/note.js';
import { UsageError } from '../../errors.js';
import { platformDirectory } from '../cache/app-dirs.js';
import { slugify } from './slug.js';

export function notesDirectory(option: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  const chosen = option ?? (env['COACH_NOTES_DIR'] || undefined);
  if (chosen) return isAbsolute(chosen) ? chosen : resolve(cwd, chosen);
  const platform = platformDirectory('data', env);
  if (platform === undefined) {
    throw new UsageError('cannot find a home directory to keep the notes in; set COACH_NOTES_DIR to a directory (or pass --notes-dir)');
  }
  return platform;
}

/** The notes directory coach would use with no option, or undefined when there is none. */
export function defaultNotesDirectory(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  try {
    return notesDirectory(undefined, env, cwd);
  } catch {
    return undefined;
  }
}

/** A playbook id is kebab-case already; only its length needs a bound to keep the name under 255 bytes. */
const MAX_PLAYBOOK_PART = 80;

/** `2026-11-22-acme-corp-two-questions-prep.md` */
export function noteFileName(note: Pick<NoteData, 'date' | 'customer' | 'playbook' | 'kind'>): string {
  const playbook = note.playbook.slice(0, MAX_PLAYBOOK_PART).replace(/-+$/, '');
  return `${note.date}-${slugify(note.customer)}-${playbook}-${note.kind}.md`;
}

export function notePath(directory: string, note: Pick<NoteData, 'date' | 'customer' | 'playbook' | 'kind'>): string {
  return join(directory, noteFileName(note));
}
