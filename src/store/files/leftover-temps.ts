/**
 * A coach killed while saving (kill -9, a power cut) leaves its temporary file, `.coach-*.tmp`,
 * in the directory it was writing to. The next save there removes such leftovers, but only
 * coach's own and only ones no running coach can be writing:
 *
 * - `.coach-<host>-<pid>-<random>.tmp` (what writeTemp names them) whose pid, on this host, is
 *   not running;
 * - any `.coach-…tmp` (also an older coach's `.coach-<random>.tmp`, or another host's) whose
 *   last change is more than LEFTOVER_AFTER_MS ago: no save takes that long.
 *
 * Ages are measured on the file system's clock, which stamps the mtimes: `now` is the mtime of
 * the temporary file the caller has just created. The process's clock may be far from it (a
 * network disk's server, a machine whose clock is set wrong, faketime), and measured against it a
 * running coach's fresh temporary file would look old and be removed under it.
 *
 * A temporary file never holds the only copy of anything: the note it was becoming is either
 * saved under its name already or still in the session's draft. Each directory is looked at once
 * per process, and any failure here is ignored: tidying must never stop a save.
 */
import { lstatSync, readdirSync, unlinkSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { hostTag, isRunning } from './process-alive.js';

export const LEFTOVER_AFTER_MS = 60 * 60 * 1000;
const TEMP_NAME = /^\.coach-(?:(.+)-(\d+)-)?[0-9a-f]{12}\.tmp$/;

/** The name of a new temporary file, telling a later run who wrote it. */
export function tempName(random: string): string {
  return `.coach-${hostTag()}-${process.pid}-${random}.tmp`;
}

const tidied = new Set<string>();

/** Removes the leftovers in `directory`; returns the names removed. `now`: the file system's clock. */
export function removeLeftoverTemps(directory: string, now: number): string[] {
  if (tidied.has(directory)) return [];
  tidied.add(directory);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return removed;
  }
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match) continue;
    const path = join(directory, name);
    let stats: Stats;
    try {
      stats = lstatSync(path);
    } catch {
      continue;
    }
    if (!stats.isFile()) continue;
    const [, host, pid] = match;
    const writerGone = host === hostTag() && pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid));
    if (!writerGone && now - stats.mtimeMs <= LEFTOVER_AFTER_MS) continue;
    try {
      unlinkSync(path);
      removed.push(name);
    } catch {
      // Removed by another run meanwhile, or not ours to remove: tidying never stops a save.
    }
  }
  return removed;
}

