/**
 * Writes a file without ever replacing one: the content goes to a temporary file in the same
 * directory, is flushed to disk, then hard-linked to the first free name (`name.md`, `name-2.md`,
 * ...). A link fails if the name exists, so two runs at once can never lose a note.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { FileError } from '../errors.js';
import { describeFsError } from '../files/read-text-file.js';

async function writeTemp(directory: string, content: string, mode: number): Promise<string> {
  const temp = join(directory, `.coach-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

export interface WriteOptions {
  mode?: number;
  /** Try `-2`, `-3`, ... when the name is taken; otherwise refuse. */
  numberIfTaken?: boolean;
}

/** Returns the path written. */
export async function writeNewFile(target: string, content: string, options: WriteOptions = {}): Promise<string> {
  const directory = dirname(target);
  const extension = extname(target);
  const stem = basename(target, extension);
  let temp: string;
  try {
    await mkdir(directory, { recursive: true });
    temp = await writeTemp(directory, content, options.mode ?? 0o644);
  } catch (error) {
    throw new FileError(`${target}: cannot write: ${describeFsError(error)}`);
  }
  try {
    for (let n = 1; n < 10_000; n++) {
      const candidate = n === 1 ? target : join(directory, `${stem}-${n}${extension}`);
      try {
        await link(temp, candidate);
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new FileError(`${candidate}: cannot write: ${describeFsError(error)}`);
        }
        if (!options.numberIfTaken) {
          throw new FileError(`${candidate}: already exists; use --force to replace it, or choose another file`);
        }
      }
    }
    throw new FileError(`${target}: too many notes with this name; choose another file`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** Replaces a file in one step (`--force`): readers see the old content or the new, never half. */
export async function replaceFile(target: string, content: string, mode = 0o644): Promise<string> {
  const directory = dirname(target);
  let temp: string | undefined;
  try {
    await mkdir(directory, { recursive: true });
    temp = await writeTemp(directory, content, mode);
    await rename(temp, target);
    return target;
  } catch (error) {
    if (temp) await unlink(temp).catch(() => undefined);
    throw new FileError(`${target}: cannot write: ${describeFsError(error)}`);
  }
}
