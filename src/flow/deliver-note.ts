/**
 * Sends a finished note where the user asked: the notes directory (the history), --out, --append,
 * and stdout. The note is saved to the history first, so a failure further on loses nothing.
 * `-o -` and `--append -` mean stdout, as `-` does in every Unix tool (and as `--answers -` means
 * stdin); a file really named `-` is `./-`.
 *
 * What an append gets: a note joining a running notes file (`--append`, `--append -`, or a stdout
 * that is a non-empty regular file, as with `>> notes.md`) is its body as a section of that file
 * (running-file-section.ts); `--out`, a fresh stdout and the notes directory get the whole note.
 * An explicit `--format` decides for stdout and `--append` alike.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { NoteData } from '../core/note/note.js';
import { runningFileSection } from '../core/note/running-file-section.js';
import { FileError, UsageError } from '../errors.js';
import { writeOut, type Io } from '../io.js';
import { notePath } from '../store/notes/notes-dir.js';
import { checkSavedSize } from '../store/notes/saved-size-limit.js';
import { replaceFile, writeNewFile } from '../store/files/write-new-file.js';
import { sanitizeForTerminal } from '../terminal/sanitize.js';
import type { SessionOptions } from '../commands/options/session-options.js';

export interface Delivered {
  saved?: string;
  out?: string;
  appended?: string;
  stdout: boolean;
}

/**
 * Checked before any question is asked, so nobody answers ten questions to hit a refusal. It only
 * warns early: the write itself (a hard link) is what refuses, so a file that appears meanwhile
 * is never replaced.
 */
export function checkOutTarget(options: SessionOptions, io: Io): void {
  if (options.format === 'json' && fileNamed(options.append) !== undefined) {
    throw new UsageError('--format json cannot be appended to a notes file; drop --format (the append gets the note as a section) or use --format note');
  }
  if (options.out === undefined || options.out === STDOUT || options.force) return;
  const target = resolve(io.cwd, options.out);
  if (existsSync(target)) throw new FileError(options.out, `already exists; add --force to replace it, or choose another file`);
}

/** The name that means standard output for `--out` and `--append`. */
const STDOUT = '-';

const fileNamed = (name: string | undefined): string | undefined => (name === STDOUT ? undefined : name);

function stdoutWanted(options: SessionOptions, io: Io): boolean {
  const keptElsewhere = options.save || fileNamed(options.out) !== undefined || fileNamed(options.append) !== undefined;
  const named = options.stdout === true || options.out === STDOUT || options.append === STDOUT;
  return named || io.stdout.isTTY !== true || !keptElsewhere;
}

/**
 * `delivered` is filled in as each destination succeeds, so after a failure the caller can still
 * say where the note did get to.
 */
export async function deliverNote(
  note: NoteData,
  markdown: string,
  options: SessionOptions,
  io: Io,
  notesDir: string,
  delivered: Delivered = { stdout: false },
): Promise<Delivered> {
  const out = fileNamed(options.out);
  // Refused before anything is written: a note coach could not read back is not saved half-way.
  if (options.save || out !== undefined) checkSavedSize(markdown, note.answers);
  if (options.save) delivered.saved = writeNewFile(notePath(notesDir, note), markdown, { numberIfTaken: true });
  if (out !== undefined) {
    const target = resolve(io.cwd, out);
    delivered.out = options.force ? replaceFile(target, markdown) : writeNewFile(target, markdown);
  }
  const append = fileNamed(options.append);
  if (append !== undefined) {
    const text = shaped(note, markdown, options.format ?? 'body');
    // Imported when used: its lock waits between tries, so it is the one writer on fs/promises,
    // which costs every other run 1-2 ms to load.
    const { appendWithLock } = await import('../store/files/append-file.js');
    delivered.appended = await appendWithLock(resolve(io.cwd, append), text, io.now, (line) => void io.stderr.write(`coach: ${sanitizeForTerminal(line)}\n`));
  }
  if (stdoutWanted(options, io)) {
    const intoFile = io.stdoutAppends?.() === true;
    const appending = intoFile || (options.append === STDOUT && options.out !== STDOUT);
    const format = options.format ?? (appending ? 'body' : 'note');
    const section = shaped(note, markdown, format);
    // `>> notes.md` writes straight after the file's last line: a blank line keeps them apart.
    const text = intoFile && format !== 'json' ? `\n${section}` : section;
    // The note holds whatever was typed; on a terminal it must not drive the terminal.
    await writeOut(io.stdout, io.stdout.isTTY === true ? sanitizeForTerminal(text) : text);
    delivered.stdout = true;
  }
  return delivered;
}

function shaped(note: NoteData, markdown: string, format: NonNullable<SessionOptions['format']>): string {
  if (format === 'json') return `${JSON.stringify(note, null, 2)}\n`;
  return format === 'body' ? runningFileSection(markdown) : markdown;
}
