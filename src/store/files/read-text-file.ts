/**
 * Reads a file a user or a colleague handed us: a regular file, at most 1 MiB, strict UTF-8.
 * Anything else is a one-line FileError that names the file and what to do. What coach wrote
 * itself (notes, drafts) is read with the higher limit of saved-size-limit.ts, since one answer
 * can appear in a note more than once.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { FileError } from '../../errors.js';

const MAX_INPUT_BYTES = 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeStrictUtf8(bytes: Uint8Array, name: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new FileError(name, `is not valid UTF-8 text; save it as UTF-8 and try again`);
  }
}

// Without O_NONBLOCK, opening a FIFO waits for a writer forever, before fstat can refuse it.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** `1 MiB`, `1.2 MiB`, `600 KiB`. */
export function describeBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib < 1) return `${Math.ceil(bytes / 1024)} KiB`;
  return Number.isInteger(mib) ? `${mib} MiB` : `${mib.toFixed(1)} MiB`;
}

export async function readTextFile(path: string, what: string, maxBytes: number = MAX_INPUT_BYTES): Promise<string> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    throw new FileError(path, `cannot read ${what}: ${describeFsError(error)}`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new FileError(path, `${what} must be a regular file`);
    const tooLarge = (): FileError => new FileError(path, `${what} is larger than ${describeBytes(maxBytes)}; coach reads at most ${describeBytes(maxBytes)}`);
    if (stats.size > maxBytes) throw tooLarge();
    // Read to the end rather than trusting the size: a file can grow, and /proc files claim 0.
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stats.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw tooLarge();
    }
    return decodeStrictUtf8(buffer.subarray(0, length), path);
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(path, `cannot read ${what}: ${describeFsError(error)}`);
  } finally {
    await handle.close();
  }
}

/** Reads a stream (stdin for `--answers -`) with the same limits as a file. */
export async function readTextStream(stream: NodeJS.ReadableStream, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) throw new FileError(name, `more than 1 MiB of input; coach reads at most 1 MiB`);
    chunks.push(buffer);
  }
  return decodeStrictUtf8(Buffer.concat(chunks), name);
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EEXIST':
      return 'already exists';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EFBIG':
      return 'the file would be larger than allowed';
    case 'EDQUOT':
      return 'the disk quota is used up';
    default:
      return (error as Error | undefined)?.message ?? String(error);
  }
}
