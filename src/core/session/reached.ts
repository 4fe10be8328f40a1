/**
 * The one rule for what a walk reaches: each step whose `when` holds, and in it each question
 * whose `when` holds, read against the answers (in a debrief with the prep's as `prep.<id>`).
 * The walk applies it as answers arrive; the review, the note and the card apply it to the
 * answers of a finished walk, so none of them can disagree about what was asked.
 */
import type { Answers } from './answers.js';
import { evaluateCondition } from './conditions.js';
import type { Condition, Question, Step } from '../playbook/schema.js';

export function isReached(item: { when?: Condition | undefined }, scope: Answers): boolean {
  return item.when === undefined || evaluateCondition(item.when, scope);
}

export interface ReachedStep {
  step: Step;
  questions: Question[];
}

/** The steps the answers reach, each with the questions in it that they reach, in order. */
export function reachedSteps(steps: readonly Step[], scope: Answers): ReachedStep[] {
  return steps.filter((step) => isReached(step, scope)).map((step) => ({ step, questions: step.questions.filter((question) => isReached(question, scope)) }));
}
