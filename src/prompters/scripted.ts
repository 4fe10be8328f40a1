/**
 * A prompter over answers given in advance. What is missing goes to the fallback (a person at a
 * terminal) when there is one; otherwise a default fills it, or it is recorded as missing so that
 * every missing answer is reported together at the end.
 */
import type { AnswerValue } from '../core/session/answers.js';
import { coerceAnswer, type Coerced } from '../core/session/coerce-answer.js';
import type { AskRequest, Prompter } from '../core/session/prompter.js';
import type { SuppliedAnswers } from '../core/session/supplied-answers.js';
import { UsageError } from '../errors.js';

export interface MissingAnswer {
  id: string;
  prompt: string;
}

/** A `carry` question's answer from the customer's last prep that answers given in advance did not use. */
interface UnusedCarried {
  id: string;
  value: AnswerValue;
}

export interface ScriptedPrompter extends Prompter {
  readonly missing: readonly MissingAnswer[];
  readonly unusedCarried: readonly UnusedCarried[];
}

/**
 * `settledEmpty`: optional questions a person already saw and left empty (a review walking again)
 * stay empty instead of being asked a second time. `checked`: what checkSuppliedAnswers read each
 * of these same answers as, against the same questions, so it is not read again.
 */
export function scriptedPrompter(
  supplied: SuppliedAnswers,
  fallback?: Prompter,
  settledEmpty: ReadonlySet<string> = new Set(),
  checked?: ReadonlyMap<string, Coerced>,
): ScriptedPrompter {
  const missing: MissingAnswer[] = [];
  const unusedCarried: UnusedCarried[] = [];
  return {
    missing,
    unusedCarried,
    // Not async: an answer given in advance is returned at once; only the fallback's is awaited.
    ask(request: AskRequest): AnswerValue | undefined | Promise<AnswerValue | undefined> {
      const { question } = request;
      if (settledEmpty.has(question.id) && !supplied.has(question.id) && !question.required) return undefined;
      const given = supplied.get(question.id);
      if (given?.suggested && fallback && (typeof given.raw === 'string' || typeof given.raw === 'number')) {
        return fallback.ask({ ...request, question: { ...question, default: given.raw } });
      }
      if (given !== undefined) {
        // A blank supplied answer counts as not given: asked for, defaulted or reported missing.
        const result = checked?.get(question.id) ?? coerceAnswer(question, given.raw, false);
        if (result.ok && result.value !== undefined) return result.value;
        if (!result.ok && !fallback) throw new UsageError(`${given.origin}: "${question.id}" ${result.message}`);
      }
      if (fallback) return fallback.ask(request);
      // Never silently reused: the session says what was there, and the answers decide.
      if (request.carried !== undefined) unusedCarried.push({ id: question.id, value: request.carried });
      if (question.default !== undefined) {
        const result = coerceAnswer(question, question.default);
        if (result.ok) return result.value;
      }
      if (question.required) missing.push({ id: question.id, prompt: question.prompt });
      return undefined;
    },
  };
}

/** One line naming every missing answer and the ways to give them. */
export function missingAnswersError(missing: readonly MissingAnswer[], playbookId: string): UsageError {
  const ids = missing.map((answer) => answer.id).join(', ');
  const count = missing.length === 1 ? '1 required answer is' : `${missing.length} required answers are`;
  return new UsageError(
    `${count} missing for ${playbookId}: ${ids}. Give them with --answers FILE or --set id=value, or run coach in a terminal to be asked.`,
  );
}
