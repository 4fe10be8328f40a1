/**
 * One line on stderr for each file in the notes directory that is not a readable coach note, once
 * a run: a debrief reads the notes to find its prep and again for that prep's earlier debriefs,
 * and the same file was reported both times.
 */
import type { Io } from '../io.js';
import type { SkippedFile } from '../store/notes/notes-index.js';
import { sanitizeForTerminal } from '../terminal/sanitize.js';

/** The files already reported in each run, by the run's Io. */
const reported = new WeakMap<Io, Set<string>>();

export function warnSkipped(io: Io): (skipped: SkippedFile) => void {
  const seen = reported.get(io) ?? new Set<string>();
  reported.set(io, seen);
  return ({ path, reason }) => {
    if (seen.has(path)) return;
    seen.add(path);
    io.stderr.write(`${sanitizeForTerminal(`coach: warning: skipped ${path}: ${reason}`).replace(/\n/g, ' ')}\n`);
  };
}
