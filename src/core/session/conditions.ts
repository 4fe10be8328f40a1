import type { AnswerValue, Answers } from './answers.js';
import type { Condition } from '../playbook/schema.js';

type Scalar = string | number | boolean;

const same = (a: AnswerValue, b: Scalar): boolean => !Array.isArray(a) && String(a) === String(b);

/** Lists are measured by how many entries they have, so `gte: 2` reads "at least two". */
function magnitude(value: AnswerValue): number | undefined {
  if (Array.isArray(value)) return value.length;
  return typeof value === 'number' ? value : undefined;
}

function isOneOf(value: AnswerValue, options: readonly Scalar[]): boolean {
  for (let index = 0; index < options.length; index++) if (same(value, options[index] as Scalar)) return true;
  return false;
}

function contains(value: AnswerValue, needle: Scalar): boolean {
  if (Array.isArray(value)) return value.some((entry) => entry === String(needle));
  if (typeof value === 'string') return value.toLowerCase().includes(String(needle).toLowerCase());
  return false;
}

function testAnswer(condition: Condition, value: AnswerValue | undefined): boolean {
  if (condition.answered !== undefined && (value !== undefined) !== condition.answered) return false;
  if (value === undefined) {
    // Only "answered: false" can hold for a question that was skipped or left empty.
    return condition.answered === false;
  }
  if (condition.equals !== undefined && !same(value, condition.equals)) return false;
  if (condition.in !== undefined && !isOneOf(value, condition.in)) return false;
  if (condition.includes !== undefined && !contains(value, condition.includes)) return false;
  const size = magnitude(value);
  if (condition.gte !== undefined && (size === undefined || size < condition.gte)) return false;
  if (condition.lte !== undefined && (size === undefined || size > condition.lte)) return false;
  return true;
}

/**
 * Written with loops, not every() and some() over closures: a function holding a closure that
 * reads its arguments makes a record of them on every call, and a walk evaluates thousands of
 * conditions (each step's, for the steps still ahead, at every step), mostly simple ones.
 */
export function evaluateCondition(condition: Condition, answers: Answers): boolean {
  if (condition.all) return holdsFor(condition.all, answers, false);
  if (condition.any) return holdsFor(condition.any, answers, true);
  if (condition.not) return !evaluateCondition(condition.not, answers);
  if (condition.answer === undefined) return false;
  return testAnswer(condition, answers[condition.answer]);
}

/** `all` (decisive false) or `any` (decisive true) of the parts. */
function holdsFor(parts: readonly Condition[], answers: Answers, decisive: boolean): boolean {
  for (let index = 0; index < parts.length; index++) if (evaluateCondition(parts[index] as Condition, answers) === decisive) return decisive;
  return !decisive;
}

/**
 * The condition's value when the answers settled so far decide it, whatever the others turn out
 * to be (`any` with one part true, `all` with one part false); undefined while it still waits.
 */
export function decideCondition(condition: Condition, answers: Answers, settled: (id: string) => boolean): boolean | undefined {
  const parts = (list: readonly Condition[], decisive: boolean): boolean | undefined => {
    let open = false;
    for (const part of list) {
      const value = decideCondition(part, answers, settled);
      if (value === decisive) return decisive;
      if (value === undefined) open = true;
    }
    return open ? undefined : !decisive;
  };
  if (condition.all) return parts(condition.all, false);
  if (condition.any) return parts(condition.any, true);
  if (condition.not) {
    const value = decideCondition(condition.not, answers, settled);
    return value === undefined ? undefined : !value;
  }
  if (condition.answer === undefined) return false;
  return settled(condition.answer) ? testAnswer(condition, answers[condition.answer]) : undefined;
}

/** Every answer id a condition reads, for reference checks and for knowing when it can be decided. */
export function conditionRefs(condition: Condition): string[] {
  const refs: string[] = [];
  const visit = (part: Condition): void => {
    if (part.answer !== undefined) refs.push(part.answer);
    part.all?.forEach(visit);
    part.any?.forEach(visit);
    if (part.not) visit(part.not);
  };
  visit(condition);
  return refs;
}
