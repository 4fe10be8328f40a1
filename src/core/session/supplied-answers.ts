/**
 * Answers given before the walk (an answers file, --set, --customer, a draft): checked up front,
 * all at once, with the place each came from, so a typo costs one run, not ten answered questions.
 */
import { quoteVisibly } from '../text/unsafe-characters.js';
import { coerceAnswer, type Coerced } from './coerce-answer.js';
import { closest } from '../text/closest.js';
import { contextStep } from './context.js';
import type { Phase, Playbook, Question, Step } from '../playbook/schema.js';

interface SuppliedAnswer {
  raw: unknown;
  /** Where it came from, as a user would find it: `answers.yaml:3`, `--set need=…`. */
  origin: string;
  /**
   * Read from somewhere else than the person's own words (a calendar invitation): at a terminal
   * it is offered as the question's default, to keep or change; without one it is the answer.
   */
  suggested?: true | undefined;
}
export type SuppliedAnswers = Map<string, SuppliedAnswer>;

export function questionsOf(playbook: Playbook, phase: Phase, today: string, withContext = true): Map<string, Question> {
  const questions = new Map<string, Question>();
  const add = (step: Step): void => {
    // An index, not for-of: the iterator made a result object for every question.
    for (let index = 0; index < step.questions.length; index++) {
      const question = step.questions[index] as Question;
      questions.set(question.id, question);
    }
  };
  if (withContext) add(contextStep(today));
  // Straight into the map, without the lists of steps, questions and pairs made on the way.
  for (const step of playbook[phase]?.steps ?? []) add(step);
  return questions;
}

/**
 * How many unknown ids get a line (and a "did you mean") of their own. An answers file meant for
 * another playbook can hold thousands: the rest are counted in one line, so the error stays
 * readable and costs the same for 10 unknown ids or 10,000.
 */
const UNKNOWN_IDS_NAMED = 5;

/**
 * Every problem with the supplied answers, one line each; empty when all are usable. `checked`,
 * when given, is filled with what each answer to a known question reads as, so the walk that
 * follows takes it from there instead of reading every answer a second time.
 */
export function checkSuppliedAnswers(questions: Map<string, Question>, supplied: SuppliedAnswers, checked?: Map<string, Coerced>): string[] {
  const problems: string[] = [];
  // The ids a "did you mean" is chosen from, listed only when an unknown id needs one.
  let known: string[] | undefined;
  const unnamed: SuppliedAnswer[] = [];
  let named = 0;
  // forEach rather than for-of: no pair made and taken apart for each of thousands of answers.
  supplied.forEach((answer, id) => {
    const question = questions.get(id);
    if (!question) {
      if (named >= UNKNOWN_IDS_NAMED) {
        unnamed.push(answer);
        return;
      }
      named++;
      known ??= [...questions.keys()];
      const hint = closest(id, known);
      problems.push(`${answer.origin}: unknown question ${quoteVisibly(id)}${hint ? ` (did you mean "${hint}"?)` : ''}; see \`coach playbooks show\` for the ids`);
      return;
    }
    const result = coerceAnswer(question, answer.raw, false);
    checked?.set(id, result);
    if (!result.ok) problems.push(`${answer.origin}: "${id}" ${result.message}`);
  });
  const [first] = unnamed;
  if (first) {
    const more = unnamed.length === 1 ? '1 more unknown question id' : `${unnamed.length} more unknown question ids`;
    problems.push(`${first.origin}: and ${more} from here on; is this answers file for another playbook? see \`coach playbooks show\` for the ids`);
  }
  return problems;
}
