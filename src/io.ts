import { fstatSync } from 'node:fs';
import { FileError } from './errors.js';
import { isPlainDestination, standardOutput } from './standard-output.js';

/**
 * Everything a command touches outside itself: streams, environment, working directory, clock.
 * The real process supplies them in bin/coach.js; tests supply their own, so a whole command runs
 * in-process with no terminal and no mocking.
 */
interface Output extends NodeJS.WritableStream {
  isTTY?: boolean;
  columns?: number;
}

/**
 * What coach does with standard output: writes to it and hears of its errors. Only a note, a
 * list or JSON goes there (prompts go to stderr), so it need not be a whole stream
 * (standard-output.ts says why it often is not).
 */
export interface StandardOutput {
  write(chunk: string | Uint8Array, done?: (error?: Error | null) => void): boolean;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

interface Input extends NodeJS.ReadableStream {
  isTTY?: boolean;
}

export interface Io {
  stdin: Input;
  stdout: StandardOutput;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => Date;
  /**
   * The IANA zone whose calendar dates a note (its file name, its `date`); undefined means the
   * machine's zone (`TZ`), which is what a person running coach gets. Tests name one, so the date
   * they expect does not depend on where they run.
   */
  timeZone?: string | undefined;
  /**
   * Whether stdout is a regular file that already holds something (`coach prep >> notes.md`): a
   * note written there joins a running file. Undefined means no (a terminal, a pipe, a test).
   */
  stdoutAppends?: (() => boolean) | undefined;
  /**
   * Whether stderr is a terminal, answered without making process.stderr (whose set-up cost a
   * prep 2-4 ms only to learn that it is a pipe). Undefined means: ask `stderr.isTTY`.
   */
  stderrIsTerminal?: (() => boolean) | undefined;
  /** Aborted when the user stops the run (SIGINT, SIGTERM, SIGHUP); its reason is an InterruptedError. */
  signal?: AbortSignal | undefined;
}

export function processIo(signal?: AbortSignal): Io {
  let stdout: StandardOutput | undefined;
  return {
    // Node creates each stream on first use; `coach --help` should not pay for stdin and stderr.
    get stdin() {
      return process.stdin;
    },
    get stdout() {
      stdout ??= standardOutput();
      return stdout;
    },
    get stderr() {
      return process.stderr;
    },
    signal,
    stderrIsTerminal: () => !isPlainDestination(2) && process.stderr.isTTY === true,
    stdoutAppends: () => {
      try {
        const stats = fstatSync(1);
        return stats.isFile() && stats.size > 0;
      } catch {
        return false;
      }
    },
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}

/**
 * The calendar date of `date` where the user is, as YYYY-MM-DD: in `timeZone`, else in the
 * machine's zone. A note made at 23:30 local time is dated that local day, whatever UTC says.
 * The machine's zone is read through Date's local getters because the first Intl.DateTimeFormat
 * costs a process 5-15 ms of ICU set-up, which every `coach prep` would pay; a named zone goes
 * through Intl, which knows every zone's rules. The two agree (tests/cli/local-date.test.ts).
 */
export function localDate(date: Date, timeZone?: string): string {
  if (timeZone === undefined) {
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((each) => each.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The IANA name of the user's zone: the Io's, else the machine's (what a person running coach gets). */
export function userTimeZone(io: Pick<Io, 'timeZone'>): string {
  return io.timeZone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Today's date for this run of coach: the Io's clock, in the Io's zone. */
export function localToday(io: Pick<Io, 'now' | 'timeZone'>): string {
  return localDate(io.now(), io.timeZone);
}

/**
 * Writes to stdout and resolves once the data is handed off. A reader that went away
 * (`coach prep | head -1`) becomes a one-line FileError, never a stack trace.
 */
export function writeOut(stream: StandardOutput, text: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error?: Error | null) => {
      if (!error) return resolve();
      const code = (error as NodeJS.ErrnoException).code;
      reject(new FileError(undefined, code === 'EPIPE' ? 'standard output was closed before coach had written everything' : `cannot write to standard output: ${error.message}`));
    });
  });
}
