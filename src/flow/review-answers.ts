/**
 * Review before saving: every answer on one list; pick one to change, and the walk runs again
 * over the answers so far. Conditions are re-evaluated, questions a new branch needs are asked,
 * answers on branches that no longer apply are dropped (and the user is told), and flags and
 * scores come out of the same walk, so they are recomputed by construction.
 */
import type { ChalkInstance } from 'chalk';
import type { AnswerValue, Answers } from '../core/session/answers.js';
import type { MeetingContext } from '../core/session/context.js';
import { allAnswers, answerInBrief, answeredQuestions, droppedAnswers } from '../core/session/review.js';
import type { Phase, Playbook, Question } from '../core/playbook/schema.js';
import type { SuppliedAnswers } from '../core/session/supplied-answers.js';
import type { WalkResult } from '../core/session/walk.js';
import { sanitizeForTerminal as safe } from '../terminal/sanitize.js';
import type { SessionView } from '../terminal/session-view.js';
import { fitPair } from '../terminal/fit.js';
import { oneLine } from '../core/text/text-lines.js';

export interface ReviewDependencies {
  playbook: Playbook;
  phase: Phase;
  today: string;
  context?: MeetingContext | undefined;
  prepAnswers?: Answers | undefined;
  columns: number;
  chalk: ChalkInstance;
  view: SessionView;
  pick: (message: string, choices: { value: string; name: string }[], preselected: string) => Promise<string>;
  /** Asks the question again, opening on the answer it has (`previous`) for editing. */
  ask: (question: Question, previous: AnswerValue | undefined) => Promise<AnswerValue | undefined>;
  /** Walks again with these answers; questions reached before and left empty stay empty. */
  rewalk: (supplied: SuppliedAnswers, settledEmpty: ReadonlySet<string>) => Promise<WalkResult>;
}

const SAVE = '\u0000save';

export async function reviewAnswers(first: WalkResult, deps: ReviewDependencies): Promise<WalkResult> {
  const { chalk } = deps;
  let result = first;
  for (;;) {
    const all = allAnswers(result);
    const reached = answeredQuestions(deps.playbook, deps.phase, all, deps);
    // A row is the cursor's two columns and this, with one column to spare at the edge.
    const room = Math.max(20, Math.min(deps.columns, 120) - 3);
    // Each row is the question and its answer, as the prompts showed it; a narrow terminal
    // shortens the question first, so the answer is always there to read.
    const row = (question: Question, value: AnswerValue | undefined): string => {
      const fitted = fitPair(safe(oneLine(question.prompt)), safe(answerInBrief(question, value)), room, ' → ');
      return `${fitted.label} ${chalk.dim(`→ ${fitted.value}`)}`;
    };
    const choice = await deps.pick(
      'Review before saving: pick an answer to change, or save',
      [
        { value: SAVE, name: chalk.green('Save the note') },
        ...reached.map(({ question, value }) => ({ value: question.id, name: row(question, value) })),
      ],
      SAVE,
    );
    if (choice === SAVE) return result;
    const target = reached.find(({ question }) => question.id === choice);
    if (!target) continue;

    const value = await deps.ask(target.question, target.value);
    const supplied: SuppliedAnswers = new Map();
    const settledEmpty = new Set<string>();
    for (const { question } of reached) if (all[question.id] === undefined && question.id !== target.question.id) settledEmpty.add(question.id);
    for (const [id, answer] of Object.entries({ ...all, [target.question.id]: value })) {
      if (answer !== undefined) supplied.set(id, { raw: answer, origin: 'review' });
    }
    const next = await deps.rewalk(supplied, settledEmpty);
    const dropped = droppedAnswers(all, allAnswers(next));
    if (dropped.length > 0) {
      const prompts = dropped.map((id) => reached.find(({ question }) => question.id === id)?.question.prompt ?? id);
      deps.view.labelled(chalk.yellow('Dropped, no longer asked:'), chalk.yellow(prompts.map((prompt) => safe(prompt)).join('; ')));
    }
    result = next;
  }
}
