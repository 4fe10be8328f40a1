/**
 * Reads a file a user or a colleague handed us: a regular file, at most 1 MiB, strict UTF-8.
 * Anything else is a one-line FileError that names the file and what to do. What coach wrote
 * itself (notes, drafts) is read with the higher limit of saved-size-limit.ts, since one answer
 * can appear in a note more than once.
 */
import { FileError } from '../../errors.js';
import { readRegularFileSync } from './read-regular-file.js';

const MAX_INPUT_BYTES = 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeStrictUtf8(bytes: Uint8Array, name: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new FileError(name, `is not valid UTF-8 text; save it as UTF-8 and try again`);
  }
}

/** `1 MiB`, `1.2 MiB`, `600 KiB`. */
export function describeBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib < 1) return `${Math.ceil(bytes / 1024)} KiB`;
  return Number.isInteger(mib) ? `${mib} MiB` : `${mib.toFixed(1)} MiB`;
}

/**
 * Synchronous, as every read of a file coach does: a command waits for the text anyway, and
 * fs/promises costs 1-2 ms to load plus a thread-pool round trip per call, which was a tenth of
 * a `coach prep`. readRegularFileSync never blocks on a FIFO and never reads past the limit.
 */
export function readTextFile(path: string, what: string, maxBytes: number = MAX_INPUT_BYTES): string {
  const read = readRegularFileSync(path, maxBytes);
  if ('bytes' in read) return decodeStrictUtf8(read.bytes, path);
  switch (read.problem) {
    case 'not-a-file':
      throw new FileError(path, `${what} must be a regular file`);
    case 'too-large':
      throw new FileError(path, `${what} is larger than ${describeBytes(maxBytes)}; coach reads at most ${describeBytes(maxBytes)}`);
    default:
      throw new FileError(path, `cannot read ${what}: ${describeFsError(read.error)}`);
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
