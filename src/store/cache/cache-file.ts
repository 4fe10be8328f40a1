/**
 * A file in coach's cache directory, read and written so that it can never stop a command. It is
 * written whole or not at all (a temporary file beside it, renamed over it), so a concurrent run
 * reads the old file or the new one, never half of either; any failure to write (no room,
 * read-only, a file in the way) is swallowed and the temporary file removed. It is read only
 * when it is a bounded regular file holding JSON; anything else is as if it were not there.
 */
import { renameSync, rmSync, type Stats, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeDirectorySync } from '../files/make-directory.js';
import { readRegularFileSync } from '../files/read-regular-file.js';

/** The file's JSON, with its stats when it was read; undefined for a missing, odd or broken file. */
export function readCacheJson(file: string, maxBytes: number): { value: unknown; stats: Stats } | undefined {
  const read = readRegularFileSync(file, maxBytes);
  if (!('bytes' in read)) return undefined;
  try {
    return { value: JSON.parse(read.bytes.toString('utf8')) as unknown, stats: read.stats };
  } catch {
    return undefined;
  }
}

let written = 0;

/** True when the file was replaced. */
export function writeCacheFileSync(file: string, content: string | Uint8Array): boolean {
  // The pid keeps two processes apart, the counter two writes of one process.
  const temp = `${file}.${process.pid}-${++written}.tmp`;
  try {
    makeDirectorySync(dirname(file));
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
