/**
 * For each question, a short list of answers that stands for every answer it could get, as far as
 * the playbook's conditions can tell them apart: every choice of a select, yes and no, the numbers
 * at and between the compared constants. A condition that holds for none of them holds for no
 * answer at all. When the list would be large or not exact, there is no list and the caller
 * gives up rather than guess.
 */
import type { AnswerValue } from '../session/answers.js';
import { choiceValue, coerceAnswer, scaleBounds } from '../session/coerce-answer.js';
import type { Condition, Question } from './schema.js';

/** Subsets grow as 2^n: past this many tested entries the question is not enumerated. */
const MAX_NEEDLES = 6;
const MAX_LIST_LENGTH = 1000;
const MAX_SCALE_SPAN = 1000;
// Never typed by a person, so a filler can never equal or contain a playbook's constant by accident.
const FILLER = '\u0001';

/** The atomic tests (`answer` with its tests) that read one question, across a whole walk. */
export type TestsById = ReadonlyMap<string, readonly Condition[]>;

export function testsById(conditions: readonly Condition[]): Map<string, Condition[]> {
  const byId = new Map<string, Condition[]>();
  const visit = (condition: Condition): void => {
    if (condition.answer !== undefined) byId.set(condition.answer, [...(byId.get(condition.answer) ?? []), condition]);
    condition.all?.forEach(visit);
    condition.any?.forEach(visit);
    if (condition.not) visit(condition.not);
  };
  conditions.forEach(visit);
  return byId;
}

/** Every answer the question could be given, up to what the tests can distinguish; undefined when unknown. */
export function answerDomain(question: Question, tests: readonly Condition[]): AnswerValue[] | undefined {
  const compared = tests.flatMap((test) => [test.equals, ...(test.in ?? [])]).filter((value) => value !== undefined);
  const needles = unique(tests.flatMap((test) => (test.includes === undefined ? [] : [String(test.includes)])));
  const sizes = tests.flatMap((test) => [test.gte, test.lte]).filter((value): value is number => value !== undefined);
  if ([...compared.map(String), ...needles].some((text) => text.includes(FILLER))) return undefined;

  switch (question.type) {
    case 'confirm':
      return [true, false];
    case 'select':
      return (question.choices ?? []).map(choiceValue);
    case 'multi': {
      const choices = (question.choices ?? []).map(choiceValue);
      const tested = choices.filter((choice) => needles.includes(choice));
      const others = choices.filter((choice) => !tested.includes(choice));
      if (tested.length > MAX_NEEDLES) return undefined;
      // Which tested choices are picked, and how many others: nothing else can tell answers apart.
      return subsets(tested).flatMap((picked) =>
        others.map((_, k) => [...picked, ...others.slice(0, k)]).concat([[...picked, ...others]]).filter((value) => value.length > 0),
      );
    }
    case 'list': {
      const entries = needles.filter((needle) => needle.trim() !== '');
      if (entries.length > MAX_NEEDLES) return undefined;
      const lengths = sizes.flatMap((size) => [Math.ceil(size), Math.floor(size) + 1]);
      if (lengths.some((length) => length > MAX_LIST_LENGTH)) return undefined;
      return subsets(entries).flatMap((picked) => {
        const shortest = Math.max(picked.length, 1);
        return unique([shortest, ...lengths.filter((length) => length > shortest)]).map((length) => [
          ...picked,
          ...Array.from({ length: length - picked.length }, (_, i) => `${FILLER}${i}`),
        ]);
      });
    }
    case 'text':
    case 'long': {
      if (needles.length > MAX_NEEDLES) return undefined;
      const exact = compared.map(String).filter((text) => text.trim() !== '');
      // Joined by a character no needle has, the tested texts contain exactly what they must.
      return unique([...exact, ...subsets(needles).map((picked) => `${picked.join(FILLER)}${FILLER}`)]);
    }
    case 'date': {
      if (needles.length > 0 || sizes.length > 0) return undefined;
      const dates = compared.map(String).filter((text) => coerceAnswer(question, text).ok);
      let other = 1;
      while (dates.includes(`2000-01-${String(other).padStart(2, '0')}`)) other++;
      return unique([...dates, `2000-01-${String(other).padStart(2, '0')}`]);
    }
    case 'number':
    case 'scale':
      return numberDomain(question, compared, sizes);
  }
}

function numberDomain(question: Question, compared: readonly (string | number | boolean)[], sizes: readonly number[]): number[] | undefined {
  if (question.type === 'scale') {
    const { min, max } = scaleBounds(question);
    if (max - min > MAX_SCALE_SPAN) return undefined;
    return Array.from({ length: max - min + 1 }, (_, i) => min + i);
  }
  const { min, max } = question;
  const constants = [...compared.filter((value) => typeof value !== 'boolean').map(Number), ...sizes].filter(Number.isFinite);
  const inRange = (value: number): boolean => (min === undefined || value >= min) && (max === undefined || value <= max);
  const points = unique([...constants, ...(min === undefined ? [] : [min]), ...(max === undefined ? [] : [max])].filter(inRange)).sort((a, b) => a - b);
  if (points.length === 0) return [0];
  const between = points.slice(1).map((point, i) => ((points[i] ?? point) + point) / 2);
  const below = min === undefined ? [(points[0] ?? 0) - 1] : [];
  const above = max === undefined ? [(points[points.length - 1] ?? 0) + 1] : [];
  return [...below, ...points, ...between, ...above];
}

function subsets<T>(items: readonly T[]): T[][] {
  const all: T[][] = [[]];
  for (const item of items) {
    for (const subset of all.slice()) all.push([...subset, item]);
  }
  return all;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
