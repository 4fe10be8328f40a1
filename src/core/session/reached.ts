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

/**
 * The steps the answers reach, each with the questions in it that they reach, in order. A step
 * whose every question is reached, as most are, is given its own list, which callers only read:
 * filtering each list through a closure, question by question, was a visible part of a note of
 * 2,000 questions.
 */
export function reachedSteps(steps: readonly Step[], scope: Answers): ReachedStep[] {
  const reached: ReachedStep[] = [];
  for (const step of steps) if (isReached(step, scope)) reached.push({ step, questions: reachedQuestions(step.questions, scope) });
  return reached;
}

function reachedQuestions(questions: Question[], scope: Answers): Question[] {
  let index = 0;
  while (index < questions.length && isReached(questions[index] as Question, scope)) index++;
  if (index === questions.length) return questions;
  const kept = questions.slice(0, index);
  for (index += 1; index < questions.length; index++) {
    const question = questions[index] as Question;
    if (isReached(question, scope)) kept.push(question);
  }
  return kept;
}
