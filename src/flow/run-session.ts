/**
 * One session from answers to a delivered note, shared by prep and debrief: check what was
 * supplied, walk the playbook (asking only what is missing, and only with a terminal), render,
 * deliver, summarise.
 */
import type { ChalkInstance } from 'chalk';
import { checkAnswers, detectorsForAnswers, type CheckFinding } from '../core/check/check-answer.js';
import type { Answers } from '../core/session/answers.js';
import type { Coerced } from '../core/session/coerce-answer.js';
import type { MeetingContext } from '../core/session/context.js';
import type { LastTime } from '../core/note/account.js';
import { noteFromWalk, type NoteData } from '../core/note/note.js';
import type { Prompter } from '../core/session/prompter.js';
import { renderMarkdown } from '../core/note/render-markdown.js';
import type { Phase, Walk } from '../core/playbook/schema.js';
import { checkSuppliedAnswers, questionsOf, type SuppliedAnswers } from '../core/session/supplied-answers.js';
import { readSuppliedDates } from '../core/session/supplied-dates.js';
import { walkPlaybook, type WalkEvent } from '../core/session/walk.js';
import { UsageError } from '../errors.js';
import { localDate, type Io } from '../io.js';
import { missingAnswersError, scriptedPrompter } from '../prompters/scripted.js';
import { unmappedSection, withDraftAnswers } from '../store/drafts/draft-answers.js';
import type { Draft } from '../store/drafts/draft-file.js';
import type { LoadedPlaybook } from '../store/playbooks/playbook-library.js';
import { defaultNotesDirectory, notePath } from '../store/notes/notes-dir.js';
import { startSessionDraft } from '../store/drafts/session-draft.js';
import { detectorsFor } from '../language/lazy-detectors.js';
import { editorCommand, type EditorLaunch } from '../terminal/editor.js';
import { sanitizeForTerminal as safe } from '../terminal/sanitize.js';
import { createSessionView } from '../terminal/session-view.js';
import { terminalStreams } from '../terminal/terminal-streams.js';
import { checkOutTarget, deliverNote, type Delivered } from './deliver-note.js';
import type { SessionOptions } from '../commands/options/session-options.js';
import { suppliedFromOptions } from './supplied-from-options.js';

export interface SessionRequest {
  loaded: LoadedPlaybook;
  phase: Phase;
  options: SessionOptions;
  io: Io;
  chalk: ChalkInstance;
  notesDir: string;
  /** A debrief of a saved prep knows the meeting already. */
  context?: MeetingContext | undefined;
  prepAnswers?: Answers | undefined;
  prepId?: string | undefined;
  extraSections?: ((note: NoteData) => string[]) | undefined;
  /** A prep: what the customer's earlier notes recall, looked up once the customer is named. */
  lastTime?: ((customer: string) => Promise<LastTime | undefined>) | undefined;
  /** `coach prep --ics`: the context answers a calendar invitation suggests, and who was invited. */
  invite?: { supplied: SuppliedAnswers; attendees: readonly string[] } | undefined;
  /** `coach resume`: the draft being continued, its answers that still fit, and those that do not. */
  resume?: { file: string; draft: Draft; supplied: SuppliedAnswers; skipped: ReadonlySet<string>; unmapped: Answers } | undefined;
}

/** A person can be asked only with a terminal on stdin that is not busy carrying answers. */
export function canPrompt(options: SessionOptions, io: Io): boolean {
  return options.input && io.stdin.isTTY === true && options.answers !== '-';
}

export async function runSession(request: SessionRequest): Promise<{ note: NoteData; delivered: Delivered }> {
  const { loaded, phase, options, io, chalk } = request;
  const { playbook } = loaded;
  const now = io.now();
  const today = localDate(now, io.timeZone);

  checkOutTarget(options, io);
  // What the invitation suggests gives way to anything the person said on the command line.
  const fromOptions = await suppliedFromOptions(options, io);
  const given = withDraftAnswers(request.resume?.supplied, request.invite ? new Map([...request.invite.supplied, ...fromOptions]) : fromOptions);
  const questions = questionsOf(playbook, phase, today, request.context === undefined);
  const dates = await readSuppliedDates(questions, given, today);
  const supplied = dates.supplied;
  const checked = new Map<string, Coerced>();
  const problems = [...dates.problems, ...checkSuppliedAnswers(questions, supplied, checked)];
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  for (const line of dates.read) io.stderr.write(`coach: ${safe(line)}\n`);

  const interactive = canPrompt(options, io);
  // process.stderr is made when the view first writes (never, with --quiet), not to learn its width.
  const stderrColumns = (io.stderrIsTerminal?.() ?? true) ? io.stderr.columns : undefined;
  const view = createSessionView({ write: (text: string) => io.stderr.write(text) }, chalk, stderrColumns);
  const draft = await startSessionDraft({
    loaded,
    phase,
    notesDir: request.notesDir,
    wanted: interactive || request.resume !== undefined,
    strict: options.save,
    now: io.now,
    signal: io.signal,
    warn: (message) => view.line(chalk.yellow(`coach: ${safe(message)}`)),
    // The printed resume command must find the draft: name the directory unless it is the default.
    resumeArgs: request.notesDir === defaultNotesDirectory(io.env, io.cwd) ? '' : ` --notes-dir ${shellQuote(request.notesDir)}`,
    resume: request.resume,
    context: request.context,
    prepAnswers: request.prepAnswers,
    prepId: request.prepId,
    invite: request.invite,
  });
  if (interactive) view.title(playbook.title, playbook.source);
  // Only what a person types can be lost, so only a person waits for the draft to be on disk;
  // supplied answers are recorded in it as they go, without a write and fsync each.
  const person = interactive
    ? draft.guard((await import('../prompters/inquirer.js')).inquirerPrompter({ ...terminalStreams(io), editor: editorLaunch(io), today }, chalk))
    : undefined;
  // Resumed at a terminal: what the draft kept is listed briefly, not walked through step by step.
  const resumed = interactive && request.resume ? (await import('./resumed-session-view.js')).resumedSessionView(view, chalk, io.stderr.columns) : undefined;
  const prompter = scriptedPrompter(supplied, resumed && person ? resumed.person(person) : person, request.resume?.skipped, checked);

  const delivered: Delivered = { stdout: false };
  const walkWith = (asker: Prompter, show: (event: WalkEvent) => void = (event) => interactive && view.onEvent(event)) =>
    walkPlaybook({
      playbook,
      phase,
      prompter: asker,
      today,
      context: request.context,
      prepAnswers: request.prepAnswers,
      lastTime: request.lastTime,
      onEvent: (event: WalkEvent) => {
        // Without a person, a question nothing answered was never asked: kept in the draft as
        // skipped, a later resume at a terminal would not ask it (and drafts counted it).
        if (person !== undefined || event.type !== 'answer' || event.value !== undefined) draft.onEvent(event);
        show(event);
      },
    });
  let note: NoteData;
  let findings: CheckFinding[];
  try {
    let result = resumed ? await walkWith(resumed.answered(prompter), (event) => resumed.show(event)) : await walkWith(prompter);
    for (const { id, value } of prompter.unusedCarried) {
      const from = result.lastTime?.answersFrom[id] ?? 'the last prep';
      io.stderr.write(`coach: ${safe(`"${id}" was ${JSON.stringify(value)} in ${from}; answers given in advance are never filled from an old note, so give it to use it again`)}
`);
    }
    if (prompter.missing.length > 0) throw missingAnswersError(prompter.missing, playbook.id);
    if (person && options.review) {
      const { reviewInTerminal } = await import('./review-in-terminal.js');
      result = await reviewInTerminal(result, { playbook, phase, today, context: request.context, prepAnswers: request.prepAnswers, chalk, view, io, person, walkWith });
    }

    note = noteFromWalk(playbook, phase, result, now, request.prepId, request.invite?.attendees);
    findings = await findingsOn(playbook[phase], result.answers);
    const extraSections = [...(request.extraSections?.(note) ?? []), ...unmappedSection(request.resume?.unmapped ?? {})];
    const markdown = renderMarkdown(note, playbook, { prepAnswers: request.prepAnswers, extraSections, findings, lastTime: result.lastTime });
    // Killed after the note is saved but before the draft is gone, resume must know it is done.
    if (options.save) await draft.saving({ note: notePath(request.notesDir, note), created: note.created });
    await deliverNote(note, markdown, options, io, request.notesDir, delivered);
  } catch (error) {
    throw await draft.explain(error);
  }
  await draft.finish();

  if (!options.quiet) {
    view.summary(note.flags, note.scores, findings);
    view.line();
    for (const [label, path] of [['Saved', delivered.saved], ['Written', delivered.out], ['Appended to', delivered.appended]] as const) {
      if (path) view.line(`${chalk.green('✔')} ${label} ${path}`);
    }
  }
  return { note, delivered };
}

/** What the checks find in the final answers; the linguistic detectors load only when one is needed. */
async function findingsOn(walk: Walk | undefined, answers: Answers): Promise<CheckFinding[]> {
  if (!walk) return [];
  return checkAnswers(walk, answers, await detectorsFor(detectorsForAnswers(walk, answers)));
}

/** The editor draws on the terminal: stdout when that is the terminal, else stderr (fd 2). */
function editorLaunch(io: Io): EditorLaunch | undefined {
  const command = editorCommand(io.env);
  return command === undefined ? undefined : { command, stdio: ['inherit', io.stdout.isTTY ? 'inherit' : 2, 'inherit'] };
}

/** A path as a POSIX shell reads it back, for commands printed for the user to copy. */
function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
