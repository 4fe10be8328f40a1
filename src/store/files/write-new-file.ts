/**
 * Writes a file without ever replacing one: the content goes to a temporary file in the same
 * directory, is flushed to disk, then hard-linked to the first free name (`name.md`, `name-2.md`,
 * ...). A link fails if the name exists, so two runs at once can never lose a note. Nothing here
 * checks and then writes: every decision is made by the operation that does the write. A temporary
 * file names its writer, so one left by a killed coach is removed by a later save
 * (leftover-temps.ts).
 */
import { lazyCrypto } from './lazy-crypto.js';
import { closeSync, fstatSync, fsyncSync, linkSync, lstatSync, openSync, realpathSync, renameSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { FileError } from '../../errors.js';
import { describeFsError } from './read-text-file.js';
import { removeLeftoverTemps, tempName } from './leftover-temps.js';
import { makeDirectorySync } from './make-directory.js';

/** Removes a file that may not be there; a failure to tidy never hides the error that matters. */
function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already, or a leftover for a later run to remove.
  }
}

function writeTemp(directory: string, content: string | Uint8Array, mode: number): string {
  const temp = join(directory, tempName(lazyCrypto().randomBytes(6).toString('hex')));
  const fd = openSync(temp, 'wx', mode);
  try {
    // Just created, so its mtime is the file system's "now", on which leftovers' ages are
    // measured. Tidied before the content is written, so leftovers free their space first (a
    // full disk); ours names this pid, so it is never one of them.
    removeLeftoverTemps(directory, fstatSync(fd).mtimeMs);
    writeFileSync(fd, content, 'utf8');
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    removeQuietly(temp);
    throw error;
  }
  closeSync(fd);
  return temp;
}

/** Makes a new name durable too; some systems cannot open a directory, which is fine. */
function syncDirectory(directory: string): void {
  try {
    const fd = openSync(directory, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort: the file itself is already on disk.
  }
}

/** `mkdir -p`, with a message that names the directory when a file is in the way. */
export function ensureDirectory(directory: string, mode = 0o777): void {
  try {
    makeDirectorySync(directory, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EEXIST' ? 'a file is in the way' : describeFsError(error);
    throw new FileError(directory, `cannot use this as a directory: ${reason}`);
  }
}

export interface WriteOptions {
  mode?: number;
  /** Try `-2`, `-3`, ... when the name is taken; otherwise refuse. */
  numberIfTaken?: boolean;
}

/** Returns the path written. Text is written as UTF-8; bytes (a PDF) as they are. */
export function writeNewFile(target: string, content: string | Uint8Array, options: WriteOptions = {}): string {
  const directory = dirname(target);
  const extension = extname(target);
  const stem = basename(target, extension);
  let temp: string;
  ensureDirectory(directory);
  try {
    temp = writeTemp(directory, content, options.mode ?? 0o644);
  } catch (error) {
    throw new FileError(target, `cannot write: ${describeFsError(error)}`);
  }
  try {
    for (let n = 1; n < 10_000; n++) {
      const candidate = n === 1 ? target : join(directory, `${stem}-${n}${extension}`);
      try {
        linkSync(temp, candidate);
        syncDirectory(directory);
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new FileError(candidate, `cannot write: ${describeFsError(error)}`);
        }
        if (!options.numberIfTaken) {
          throw new FileError(candidate, `already exists; use --force to replace it, or choose another file`);
        }
      }
    }
    throw new FileError(target, `too many notes with this name; choose another file`);
  } finally {
    removeQuietly(temp);
  }
}

export interface ReplaceOptions {
  mode?: number;
  /** Mode for a directory that has to be created (drafts keep theirs private). */
  directoryMode?: number;
}

/**
 * Replaces a file in one step (`--force`, drafts): readers see the old content or the new, never
 * half. A symbolic link is followed, so the file it points to is replaced and the link kept; a
 * device, FIFO or directory is refused (rename would replace the device node itself).
 */
export function replaceFile(target: string, content: string | Uint8Array, options: ReplaceOptions = {}): string {
  let temp: string | undefined;
  try {
    const real = regularFileOrNothing(target);
    const directory = dirname(real);
    ensureDirectory(directory, options.directoryMode);
    temp = writeTemp(directory, content, options.mode ?? 0o644);
    renameSync(temp, real);
    temp = undefined;
    syncDirectory(directory);
    return target;
  } catch (error) {
    if (temp) removeQuietly(temp);
    if (error instanceof FileError) throw error;
    throw new FileError(target, `cannot write: ${describeFsError(error)}`);
  }
}

/** The real path of an existing regular file, or the path itself when nothing is there yet. */
function regularFileOrNothing(target: string): string {
  let stats: Stats;
  try {
    stats = lstatSync(target);
  } catch (error) {
    // Nothing there yet; a file in the way of the directory is reported when it is created.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return target;
    throw error;
  }
  const real = stats.isSymbolicLink() ? realpathSync(target) : target;
  const resolved = stats.isSymbolicLink() ? lstatSync(real) : stats;
  if (!resolved.isFile()) throw new FileError(target, `is not a regular file; coach only replaces regular files`);
  return real;
}
