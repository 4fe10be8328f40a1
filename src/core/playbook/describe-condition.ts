/**
 * A condition in words, for the guide (`coach playbooks show`) and for validation messages:
 * `state is angry`, `mode is teaching or advising`, `signals has at least 2 entries`.
 */
import type { Condition, Question } from './schema.js';

/** The type of each question a condition may test, so list sizes read as sizes. */
export type QuestionTypes = ReadonlyMap<string, Question['type']>;

type Scalar = string | number | boolean;

const value = (scalar: Scalar): string => {
  if (typeof scalar === 'boolean') return scalar ? 'yes' : 'no';
  if (typeof scalar === 'number') return String(scalar);
  return /^[\w-]+$/.test(scalar) ? scalar : JSON.stringify(scalar);
};

/** `a`, `a or b`, `a, b or c`. */
function either(values: readonly Scalar[]): string {
  const words = values.map(value);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1] ?? ''}`;
}

function describeTests(condition: Condition, types: QuestionTypes): string[] {
  const id = condition.answer ?? '';
  const type = types.get(id);
  const counted = type === 'list' || type === 'multi';
  const size = (text: string, last: number): string => (counted ? `has ${text} ${last === 1 ? 'entry' : 'entries'}` : `is ${text}`);
  const parts: string[] = [];
  if (condition.answered === true) parts.push(`${id} is answered`);
  if (condition.answered === false) parts.push(`${id} is not answered`);
  if (condition.equals !== undefined) parts.push(`${id} is ${value(condition.equals)}`);
  if (condition.in !== undefined) parts.push(`${id} is ${either(condition.in)}`);
  if (condition.includes !== undefined) parts.push(`${id} includes ${value(condition.includes)}`);
  if (condition.gte !== undefined && condition.lte !== undefined) {
    parts.push(`${id} ${size(`between ${condition.gte} and ${condition.lte}`, condition.lte)}`);
  } else if (condition.gte !== undefined) {
    parts.push(`${id} ${size(`at least ${condition.gte}`, condition.gte)}`);
  } else if (condition.lte !== undefined) {
    parts.push(`${id} ${size(`at most ${condition.lte}`, condition.lte)}`);
  }
  return parts;
}

/** Nested groups are bracketed so `a and (b or c)` cannot be misread. */
export function describeCondition(condition: Condition, types: QuestionTypes = new Map(), nested = false): string {
  const group = (text: string, count: number): string => (nested && count > 1 ? `(${text})` : text);
  const inner = (part: Condition): string => describeCondition(part, types, true);
  if (condition.all) return group(condition.all.map(inner).join(' and '), condition.all.length);
  if (condition.any) return group(condition.any.map(inner).join(' or '), condition.any.length);
  if (condition.not) return `not (${describeCondition(condition.not, types)})`;
  const tests = describeTests(condition, types);
  return group(tests.join(' and '), tests.length);
}
