/**
 * Every failure a user can cause is one of these. Only src/cli.ts turns them into an exit code
 * and a message; everything else throws. Anything that is not a CoachError is a bug (exit 1).
 */
export const ExitCode = {
  ok: 0,
  bug: 1,
  usage: 2,
  invalidPlaybook: 3,
  file: 4,
  /** 128 + the signal's number, as shells report a process stopped by a signal. */
  hangup: 129,
  interrupted: 130,
  terminated: 143,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class CoachError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong flags, arguments or supplied answers: the user can fix the command line. */
export class UsageError extends CoachError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/** A prefix or customer name that names several saved sessions; the message lists them. */
export class AmbiguousSessionError extends UsageError {}

/** No playbook has this id in any source; `known` are the ids there are. */
export class UnknownPlaybookError extends UsageError {
  constructor(
    readonly id: string,
    readonly known: readonly string[],
    hint: string | undefined,
  ) {
    super(`no playbook "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}; available: ${known.join(', ')}. A path to a .yaml file works too.`);
  }
}

/** One problem in a playbook, located so an editor can jump to it. */
export interface PlaybookIssue {
  file: string;
  line: number;
  col: number;
  message: string;
}

export function formatIssue(issue: PlaybookIssue): string {
  return `${issue.file}:${issue.line}:${issue.col}: ${issue.message}`;
}

/** A playbook that does not parse or validate; carries every problem found, not just the first. */
export class PlaybookError extends CoachError {
  constructor(readonly issues: readonly PlaybookIssue[]) {
    super(issues.map(formatIssue).join('\n'), ExitCode.invalidPlaybook);
  }
}

/**
 * `playbooks validate` found problems, already printed file by file: exit 3 when a playbook is
 * invalid, 4 when the only problems were files that could not be read.
 */
export class PlaybooksInvalidError extends CoachError {
  constructor(
    readonly invalid: readonly { issues: readonly PlaybookIssue[] }[],
    readonly checked: number,
  ) {
    const problems = invalid.reduce((sum, result) => sum + Math.max(result.issues.length, 1), 0);
    super(
      `${invalid.length} of ${checked} playbook${checked === 1 ? '' : 's'} invalid (${problems} problem${problems === 1 ? '' : 's'})`,
      invalid.some((result) => result.issues.length > 0) ? ExitCode.invalidPlaybook : ExitCode.file,
    );
  }
}

/**
 * A file that cannot be read or written: which one (undefined for a stream such as stdout) and
 * why, apart, so a caller can show the reason under another name without taking a message apart.
 */
export class FileError extends CoachError {
  constructor(
    readonly path: string | undefined,
    readonly reason: string,
  ) {
    super(path === undefined ? reason : `${path}: ${reason}`, ExitCode.file);
  }
}

export type InterruptCode = typeof ExitCode.interrupted | typeof ExitCode.hangup | typeof ExitCode.terminated;

/** The user stopped the session: Ctrl-C or Ctrl-D (130), SIGHUP (129), SIGTERM (143). */
export class InterruptedError extends CoachError {
  constructor(message = 'Interrupted.', exitCode: InterruptCode = ExitCode.interrupted) {
    super(message, exitCode);
  }
}
