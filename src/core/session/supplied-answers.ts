/**
 * Answers given before the walk (an answers file, --set, --customer, a draft): checked up front,
 * all at once, with the place each came from, so a typo costs one run, not ten answered questions.
 */
import { quoteVisibly } from '../text/unsafe-characters.js';
import { coerceAnswer } from './coerce-answer.js';
import { closest } from '../text/closest.js';
import { contextStep } from './context.js';
import type { Phase, Playbook, Question } from '../playbook/schema.js';

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
  const steps = [...(withContext ? [contextStep(today)] : []), ...(playbook[phase]?.steps ?? [])];
  return new Map(steps.flatMap((step) => step.questions).map((question) => [question.id, question]));
}

/**
 * How many unknown ids get a line (and a "did you mean") of their own. An answers file meant for
 * another playbook can hold thousands: the rest are counted in one line, so the error stays
 * readable and costs the same for 10 unknown ids or 10,000.
 */
const UNKNOWN_IDS_NAMED = 5;

/** Every problem with the supplied answers, one line each; empty when all are usable. */
export function checkSuppliedAnswers(questions: Map<string, Question>, supplied: SuppliedAnswers): string[] {
  const problems: string[] = [];
  const known = [...questions.keys()];
  const unnamed: SuppliedAnswer[] = [];
  let named = 0;
  for (const [id, answer] of supplied) {
    const question = questions.get(id);
    if (!question) {
      if (named >= UNKNOWN_IDS_NAMED) {
        unnamed.push(answer);
        continue;
      }
      named++;
      const hint = closest(id, known);
      problems.push(`${answer.origin}: unknown question ${quoteVisibly(id)}${hint ? ` (did you mean "${hint}"?)` : ''}; see \`coach playbooks show\` for the ids`);
      continue;
    }
    const result = coerceAnswer(question, answer.raw, false);
    if (!result.ok) problems.push(`${answer.origin}: "${id}" ${result.message}`);
  }
  const [first] = unnamed;
  if (first) {
    const more = unnamed.length === 1 ? '1 more unknown question id' : `${unnamed.length} more unknown question ids`;
    problems.push(`${first.origin}: and ${more} from here on; is this answers file for another playbook? see \`coach playbooks show\` for the ids`);
  }
  return problems;
}
