/**
 * The one place an answer is checked. Typed answers (the interactive prompter) and supplied ones
 * (an answers file, --set, a draft) both come through here, so they can never disagree.
 */
import type { AnswerValue } from './answers.js';
import type { Choice, Question } from '../playbook/schema.js';
import { calendarDateProblem, isIsoDateShape, notADate } from './calendar-date.js';
import { nextStepProblem } from './next-steps.js';

export type Coerced = { ok: true; value: AnswerValue | undefined } | { ok: false; message: string };

const YES = new Set(['y', 'yes', 'true']);
const NO = new Set(['n', 'no', 'false']);

export const choiceValue = (choice: Choice): string => (typeof choice === 'string' ? choice : choice.value);
export const choiceLabel = (choice: Choice): string => (typeof choice === 'string' ? choice : choice.label);

/** The label a choice question shows for a stored value; the value itself when no choice has it. */
export function labelOfValue(question: Question, value: string): string {
  const choice = question.choices?.find((candidate) => choiceValue(candidate) === value);
  return choice ? choiceLabel(choice) : value;
}

export function scaleBounds(question: Question): { min: number; max: number } {
  return { min: question.min ?? 1, max: question.max ?? 5 };
}

const fail = (message: string): Coerced => ({ ok: false, message });
const pass = (value: AnswerValue | undefined): Coerced => ({ ok: true, value });

function isBlank(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  if (typeof raw === 'string') return raw.trim() === '';
  return Array.isArray(raw) && raw.length === 0;
}

function asText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

/** Lists arrive as arrays from files and as one line per entry from a single string. */
function asEntries(raw: unknown): string[] | undefined {
  if (Array.isArray(raw)) {
    const entries = raw.map(asText);
    return entries.every((entry) => entry !== undefined) ? (entries as string[]) : undefined;
  }
  const text = asText(raw);
  return text === undefined ? undefined : text.split(/\r?\n/);
}

function findChoice(question: Question, raw: string): string | undefined {
  const choices = question.choices ?? [];
  const exact = choices.find((choice) => choiceValue(choice) === raw);
  if (exact) return choiceValue(exact);
  const folded = raw.trim().toLowerCase();
  const loose = choices.find(
    (choice) => choiceValue(choice).toLowerCase() === folded || choiceLabel(choice).toLowerCase() === folded,
  );
  return loose ? choiceValue(loose) : undefined;
}

const choiceList = (question: Question): string => (question.choices ?? []).map(choiceValue).join(', ');

function coerceNumber(question: Question, raw: unknown): Coerced {
  const text = asText(raw)?.trim() ?? '';
  const value = typeof raw === 'number' ? raw : text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) return fail(`must be a number (got ${JSON.stringify(raw)})`);
  const { min, max } = question.type === 'scale' ? scaleBounds(question) : question;
  if (question.type === 'scale' && !Number.isInteger(value)) {
    return fail(`must be a whole number from ${min} to ${max} (got ${value})`);
  }
  if (min !== undefined && value < min) return fail(`must be at least ${min} (got ${value})`);
  if (max !== undefined && value > max) return fail(`must be at most ${max} (got ${value})`);
  return pass(value);
}

function coercePresent(question: Question, raw: unknown): Coerced {
  switch (question.type) {
    case 'text':
    case 'long': {
      const text = asText(raw);
      return text === undefined ? fail('must be text') : pass(text);
    }
    case 'date': {
      // Said dates ("tomorrow") are read to YYYY-MM-DD before they get here (spoken-date.ts).
      const text = asText(raw)?.trim();
      if (text === undefined || !isIsoDateShape(text)) return fail(`must be a date as YYYY-MM-DD (got ${JSON.stringify(raw)})`);
      const problem = calendarDateProblem(text);
      return problem === undefined ? pass(text) : fail(notADate(text, problem));
    }
    case 'confirm': {
      if (typeof raw === 'boolean') return pass(raw);
      const word = asText(raw)?.trim().toLowerCase() ?? '';
      if (YES.has(word)) return pass(true);
      if (NO.has(word)) return pass(false);
      return fail(`must be yes or no (got ${JSON.stringify(raw)})`);
    }
    case 'select': {
      const text = asText(raw);
      const value = text === undefined ? undefined : findChoice(question, text);
      return value === undefined
        ? fail(`must be one of: ${choiceList(question)} (got ${JSON.stringify(raw)})`)
        : pass(value);
    }
    case 'multi': {
      const entries = Array.isArray(raw) ? asEntries(raw) : asText(raw)?.split(',');
      if (entries === undefined) return fail(`must be a list of: ${choiceList(question)}`);
      const values: string[] = [];
      for (const entry of entries.map((e) => e.trim()).filter((e) => e !== '')) {
        const value = findChoice(question, entry);
        if (value === undefined) return fail(`"${entry}" is not one of: ${choiceList(question)}`);
        if (!values.includes(value)) values.push(value);
      }
      return pass(values);
    }
    case 'list': {
      const entries = asEntries(raw);
      if (entries === undefined) return fail('must be a list of text entries');
      const kept = entries.filter((entry) => entry.trim() !== '');
      if (question.entries === 'next-steps') {
        for (const entry of kept) {
          const problem = nextStepProblem(entry);
          if (problem !== undefined) return fail(`has an entry ${problem}`);
        }
        return pass(kept.map((entry) => entry.trim()));
      }
      return pass(kept);
    }
    case 'number':
    case 'scale':
      return coerceNumber(question, raw);
  }
}

/**
 * Checks one answer and turns it into its recorded form. A blank answer to an optional question
 * is `undefined` (not recorded); to a required one it is an error. `required` false checks an
 * answer given in advance, where a blank one is only not given: a parameter rather than a copy of
 * the question, which cost a prep a copy per answer, twice over.
 */
export function coerceAnswer(question: Question, raw: unknown, required: boolean | undefined = question.required): Coerced {
  if (isBlank(raw)) return required ? fail('is required') : pass(undefined);
  const result = coercePresent(question, raw);
  if (result.ok && required && isBlank(result.value)) return fail('is required');
  if (result.ok && isBlank(result.value)) return pass(undefined);
  return result;
}
