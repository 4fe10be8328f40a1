/**
 * `--append`: adds a note to a running notes file. Two coach runs appending at once must never
 * interleave, and a failed append (a full disk) must leave the file as it was. So: a `.lock` file
 * created exclusively beside the target, the whole text in one write, and on failure the file cut
 * back to its old length. The lock is removed on every way out of here.
 */
import { open, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FileError } from '../errors.js';
import { describeFsError } from '../files/read-text-file.js';
import { ensureDirectory } from './write-new-file.js';

const LOCK_WAIT_MS = 5000;
const LOCK_RETRY_MS = 25;

/** Appends `text`, separated from what is already there by a blank line. Returns the path. */
export async function appendWithLock(target: string, text: string, now: () => Date = () => new Date()): Promise<string> {
  // Refused before a lock is made beside it: no `/dev/full.lock`. Checked again once it is open.
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isFile()) throw new FileError(`${target}: is not a regular file; --append needs a notes file`);
  await ensureDirectory(dirname(target));
  const lock = `${target}.lock`;
  await acquire(lock, target, now);
  try {
    await appendWhole(target, text);
    return target;
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}

async function acquire(lock: string, target: string, now: () => Date): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lock, 'wx', 0o600);
      // For a person who finds it: who holds it, since when.
      await handle.writeFile(`coach append lock, taken ${now().toISOString()}\n`).finally(() => handle.close());
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new FileError(`${target}: cannot append: cannot create the lock ${lock}: ${describeFsError(error)}`);
      }
      if (Date.now() > deadline) {
        throw new FileError(`${target}: another coach has been appending for ${LOCK_WAIT_MS / 1000} s; if none is running, delete ${lock}`);
      }
      await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
    }
  }
}

async function appendWhole(target: string, text: string): Promise<void> {
  let handle;
  try {
    handle = await open(target, 'a', 0o644);
  } catch (error) {
    throw new FileError(`${target}: cannot append: ${describeFsError(error)}`);
  }
  let size: number | undefined;
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new FileError(`${target}: is not a regular file; --append needs a notes file`);
    size = stats.size;
    const bytes = Buffer.from(size > 0 ? `\n${text}` : text, 'utf8');
    const { bytesWritten } = await handle.write(bytes, 0, bytes.length);
    if (bytesWritten !== bytes.length) {
      throw new FileError(`${target}: cannot append: only part of the note fitted (is the disk full?); the file is unchanged`);
    }
    await handle.sync();
  } catch (error) {
    // Whatever part of the note got in comes out again: the file is as it was before.
    if (size !== undefined) await handle.truncate(size).catch(() => undefined);
    if (error instanceof FileError) throw error;
    throw new FileError(`${target}: cannot append: ${describeFsError(error)}; the file is unchanged`);
  } finally {
    await handle.close();
  }
}
