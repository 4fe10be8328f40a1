/**
 * One session from answers to a delivered note, shared by prep and debrief: check what was
 * supplied, walk the playbook (asking only what is missing, and only with a terminal), render,
 * deliver, summarise.
 */
import type { ChalkInstance } from 'chalk';
import type { Answers } from '../engine/answers.js';
import type { MeetingContext } from '../engine/context.js';
import { noteFromWalk, type NoteData } from '../engine/note.js';
import { renderMarkdown } from '../engine/render-markdown.js';
import type { Phase } from '../engine/schema.js';
import { checkSuppliedAnswers, questionsOf } from '../engine/supplied-answers.js';
import { walkPlaybook, type WalkEvent } from '../engine/walk.js';
import { UsageError } from '../errors.js';
import { localDate, type Io } from '../io.js';
import { missingAnswersError, scriptedPrompter } from '../prompters/scripted.js';
import type { LoadedPlaybook } from '../store/playbook-library.js';
import { editorCommand, type EditorLaunch } from '../terminal/editor.js';
import { createSessionView } from '../terminal/session-view.js';
import { checkOutTarget, deliverNote, type Delivered } from './deliver-note.js';
import type { SessionOptions } from './session-options.js';
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
}

/** A person can be asked only with a terminal on stdin that is not busy carrying answers. */
export function canPrompt(options: SessionOptions, io: Io): boolean {
  return options.input && io.stdin.isTTY === true && options.answers !== '-';
}

export async function runSession(request: SessionRequest): Promise<{ note: NoteData; delivered: Delivered }> {
  const { loaded, phase, options, io, chalk } = request;
  const { playbook } = loaded;
  const now = io.now();
  const today = localDate(now);

  checkOutTarget(options, io);
  const supplied = await suppliedFromOptions(options, io);
  const problems = checkSuppliedAnswers(questionsOf(playbook, phase, today, request.context === undefined), supplied);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));

  const interactive = canPrompt(options, io);
  const view = createSessionView(io.stderr, chalk, io.stderr.columns);
  const fallback = interactive
    ? (await import('../prompters/inquirer.js')).inquirerPrompter({ input: io.stdin, output: io.stderr, columns: io.stderr.columns, editor: editorLaunch(io) }, chalk)
    : undefined;
  const prompter = scriptedPrompter(supplied, fallback);
  if (interactive) view.title(playbook.title, playbook.source);

  const result = await walkPlaybook({
    playbook,
    phase,
    prompter,
    today,
    context: request.context,
    prepAnswers: request.prepAnswers,
    onEvent: interactive ? (event: WalkEvent) => view.onEvent(event) : undefined,
  });
  if (prompter.missing.length > 0) throw missingAnswersError(prompter.missing, playbook.id);

  const note = noteFromWalk(playbook, phase, result, now, request.prepId);
  const markdown = renderMarkdown(note, playbook, { prepAnswers: request.prepAnswers, extraSections: request.extraSections?.(note) });
  const delivered = await deliverNote(note, markdown, options, io, request.notesDir);

  if (!options.quiet) {
    view.summary(note.flags, note.scores);
    view.line();
    for (const [label, path] of [['Saved', delivered.saved], ['Written', delivered.out], ['Appended to', delivered.appended]] as const) {
      if (path) view.line(`${chalk.green('✔')} ${label} ${path}`);
    }
  }
  return { note, delivered };
}

/** The editor draws on the terminal: stdout when that is the terminal, else stderr (fd 2). */
function editorLaunch(io: Io): EditorLaunch | undefined {
  const command = editorCommand(io.env);
  return command === undefined ? undefined : { command, stdio: ['inherit', io.stdout.isTTY ? 'inherit' : 2, 'inherit'] };
}
