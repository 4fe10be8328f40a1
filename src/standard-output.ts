/**
 * Standard output when it is not a terminal: a file (`coach prep >> notes.md`), a pipe, or
 * /dev/null. There, process.stdout is a stream whose first write loads and runs Node's streams
 * machinery, some ten million instructions (2 ms, a tenth of a short prep), only to end in
 * fs.writeSync on descriptor 1, which this calls directly. A terminal, or anything else this does
 * not recognise, keeps process.stdout (columns, colours, Node's own handling). A pipe its reader
 * made non-blocking can refuse a write (EAGAIN); the rest then goes to process.stdout, which
 * waits for the reader, and so does everything after it, in order.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';
import type { StandardOutput } from './io.js';

type Written = (error?: Error | null) => void;

/** The stream the process writes its results to. */
export function standardOutput(): StandardOutput {
  return isPlainDestination(1) ? new PlainStdout() : process.stdout;
}

/**
 * Whether the descriptor is a regular file, a pipe or socket, or /dev/null: never a terminal.
 * Asked of stderr too, since making process.stderr only to read its isTTY costs what a write does.
 */
export function isPlainDestination(fd: 1 | 2): boolean {
  try {
    const stats = fstatSync(fd);
    if (stats.isFile() || stats.isFIFO() || stats.isSocket()) return true;
    return stats.isCharacterDevice() && stats.rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

/**
 * Writes synchronously, as process.stdout does for files and, on Linux, pipes. An error goes to
 * the write's callback, or, without one, to the error listeners, as a stream's would.
 */
class PlainStdout implements StandardOutput {
  readonly isTTY = false;
  private readonly errorListeners = new Set<(error: Error) => void>();
  /** Once a write could not be made at once, process.stdout writes the rest, in order. */
  private handedOver = false;

  write(chunk: string | Uint8Array, done?: Written): boolean {
    if (this.handedOver) return process.stdout.write(chunk, done);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let offset = 0;
    try {
      while (offset < bytes.length) offset += writeSync(1, bytes, offset, bytes.length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') {
        if (done) queueMicrotask(() => done(error as Error));
        else for (const listener of this.errorListeners) listener(error as Error);
        return false;
      }
      this.handedOver = true;
      for (const listener of this.errorListeners) process.stdout.on('error', listener);
      return process.stdout.write(bytes.subarray(offset), done);
    }
    if (done) queueMicrotask(() => done(null));
    return true;
  }

  on(_event: 'error', listener: (error: Error) => void): this {
    this.errorListeners.add(listener);
    if (this.handedOver) process.stdout.on('error', listener);
    return this;
  }

  removeListener(_event: 'error', listener: (error: Error) => void): this {
    this.errorListeners.delete(listener);
    if (this.handedOver) process.stdout.removeListener('error', listener);
    return this;
  }
}
