/**
 * `--append`: adds a note to a running notes file. Two coach runs appending at once must never
 * interleave, and a failed append (a full disk) must leave the file as it was. So: a `.lock` file
 * created exclusively beside the target (append-lock.ts: it names its owner, so one left by a coach
 * that died is recovered), the whole text in one write, and on failure the file cut back to its
 * old length. The lock is removed on every way out of here.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FileError } from '../../errors.js';
import { describeFsError } from './read-text-file.js';
import { releaseLock, takeLock } from './append-lock.js';
import { ensureDirectory } from './write-new-file.js';

/** Appends `text`, separated from what is already there by a blank line. Returns the path. */
export async function appendWithLock(
  target: string,
  text: string,
  now: () => Date = () => new Date(),
  notice: (line: string) => void = () => undefined,
): Promise<string> {
  // Refused before a lock is made beside it: no `/dev/full.lock`. Checked again once it is open.
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isFile()) throw new FileError(target, `is not a regular file; --append needs a notes file`);
  ensureDirectory(dirname(target));
  const lock = `${target}.lock`;
  await takeLock(lock, target, now, notice);
  try {
    await appendWhole(target, text);
    return target;
  } finally {
    await releaseLock(lock);
  }
}

async function appendWhole(target: string, text: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(target, 'a', 0o644);
  } catch (error) {
    throw new FileError(target, `cannot append: ${describeFsError(error)}`);
  }
  let size: number | undefined;
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new FileError(target, `is not a regular file; --append needs a notes file`);
    size = stats.size;
    const bytes = Buffer.from(size > 0 ? `\n${text}` : text, 'utf8');
    const { bytesWritten } = await handle.write(bytes, 0, bytes.length);
    if (bytesWritten !== bytes.length) {
      throw new FileError(target, `cannot append: only part of the note fitted (is the disk full?); the file is unchanged`);
    }
    await handle.sync();
  } catch (error) {
    // Whatever part of the note got in comes out again: the file is as it was before.
    if (size !== undefined) await handle.truncate(size).catch(() => undefined);
    if (error instanceof FileError) throw error;
    throw new FileError(target, `cannot append: ${describeFsError(error)}; the file is unchanged`);
  } finally {
    await handle.close();
  }
}
