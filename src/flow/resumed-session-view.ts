/**
 * What a resumed session shows. The draft's answers are supplied to the walk, so every step it
 * passes would print its heading and guidance again while asking nothing. Instead the answers
 * given already are listed briefly, a question and its answer a line, and a step is shown only
 * when the person is asked something in it: the session picks up at the first question left.
 */
import type { ChalkInstance } from 'chalk';
import type { AnswerValue } from '../core/session/answers.js';
import type { Prompter } from '../core/session/prompter.js';
import { answerInBrief } from '../core/session/review.js';
import type { WalkEvent } from '../core/session/walk.js';
import type { Question } from '../core/playbook/schema.js';
import { oneLine } from '../core/text/text-lines.js';
import { fitPair } from '../terminal/fit.js';
import { sanitizeForTerminal as safe } from '../terminal/sanitize.js';
import type { SessionView } from '../terminal/session-view.js';

export interface ResumedSessionView {
  /** The person, who is asked only what is left: their step is shown first. */
  person(person: Prompter): Prompter;
  /** The whole prompter (answers given, then the person): what it answers without asking is listed. */
  answered(prompter: Prompter): Prompter;
  /** The walk's events: flags as they fire, steps held back until a question in them is asked. */
  show(event: WalkEvent): void;
}

export function resumedSessionView(view: SessionView, chalk: ChalkInstance, columns: number | undefined): ResumedSessionView {
  const width = Math.min(columns ?? 80, 100);
  let pendingStep: WalkEvent | undefined;
  let personAsked = false;
  let listed = false;

  const list = (question: Question, value: AnswerValue | undefined): void => {
    if (!listed) {
      view.line();
      view.line(chalk.bold('Answered already'));
      listed = true;
    }
    // Two columns of indent and one to spare at the edge.
    const fitted = fitPair(safe(oneLine(question.prompt)), safe(answerInBrief(question, value)), width - 3, ' → ');
    view.line(`  ${fitted.label} ${chalk.dim(`→ ${fitted.value}`)}`);
  };

  return {
    person: (person) => ({
      ask(request) {
        personAsked = true;
        if (pendingStep) view.onEvent(pendingStep);
        pendingStep = undefined;
        return person.ask(request);
      },
    }),
    answered: (prompter) => ({
      async ask(request) {
        personAsked = false;
        const value = await prompter.ask(request);
        if (!personAsked) list(request.question, value);
        return value;
      },
    }),
    show(event) {
      if (event.type === 'step') pendingStep = event;
      else view.onEvent(event);
    },
  };
}
