/**
 * Answers given in advance are read once: checkSuppliedAnswers records what each one reads as,
 * and the scripted prompter answers from that record rather than reading the raw answer again.
 * Both readings come from coerceAnswer, so the record can only save work, never change an answer.
 */
import { describe, expect, it } from 'vitest';
import type { Coerced } from '../../src/core/session/coerce-answer.js';
import type { AskRequest } from '../../src/core/session/prompter.js';
import { checkSuppliedAnswers, type SuppliedAnswers } from '../../src/core/session/supplied-answers.js';
import type { Question } from '../../src/core/playbook/schema.js';
import { scriptedPrompter } from '../../src/prompters/scripted.js';

const step = { id: 's', title: 'S', number: 1, total: 1 };
const questions = new Map<string, Question>([
  ['ready', { id: 'ready', type: 'confirm', prompt: 'Ready?', required: true }],
  ['plan', { id: 'plan', type: 'list', prompt: 'The plan?', required: false }],
]);
const ask = (id: string): AskRequest => ({ question: questions.get(id) as Question, step });

describe('answers given in advance, once checked', () => {
  const supplied: SuppliedAnswers = new Map([
    ['ready', { raw: 'yes', origin: 'answers.yaml:1' }],
    ['plan', { raw: 'call Priya\n\nsend the plan', origin: 'answers.yaml:2' }],
    ['unknown', { raw: 'x', origin: 'answers.yaml:3' }],
  ]);

  it('are recorded as they read, for every known question', () => {
    const checked = new Map<string, Coerced>();
    expect(checkSuppliedAnswers(questions, supplied, checked)).toHaveLength(1);
    expect([...checked]).toEqual([
      ['ready', { ok: true, value: true }],
      ['plan', { ok: true, value: ['call Priya', 'send the plan'] }],
    ]);
  });

  it('are answered from the record, the same as read afresh', () => {
    const checked = new Map<string, Coerced>();
    checkSuppliedAnswers(questions, supplied, checked);
    const fresh = scriptedPrompter(supplied);
    const recorded = scriptedPrompter(supplied, undefined, undefined, checked);
    for (const id of ['ready', 'plan']) expect(recorded.ask(ask(id))).toEqual(fresh.ask(ask(id)));
  });

  it('are taken from the record, not read again', () => {
    const checked = new Map<string, Coerced>([['ready', { ok: true, value: false }]]);
    expect(scriptedPrompter(supplied, undefined, undefined, checked).ask(ask('ready'))).toBe(false);
  });
});
