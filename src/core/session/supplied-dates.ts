/**
 * Supplied dates said as people say them (`--date tomorrow`, `date: next tuesday` in an answers
 * file) are read to YYYY-MM-DD before the answers are checked, so the rest of the session only
 * ever sees calendar dates. The date library loads only when such a date is there.
 */
import type { Question } from '../playbook/schema.js';
import { isIsoDateShape } from './calendar-date.js';
import { describeDate, readSpokenDate } from './spoken-date.js';
import { joinNextStep, splitNextStep } from './next-steps.js';
import type { SuppliedAnswers } from './supplied-answers.js';

type SuppliedAnswer = SuppliedAnswers extends Map<string, infer A> ? A : never;

interface ReadDates {
  /**
   * The answers with every readable said date replaced by its YYYY-MM-DD; refused ones left out.
   * The map given, not a copy, when it answers no date or next-steps question.
   */
  supplied: SuppliedAnswers;
  /** One line per date read, for the person to see which day they got: `--date: "tomorrow" is Mon 23 Nov 2026`. */
  read: string[];
  /** One line per date refused, naming where it came from and why. */
  problems: string[];
}

export async function readSuppliedDates(questions: Map<string, Question>, supplied: SuppliedAnswers, today: string): Promise<ReadDates> {
  // Only the answers of date and next-steps questions can change: they are found first, in one
  // pass without a pause, and the answers are copied only when one of them is there.
  const dated: [string, SuppliedAnswer][] = [];
  supplied.forEach((answer, id) => {
    const question = questions.get(id);
    if (question !== undefined && (question.type === 'date' || question.entries === 'next-steps')) dated.push([id, answer]);
  });
  const result: ReadDates = { supplied: dated.length === 0 ? supplied : new Map(supplied), read: [], problems: [] };
  for (const [id, answer] of dated) {
    if (questions.get(id)?.entries === 'next-steps') {
      await readNextStepDates(id, answer, today, result);
      continue;
    }
    if (typeof answer.raw !== 'string') continue;
    const said = answer.raw.trim();
    if (said === '' || isIsoDateShape(said)) continue;
    const reading = await readSpokenDate(said, today);
    if (reading.ok) {
      result.supplied.set(id, { ...answer, raw: reading.date });
      result.read.push(`${answer.origin}: ${JSON.stringify(said)} is ${describeDate(reading.date)} (${reading.date})`);
    } else {
      result.supplied.delete(id);
      result.problems.push(`${answer.origin}: "${id}" ${reading.message}`);
    }
  }
  return result;
}

/** A next-steps list: each entry's due date, when said ("next friday"), read to YYYY-MM-DD. */
async function readNextStepDates(id: string, answer: SuppliedAnswer, today: string, result: ReadDates): Promise<void> {
  const entries = Array.isArray(answer.raw) ? answer.raw : typeof answer.raw === 'string' ? answer.raw.split(/\r?\n/) : undefined;
  if (entries === undefined || !entries.every((entry) => typeof entry === 'string')) return;
  const read: string[] = [];
  for (const entry of entries as string[]) {
    const step = splitNextStep(entry);
    if (!step || isIsoDateShape(step.due)) {
      read.push(entry);
      continue;
    }
    const reading = await readSpokenDate(step.due, today);
    if (!reading.ok) {
      result.supplied.delete(id);
      result.problems.push(`${answer.origin}: "${id}" has an entry ${JSON.stringify(entry.trim())}: the due date ${reading.message}`);
      return;
    }
    read.push(joinNextStep({ ...step, due: reading.date }));
    result.read.push(`${answer.origin}: ${JSON.stringify(step.due)} is ${describeDate(reading.date)} (${reading.date})`);
  }
  result.supplied.set(id, { ...answer, raw: read });
}
