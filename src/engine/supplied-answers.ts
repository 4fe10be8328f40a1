/**
 * Answers given before the walk (an answers file, --set, --customer, a draft): checked up front,
 * all at once, with the place each came from, so a typo costs one run, not ten answered questions.
 */
import { coerceAnswer } from './coerce-answer.js';
import { closest } from './closest.js';
import { contextStep } from './context.js';
import type { Phase, Playbook, Question } from './schema.js';

export interface SuppliedAnswer {
  raw: unknown;
  /** Where it came from, as a user would find it: `answers.yaml:3`, `--set need=…`. */
  origin: string;
}
export type SuppliedAnswers = Map<string, SuppliedAnswer>;

export function questionsOf(playbook: Playbook, phase: Phase, today: string, withContext = true): Map<string, Question> {
  const steps = [...(withContext ? [contextStep(today)] : []), ...(playbook[phase]?.steps ?? [])];
  return new Map(steps.flatMap((step) => step.questions).map((question) => [question.id, question]));
}

/** Every problem with the supplied answers, one line each; empty when all are usable. */
export function checkSuppliedAnswers(questions: Map<string, Question>, supplied: SuppliedAnswers): string[] {
  const problems: string[] = [];
  for (const [id, answer] of supplied) {
    const question = questions.get(id);
    if (!question) {
      const hint = closest(id, [...questions.keys()]);
      problems.push(`${answer.origin}: unknown question "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}; see \`coach playbooks show\` for the ids`);
      continue;
    }
    const result = coerceAnswer({ ...question, required: false }, answer.raw);
    if (!result.ok) problems.push(`${answer.origin}: "${id}" ${result.message}`);
  }
  return problems;
}
