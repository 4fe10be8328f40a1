/**
 * Turns SIGINT, SIGTERM and SIGHUP into an abort of the running command, for the real process only
 * (cli.ts's run() calls this; in-process tests pass their own AbortSignal instead).
 *
 * Why handle signals at all, when drafts are written after every answer anyway: left to Node's
 * default, a signal kills the process on the spot, so the user never learns that the answers were
 * kept or how to resume, a half-done `--append` leaves its lock behind, and the exit code is the
 * signal's rather than the documented 129/130/143. Inquirer's own handler (signal-exit) steps
 * aside once we listen, so an aborted prompt restores the terminal itself.
 */
import { ExitCode, InterruptedError, type InterruptCode } from './errors.js';

const SIGNALS: Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', { code: InterruptCode; words: string }> = {
  SIGINT: { code: ExitCode.interrupted, words: 'Interrupted' },
  SIGTERM: { code: ExitCode.terminated, words: 'Stopped by SIGTERM' },
  SIGHUP: { code: ExitCode.hangup, words: 'The terminal went away (SIGHUP)' },
};

/**
 * If nothing honours the abort in this time (say, a read of stdin that never ends), exit anyway:
 * a signal must never be swallowed. By then every answer is already on disk in the draft.
 */
const GRACE_MS = 2000;

export interface Interrupts {
  signal: AbortSignal;
  stop(): void;
}

export function watchInterrupts(): Interrupts {
  const controller = new AbortController();
  let deadline: NodeJS.Timeout | undefined;
  const ignore = (): void => undefined;

  const listeners = Object.entries(SIGNALS).map(([name, { code, words }]) => {
    const listener = (): void => {
      if (controller.signal.aborted) {
        finish(code, words); // a second signal: stop waiting
        return;
      }
      // A closed terminal makes every later write to it fail with EIO; that must not crash us.
      if (name === 'SIGHUP') process.stderr.on('error', ignore);
      controller.abort(new InterruptedError(`${words}.`, code));
      deadline = setTimeout(() => finish(code, words), GRACE_MS);
    };
    process.on(name, listener);
    return [name, listener] as const;
  });

  return {
    signal: controller.signal,
    stop() {
      clearTimeout(deadline);
      for (const [name, listener] of listeners) process.removeListener(name, listener);
    },
  };
}

function finish(code: InterruptCode, words: string): void {
  restoreTerminal();
  process.stderr.write(`coach: ${words}; stopping now. If you had answered questions, continue with: coach resume\n`);
  // The one process.exit in coach, and on purpose: the run ignored the abort for the whole grace
  // period (a read that never ends), so returning an exit code is no longer possible.
  process.exit(code);
}

/** Echo on and the cursor shown, whatever state a prompt left them in. */
export function restoreTerminal(): void {
  if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
  if (process.stderr.isTTY) process.stderr.write('\u001b[?25h');
}
