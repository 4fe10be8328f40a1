/**
 * The pure half of "review before saving": which questions a finished walk answered, in the
 * order they were asked, how each answer reads in a list of them, and which answers a change
 * made obsolete.
 */
import { emptyAnswers, type AnswerValue, type Answers } from './answers.js';
import { contextStep, type MeetingContext } from './context.js';
import { interpolate } from './interpolate.js';
import { conditionScope } from './prep-scope.js';
import { reachedSteps } from './reached.js';
import { shownAnswer } from './shown-answer.js';
import type { Phase, Playbook, Question } from '../playbook/schema.js';
import type { WalkResult } from './walk.js';
import { oneLine } from '../text/text-lines.js';

export interface AnsweredQuestion {
  /** With `{{id}}` filled in, as the user saw it. */
  question: Question;
  value: AnswerValue | undefined;
}

/** Context and playbook answers in one record, as the walk sees them. */
export function allAnswers(result: Pick<WalkResult, 'context' | 'answers'>): Answers {
  const all = emptyAnswers();
  const { customer, title, date } = result.context;
  all['customer'] = customer;
  if (title !== undefined) all['title'] = title;
  all['date'] = date;
  return Object.assign(all, result.answers);
}

/** Every question the walk reached, answered or left empty, in order. */
export function answeredQuestions(
  playbook: Playbook,
  phase: Phase,
  all: Answers,
  options: { today: string; context?: MeetingContext | undefined; prepAnswers?: Answers | undefined },
): AnsweredQuestion[] {
  const steps = [...(options.context ? [] : [contextStep(options.today)]), ...(playbook[phase]?.steps ?? [])];
  return reachedSteps(steps, conditionScope(all, options.prepAnswers)).flatMap(({ questions }) =>
    questions.map((question) => ({ question: { ...question, prompt: interpolate(question.prompt, all, options.prepAnswers) }, value: all[question.id] })),
  );
}

/** Answers present before a change and gone after it: their branch no longer applies. */
export function droppedAnswers(before: Answers, after: Answers): string[] {
  return Object.keys(before).filter((id) => !(id in after));
}

/**
 * An answer as a list of answers shows it (the review, a resumed session): on one line, with the
 * labels the prompt showed rather than the ids the note stores.
 */
export function answerInBrief(question: Question, value: AnswerValue | undefined): string {
  return oneLine(shownAnswer(question, value));
}
