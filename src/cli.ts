/**
 * The commander program, and the only place where failures become exit codes and messages.
 * Commands are imported when they run, so `coach --version` loads almost nothing.
 */
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import type { CardOptions } from './commands/card.js';
import type { CommandContext, ContextOptions } from './commands/command-context.js';
import { notesDirOption, playbooksOption } from './commands/options/shared-options.js';
import { withSessionOptions, type SessionOptions } from './commands/options/session-options.js';
import type { DebriefOptions } from './commands/debrief.js';
import type { PrepOptions } from './commands/prep.js';
import { withHistoryOptions, type HistoryOptions } from './commands/options/history-options.js';
import { refuseOptionLikePaths } from './commands/options/option-like-paths.js';
import type { DraftsOptions } from './commands/drafts.js';
import type { ShowOptions } from './commands/show.js';
import type { FollowupsOptions } from './commands/followups.js';
import type { AccountOptions } from './commands/account.js';
import type { UpcomingOptions } from './commands/upcoming.js';
import { addPlaybooksCommands } from './commands/playbooks/index.js';
import { CoachError, ExitCode, PlaybookError } from './errors.js';
import { watchInterrupts, restoreTerminal } from './interrupts.js';
import { processIo, writeOut, type Io } from './io.js';
import { sanitizeForTerminal as safe } from './terminal/sanitize.js';

type Action = (context: CommandContext) => Promise<void>;
type SessionRun<O> = (arg: string | undefined, options: O, context: CommandContext) => Promise<void>;

/** Every command, as `coach <name>`; tests/commands/program-commands.test.ts keeps it in step with createProgram. */
export const COMMAND_NAMES = ['prep', 'debrief', 'resume', 'drafts', 'history', 'followups', 'account', 'upcoming', 'show', 'card', 'completion', 'playbooks'] as const;
type CommandName = (typeof COMMAND_NAMES)[number];

/**
 * The command the arguments run, when they name one: the first word that is not an option (the
 * program's own options take no value). Undefined for anything else (no command, `help`, a typo
 * to suggest a command for, completion), which needs the whole program.
 */
export function commandNamed(argv: readonly string[]): CommandName | undefined {
  const word = argv.find((arg) => !arg.startsWith('-'));
  return (COMMAND_NAMES as readonly string[]).includes(word ?? '') ? (word as CommandName) : undefined;
}

/**
 * The program with every command, or with only `only`: declaring the twelve commands and their
 * options was a millisecond of every run, of which a run needs one.
 */
export function createProgram(io: Io, runAction: (action: Action, command: Command) => Promise<void>, only?: CommandName): Command {
  const wanted = (name: CommandName): boolean => only === undefined || only === name;
  const program = new Command('coach')
    .description('A coach for hard customer conversations: prepare with a proven method, then learn from the meeting.')
    .version(packageJson.version, '-V, --version')
    .option('--no-color', 'no colour in the output (NO_COLOR works too)')
    .exitOverride()
    .showHelpAfterError('(run coach --help for usage)')
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      // The Io's streams, not the process's: the build prints the help at every width this way.
      getOutHelpWidth: () => (io.stdout.isTTY ? io.stdout.columns : undefined) ?? 80,
      getErrHelpWidth: () => (io.stderr.isTTY ? io.stderr.columns : undefined) ?? 80,
      outputError: (text, write) => write(`coach: ${text.replace(/^error: /, '')}`),
    })
    .hook('preAction', (_program, actionCommand) => refuseOptionLikePaths(actionCommand));

  /** A session command: the shared session options, its module imported only when it runs. */
  const sessionCommand = <O extends SessionOptions>(command: Command, load: () => Promise<SessionRun<O>>): void => {
    withSessionOptions(command).action(async (arg: string | undefined, options: O, cmd: Command) =>
      runAction(async (context) => (await load())(arg, options, context), cmd),
    );
  };

  if (wanted('prep')) {
    sessionCommand<PrepOptions>(
      program
        .command('prep')
        .argument('[playbook]', 'a playbook id (see coach playbooks) or a path to a .yaml file')
        .option('--ics <file>', "a calendar invitation (.ics): the meeting's title, date, attendees and customer come from it")
        .description('prepare for a meeting: walk a playbook and write a meeting-prep note'),
      async () => (await import('./commands/prep.js')).prepCommand,
    );
  }

  if (wanted('debrief')) {
    sessionCommand<DebriefOptions>(
      program
        .command('debrief')
        .argument('[session]', 'the saved prep: its id or a unique start of it (see coach history), the customer, or the path to its note')
        .option('--last', 'debrief the newest prep')
        .option('--again', 'add another debrief of a prep that already has one')
        .option('--playbook <id>', 'debrief a meeting you did not prepare, with this playbook (an id or a .yaml file)')
        .description('reflect on a meeting: walk its playbook\'s debrief and write a debrief note beside the prep'),
      async () => (await import('./commands/debrief.js')).debriefCommand,
    );
  }

  if (wanted('resume')) {
    sessionCommand(
      program
        .command('resume')
        .argument('[draft]', 'the draft to continue (default: the newest; a picker when there are several)')
        .description('continue a session that stopped before its note was written'),
      async () => (await import('./commands/resume.js')).resumeCommand,
    );
  }

  if (wanted('drafts')) {
    program
      .command('drafts')
      .argument('[action]', '"discard" to remove a draft, as --discard does')
      .argument('[draft]', "with discard: the draft's id, as coach drafts lists it")
      .option('--discard <draft>', 'remove this draft (its id, as listed)')
      .option('--json', 'print the drafts as JSON')
      .addOption(notesDirOption())
      .description('list the sessions that stopped before their note was written (see coach resume)')
      .action(async (action: string | undefined, draft: string | undefined, options: DraftsOptions, command: Command) =>
        runAction(async (context) => {
          const { draftsCommand } = await import('./commands/drafts.js');
          return draftsCommand(action, draft, options, context);
        }, command),
      );
  }

  if (wanted('history')) {
    withHistoryOptions(program.command('history').description('list the saved sessions, newest first')).action(
      async (options: HistoryOptions, command: Command) =>
        runAction(async (context) => {
          const { historyCommand } = await import('./commands/history.js');
          return historyCommand(options, context);
        }, command),
    );
  }

  if (wanted('followups')) {
    program
      .command('followups')
      .argument('[action]', '"done" to tick a follow-up')
      .argument('[n]', 'with done: the number coach followups shows')
      .option('--customer <text>', 'only follow-ups of customers whose name contains this (any case or punctuation)')
      .option('--json', 'print a JSON array for other tools')
      .addOption(notesDirOption())
      .description('list the open follow-ups of all debriefs, overdue first; done <n> ticks one in its note')
      .action(async (action: string | undefined, which: string | undefined, options: FollowupsOptions, command: Command) =>
        runAction(async (context) => {
          const { followupsCommand } = await import('./commands/followups.js');
          return followupsCommand(action, which, options, context);
        }, command),
      );
  }

  if (wanted('account')) {
    program
      .command('account')
      .argument('<customer>', 'the customer: any case or punctuation, or a unique start of the name')
      .option('--json', 'print the meetings as JSON for other tools')
      .addOption(notesDirOption())
      .description("one customer's meetings in order: readiness, outcome, what was agreed, lessons, open follow-ups")
      .action(async (customer: string, options: AccountOptions, command: Command) =>
        runAction(async (context) => {
          const { accountCommand } = await import('./commands/account.js');
          return accountCommand(customer, options, context);
        }, command),
      );
  }

  if (wanted('upcoming')) {
    program
      .command('upcoming')
      .argument('<calendar>', 'a calendar file (.ics) as Google Calendar or Outlook export it')
      .option('--playbook <id>', 'the playbook of a prep started from the list (default: coach recommends one)')
      .option('--json', 'print a JSON array for other tools')
      .option('--no-input', 'only list the meetings, never offer to start a prep')
      .addOption(notesDirOption())
      .addOption(playbooksOption())
      .description("list the next seven days' meetings of a calendar and which have a prep; at a terminal, start a missing one")
      .action(async (calendar: string, options: UpcomingOptions, command: Command) =>
        runAction(async (context) => (await import('./commands/upcoming.js')).upcomingCommand(calendar, options, context), command),
      );
  }

  if (wanted('show')) {
    program
      .command('show')
      .argument('<session>', 'a saved session: its id or a unique start of it (see coach history), the customer, or the path to its note')
      .option('--json', "print the note's data as JSON")
      .option('--raw', 'print the note file exactly as it is, front matter included')
      .addOption(notesDirOption())
      .description('print a saved note to read (without its front matter)')
      .action(async (session: string, options: ShowOptions, command: Command) =>
        runAction(async (context) => {
          const { showCommand } = await import('./commands/show.js');
          return showCommand(session, options, context);
        }, command),
      );
  }

  if (wanted('card')) {
    program
      .command('card')
      .argument('[session]', 'a saved prep (its id, a unique start of it, the customer, or its path) or a playbook id; default: the prep saved most recently')
      .option('--markdown', 'print the card as Markdown, for notes')
      .option('--pdf <file>', 'write the card as a one-page PDF to print (refuses to replace a file without --force; "-" is stdout, when it is not a terminal)')
      .addOption(new Option('--paper <size>', 'the paper for --pdf (default: from your locale, Letter in the US, Canada, Mexico, ..., else A4)').choices(['a4', 'letter']))
      .option('--force', 'let --pdf replace an existing file')
      .addOption(notesDirOption())
      .addOption(playbooksOption())
      .description('print a card to take into the meeting: key questions, your answers, reminders, actions; --pdf makes a one-page PDF to print')
      .action(async (session: string | undefined, options: CardOptions, command: Command) =>
        runAction(async (context) => {
          const { cardCommand } = await import('./commands/card.js');
          return cardCommand(session, options, context);
        }, command),
      );
  }

  if (wanted('completion')) {
    program
      .command('completion')
      .argument('<shell>', 'bash, zsh or fish')
      .description('print a shell completion script (commands, options, playbook and session ids)')
      .action(async (shell: string, _options: unknown, command: Command) =>
        runAction(async (context) => {
          const { completionScript } = await import('./commands/completion.js');
          await writeOut(context.io.stdout, completionScript(shell));
        }, command),
      );
  }

  if (wanted('playbooks')) {
    addPlaybooksCommands(program, runAction);
  }

  return program;
}

/** The completion scripts' side channel: candidates for the last word, one per line. */
async function complete(program: Command, words: readonly string[], io: Io): Promise<number> {
  const { completeWords } = await import('./commands/completion.js');
  const candidates = await completeWords(program, words.length === 0 ? [''] : words, await commandContext(io, {}));
  await writeOut(io.stdout, candidates.length > 0 ? `${candidates.join('\n')}\n` : '');
  return ExitCode.ok;
}

/** Loaded when a command runs: `--version` and `--help` need none of it. */
async function commandContext(io: Io, options: ContextOptions): Promise<CommandContext> {
  const { CommandContext } = await import('./commands/command-context.js');
  return new CommandContext(io, options);
}

/**
 * Runs coach with these arguments (without `node` and the script) and returns the exit code.
 * Without an Io it is the real process, and only then are signal handlers installed.
 */
export async function run(argv: readonly string[], given?: Io): Promise<number> {
  const interrupts = given === undefined ? watchInterrupts() : undefined;
  const io: Io = given ?? processIo(interrupts?.signal);
  let code: number = ExitCode.ok;
  // A reader that goes away early (`coach prep | head -1`) must not crash us with EPIPE.
  const ignore = (): void => undefined;
  io.stdout.on('error', ignore);
  // A command that returns has succeeded; every failure is thrown and becomes its exit code in report().
  const runAction = async (action: Action, command: Command): Promise<void> => action(await commandContext(io, command.optsWithGlobals<ContextOptions>()));
  const program = createProgram(io, runAction, argv[0] === '__complete' ? undefined : commandNamed(argv));
  try {
    if (argv[0] === '__complete') return await complete(program, argv.slice(1), io);
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    code = report(error, io);
  } finally {
    io.stdout.removeListener('error', ignore);
    interrupts?.stop();
  }
  // A signal that arrived while nothing was listening for it still ends the run as interrupted.
  if (io.signal?.aborted && code === ExitCode.ok) code = report(io.signal.reason, io);
  if (interrupts?.signal.aborted) restoreTerminal();
  return code;
}

function report(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // Help and version are not failures; commander has already printed everything.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof PlaybookError) {
    io.stderr.write(`${safe(error.message)}\n`);
    io.stderr.write(`coach: the playbook is invalid (${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}); fix the lines above.\n`);
    return error.exitCode;
  }
  if (error instanceof CoachError) {
    for (const line of safe(error.message).split('\n')) io.stderr.write(`coach: ${line}\n`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(`coach: unexpected error; this is a bug, please report it with the text below.\n${safe(detail)}\n`);
  return ExitCode.bug;
}
