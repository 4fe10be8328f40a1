/** One line on stderr for each file in the notes directory that is not a readable coach note. */
import type { Io } from '../io.js';
import type { SkippedFile } from '../store/notes/notes-index.js';
import { sanitizeForTerminal } from '../terminal/sanitize.js';

export function warnSkipped(io: Io): (skipped: SkippedFile) => void {
  return ({ path, reason }) => void io.stderr.write(`${sanitizeForTerminal(`coach: warning: skipped ${path}: ${reason}`).replace(/\n/g, ' ')}\n`);
}
