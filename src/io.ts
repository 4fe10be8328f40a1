import { FileError } from './errors.js';

/**
 * Everything a command touches outside itself: streams, environment, working directory, clock.
 * The real process supplies them in bin/coach.js; tests supply their own, so a whole command runs
 * in-process with no terminal and no mocking.
 */
export interface Output extends NodeJS.WritableStream {
  isTTY?: boolean;
  columns?: number;
}

export interface Input extends NodeJS.ReadableStream {
  isTTY?: boolean;
}

export interface Io {
  stdin: Input;
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => Date;
  /** Aborted when the user stops the run (SIGINT, SIGTERM, SIGHUP); its reason is an InterruptedError. */
  signal?: AbortSignal | undefined;
}

export function processIo(signal?: AbortSignal): Io {
  return {
    // Node creates each stream on first use; `coach --help` should not pay for stdin and stderr.
    get stdin() {
      return process.stdin;
    },
    get stdout() {
      return process.stdout;
    },
    get stderr() {
      return process.stderr;
    },
    signal,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}

/** Today's date where the user is, as YYYY-MM-DD. */
export function localDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Writes to stdout and resolves once the data is handed off. A reader that went away
 * (`coach prep | head -1`) becomes a one-line FileError, never a stack trace.
 */
export function writeOut(stream: Output, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error?: Error | null) => {
      if (!error) return resolve();
      const code = (error as NodeJS.ErrnoException).code;
      reject(new FileError(undefined, code === 'EPIPE' ? 'standard output was closed before the whole note was written' : `cannot write to standard output: ${error.message}`));
    });
  });
}
