import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../src/core/session/answers.js';
import { conditionRefs, decideCondition, evaluateCondition } from '../../../src/core/session/conditions.js';
import type { Condition } from '../../../src/core/playbook/schema.js';

const answers: Answers = {
  state: 'angry',
  mode: 'listening',
  risks: ['price', 'timing'],
  notes: 'They mentioned the Price twice',
  scale: 4,
  ok: true,
  off: false,
};

const cases: [string, Condition, boolean][] = [
  ['equals a select value', { answer: 'state', equals: 'angry' }, true],
  ['equals another value', { answer: 'state', equals: 'calm' }, false],
  ['equals a boolean', { answer: 'ok', equals: true }, true],
  ['equals false on a false answer', { answer: 'off', equals: false }, true],
  ['equals on a missing answer', { answer: 'nothing', equals: 'x' }, false],
  ['in a list of values', { answer: 'state', in: ['frustrated', 'angry'] }, true],
  ['not in the list', { answer: 'mode', in: ['teaching', 'advising'] }, false],
  ['includes an entry of a list', { answer: 'risks', includes: 'price' }, true],
  ['does not include', { answer: 'risks', includes: 'scope' }, false],
  ['includes text, ignoring case', { answer: 'notes', includes: 'price' }, true],
  ['gte on a number', { answer: 'scale', gte: 4 }, true],
  ['gte above the number', { answer: 'scale', gte: 5 }, false],
  ['lte on a number', { answer: 'scale', lte: 4 }, true],
  ['gte counts list entries', { answer: 'risks', gte: 2 }, true],
  ['lte counts list entries', { answer: 'risks', lte: 1 }, false],
  ['gte and lte together make a range', { answer: 'scale', gte: 3, lte: 5 }, true],
  ['gte on text never holds', { answer: 'state', gte: 1 }, false],
  ['answered: true on an answer', { answer: 'state', answered: true }, true],
  ['answered: true on a missing answer', { answer: 'nothing', answered: true }, false],
  ['answered: false on a missing answer', { answer: 'nothing', answered: false }, true],
  ['answered: false on an answer', { answer: 'state', answered: false }, false],
  ['answered: true with a failing test', { answer: 'state', answered: true, equals: 'calm' }, false],
  ['all of two true', { all: [{ answer: 'state', equals: 'angry' }, { answer: 'ok', equals: true }] }, true],
  ['all with one false', { all: [{ answer: 'state', equals: 'angry' }, { answer: 'ok', equals: false }] }, false],
  ['any with one true', { any: [{ answer: 'state', equals: 'calm' }, { answer: 'ok', equals: true }] }, true],
  ['any with none true', { any: [{ answer: 'state', equals: 'calm' }, { answer: 'off', equals: true }] }, false],
  ['not of false', { not: { answer: 'state', equals: 'calm' } }, true],
  ['nested', { not: { any: [{ answer: 'risks', includes: 'scope' }, { all: [{ answer: 'scale', lte: 2 }] }] } }, true],
];

describe('evaluateCondition', () => {
  it.each(cases)('%s', (_name, condition, expected) => {
    expect(evaluateCondition(condition, answers)).toBe(expected);
  });
});

describe('conditionRefs', () => {
  it('lists every answer a nested condition reads', () => {
    const condition: Condition = { all: [{ answer: 'a', equals: 1 }, { not: { any: [{ answer: 'b', answered: true }, { answer: 'c', gte: 2 }] } }] };
    expect(conditionRefs(condition)).toEqual(['a', 'b', 'c']);
  });
});

describe('deciding a condition before every answer is in', () => {
  // `later` is still to be asked: a condition is decided only when no answer to it could change the result.
  const settled = (id: string): boolean => id !== 'later';
  const decided: [string, Condition, boolean | undefined][] = [
    ['a settled answer alone', { answer: 'state', equals: 'angry' }, true],
    ['an answer still to come', { answer: 'later', answered: false }, undefined],
    ['any, with one settled part true', { any: [{ answer: 'state', equals: 'angry' }, { answer: 'later', equals: 'x' }] }, true],
    ['any, with the settled part false', { any: [{ answer: 'state', equals: 'calm' }, { answer: 'later', equals: 'x' }] }, undefined],
    ['all, with one settled part false', { all: [{ answer: 'state', equals: 'calm' }, { answer: 'later', equals: 'x' }] }, false],
    ['all, with the settled part true', { all: [{ answer: 'state', equals: 'angry' }, { answer: 'later', equals: 'x' }] }, undefined],
    ['not of a decided part', { not: { all: [{ answer: 'ok', equals: false }, { answer: 'later', answered: true }] } }, true],
  ];
  it.each(decided)('%s', (_name, condition, expected) => {
    expect(decideCondition(condition, answers, settled)).toBe(expected);
    // Once decided, no answer to the open question changes it.
    if (expected !== undefined) {
      for (const later of [undefined, 'x', 'y']) {
        const all: Answers = later === undefined ? { ...answers } : { ...answers, later };
        expect(evaluateCondition(condition, all)).toBe(expected);
      }
    }
  });
});
