/**
 * In a debrief, conditions may read the prep's answers as `prep.<id>` (question ids never contain
 * a dot, so the prefix is unambiguous). Conditions see one record: the debrief's own answers plus
 * the prep's under that prefix.
 */
import { emptyAnswers, type Answers } from './answers.js';

export const PREP_PREFIX = 'prep.';

export const isPrepRef = (id: string): boolean => id.startsWith(PREP_PREFIX);

/** The record conditions are evaluated against. */
export function conditionScope(answers: Answers, prepAnswers: Answers | undefined): Answers {
  if (!prepAnswers) return answers;
  const scope = emptyAnswers();
  for (const [id, value] of Object.entries(prepAnswers)) scope[`${PREP_PREFIX}${id}`] = value;
  return Object.assign(scope, answers);
}
