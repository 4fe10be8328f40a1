/**
 * Where a person is asked: keys from stdin, prompts on stderr (stdout carries only the note), the
 * width of that terminal, and the signal that ends the session on SIGTERM or SIGHUP.
 */
import type { Io } from '../io.js';
import type { TerminalStreams } from '../prompters/inquirer.js';

export function terminalStreams(io: Io): TerminalStreams {
  return { input: io.stdin, output: io.stderr, columns: io.stderr.columns, signal: io.signal };
}
