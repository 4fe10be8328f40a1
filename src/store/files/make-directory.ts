/**
 * `mkdir -p`, by hand because Node's own cannot be trusted with every path: where a directory
 * exists but the system answers ENOENT for a child made in it (anything under /proc), Node 20's
 * recursive mkdir steps back to the parent and forward again forever, inside C++, where no signal
 * handler runs, so `coach prep -o /proc/x/note.md` or COACH_CACHE_DIR=/proc/x hung until killed
 * (nodejs/node's MKDirpSync; Bun had the same loop, oven-sh/bun#36162). This walks up to the
 * nearest directory that exists, then makes each missing one below it in turn: an ENOENT once the
 * parent is there is final. The error thrown is the system's, for the caller to word.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export function makeDirectorySync(directory: string, mode = 0o777): void {
  const missing: string[] = [];
  let dir = resolve(directory);
  while (!made(dir, mode, false)) {
    missing.push(dir);
    const parent = dirname(dir);
    // A missing root has nothing above it: its ENOENT is final.
    if (parent === dir) return void made(dir, mode, true);
    dir = parent;
  }
  for (const below of missing.reverse()) made(below, mode, true);
}

/**
 * Makes `dir`; true when it was made or is a directory already, false when its parent is missing
 * (unless `parentIsThere`: then that ENOENT is final). Anything else is thrown.
 */
function made(dir: string, mode: number, parentIsThere: boolean): boolean {
  try {
    mkdirSync(dir, { mode });
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !parentIsThere) return false;
    // Something is there: a directory is what was wanted; anything else keeps its EEXIST.
    if (code === 'EEXIST' && statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true) return true;
    throw error;
  }
}
