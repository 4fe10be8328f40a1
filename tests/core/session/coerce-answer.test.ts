import { describe, expect, it } from 'vitest';
import { coerceAnswer } from '../../../src/core/session/coerce-answer.js';
import { Question } from '../../../src/core/playbook/schema.js';

const q = (fields: Record<string, unknown>) => Question.parse({ id: 'x', prompt: 'X?', ...fields });
const text = q({ type: 'text' });
const optional = q({ type: 'text', required: false });
const confirm = q({ type: 'confirm' });
const select = q({ type: 'select', choices: ['calm', { value: 'angry', label: 'Angry and loud' }] });
const multi = q({ type: 'multi', choices: ['a', 'b', 'c'] });
const number = q({ type: 'number', min: 0, max: 10 });
const scale = q({ type: 'scale' });
const list = q({ type: 'list' });
const date = q({ type: 'date' });

type Case = [string, Question, unknown, { value: unknown } | { error: string }];
const cases: Case[] = [
  ['text keeps what was written', text, '  007 ', { value: '  007 ' }],
  ['text from a number', text, 12, { value: '12' }],
  ['required text that is blank', text, '   ', { error: 'is required' }],
  ['optional text that is blank is not recorded', optional, '', { value: undefined }],
  ['confirm from yes', confirm, 'yes', { value: true }],
  ['confirm from N', confirm, 'N', { value: false }],
  ['confirm from a boolean', confirm, false, { value: false }],
  ['confirm from a stray word', confirm, 'maybe', { error: 'must be yes or no (got "maybe")' }],
  ['select by value', select, 'calm', { value: 'calm' }],
  ['select by label, any case', select, 'angry and LOUD', { value: 'angry' }],
  ['select with a typo', select, 'angy', { error: 'must be one of: calm, angry (got "angy")' }],
  ['multi from a list', multi, ['c', 'a', 'c'], { value: ['c', 'a'] }],
  ['multi from comma-separated text', multi, 'a, b', { value: ['a', 'b'] }],
  ['multi with an unknown entry', multi, ['a', 'z'], { error: '"z" is not one of: a, b, c' }],
  ['number from text', number, '7.5', { value: 7.5 }],
  ['number below min', number, -1, { error: 'must be at least 0 (got -1)' }],
  ['number above max', number, '11', { error: 'must be at most 10 (got 11)' }],
  ['number from words', number, 'ten', { error: 'must be a number (got "ten")' }],
  ['scale defaults to 1..5', scale, '5', { value: 5 }],
  ['scale outside the default range', scale, 6, { error: 'must be at most 5 (got 6)' }],
  ['scale needs a whole number', scale, 2.5, { error: 'must be a whole number from 1 to 5 (got 2.5)' }],
  ['list from entries, dropping blanks', list, ['one', '', 'two'], { value: ['one', 'two'] }],
  ['list from lines of text', list, 'one\ntwo', { value: ['one', 'two'] }],
  ['required list with no entries', list, [], { error: 'is required' }],
  ['date as written', date, '2026-02-28', { value: '2026-02-28' }],
  ['a date that is not on the calendar', date, '2026-02-30', { error: 'is not a date: February 2026 has 28 days (got "2026-02-30")' }],
  ['a date in another format', date, '28/02/2026', { error: 'must be a date as YYYY-MM-DD (got "28/02/2026")' }],
];

describe('coerceAnswer', () => {
  it.each(cases)('%s', (_name, question, raw, expected) => {
    const result = coerceAnswer(question, raw);
    if ('error' in expected) expect(result).toEqual({ ok: false, message: expected.error });
    else expect(result).toEqual({ ok: true, value: expected.value });
  });
});
