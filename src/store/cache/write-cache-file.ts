/**
 * Writes a file in coach's cache directory whole or not at all: a temporary file beside it,
 * renamed over it, so a concurrent run reads the old file or the new one, never half of either.
 * A cache is only an optimisation, so any failure (no room, read-only, a file in the way) is
 * swallowed and the temporary file removed: writing a cache never stops a command.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

let written = 0;

/** True when the file was replaced. */
export function writeCacheFileSync(file: string, content: string | Uint8Array): boolean {
  // The pid keeps two processes apart, the counter two writes of one process.
  const temp = `${file}.${process.pid}-${++written}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, content, { flag: 'wx' });
    renameSync(temp, file);
    return true;
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing was written where nothing can be removed.
    }
    return false;
  }
}
