/**
 * Reads a file synchronously only when it is a regular file of at most `maxBytes`, without ever
 * blocking: the caches, the notes index and the notes themselves may be replaced by anything
 * (a FIFO would hang a plain open forever, a link to /dev/zero would fill memory). Opening with
 * O_NONBLOCK returns at once for a FIFO, and fstat on the open descriptor decides, so nothing
 * can be swapped in between a check and the read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

// Windows has no O_NONBLOCK (and no FIFOs in the file system); the flag is simply left out there.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The bytes, with the file's stats as they were when it was opened. */
export type RegularFileRead = { bytes: Buffer; stats: Stats } | { problem: 'missing' | 'not-a-file' | 'too-large' | 'unreadable'; error?: unknown };

export function readRegularFileSync(path: string, maxBytes: number): RegularFileRead {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'missing' : 'unreadable', error };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { problem: 'not-a-file' };
    if (stats.size > maxBytes) return { problem: 'too-large' };
    // Read to the end rather than trusting the size: a file can grow while it is read.
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stats.size + 1, 4096)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { problem: 'too-large' };
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return { problem: 'too-large' };
    return { bytes: buffer.subarray(0, length), stats };
  } catch (error) {
    return { problem: 'unreadable', error };
  } finally {
    closeSync(fd);
  }
}
