import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../../src/core/playbook/parse-playbook.js';
import { Question } from '../../../src/core/playbook/schema.js';
import { allAnswers, answerInBrief, answeredQuestions, droppedAnswers } from '../../../src/core/session/review.js';

const playbook = parsePlaybook(
  `
id: r
title: R
summary: s
source: t
prep:
  steps:
    - id: a
      title: A
      questions:
        - { id: state, type: select, prompt: State?, choices: [calm, angry] }
        - { id: vent, type: text, prompt: "How will {{customer}} vent?", when: { answer: state, equals: angry } }
        - { id: extra, type: text, prompt: Extra?, required: false }
`,
  'r.yaml',
);

describe('review helpers', () => {
  it('lists the reached questions in order, context first, with prompts filled in', () => {
    const all = allAnswers({ context: { customer: 'Acme', title: undefined, date: '2026-11-22' }, answers: { state: 'angry', vent: 'calls' } });
    const reached = answeredQuestions(playbook, 'prep', all, { today: '2026-11-22' });
    expect(reached.map(({ question, value }) => [question.id, question.prompt, value])).toEqual([
      ['customer', 'Who is the customer?', 'Acme'],
      ['title', 'What is the meeting?', undefined],
      ['date', 'Date of the meeting', '2026-11-22'],
      ['state', 'State?', 'angry'],
      ['vent', 'How will Acme vent?', 'calls'],
      ['extra', 'Extra?', undefined],
    ]);
  });

  it('leaves out a question whose branch no longer applies, and reports its answer as dropped', () => {
    const before = { state: 'angry', vent: 'calls' };
    const after = { state: 'calm' };
    const reached = answeredQuestions(playbook, 'prep', after, { today: '2026-11-22', context: { customer: 'Acme', date: '2026-11-22' } });
    expect(reached.map(({ question }) => question.id)).toEqual(['state', 'extra']);
    expect(droppedAnswers(before, after)).toEqual(['vent']);
  });
});

describe('answerInBrief', () => {
  const choices = [{ value: 'frustrated', label: 'Frustrated and tired' }, 'calm', { value: 'advising', label: 'Advising them' }];
  const question = (fields: Record<string, unknown>) => Question.parse({ id: 'q', prompt: 'Q?', ...fields });

  it.each([
    ['a choice by its label', question({ type: 'select', choices }), 'frustrated', 'Frustrated and tired'],
    ['a choice with no label as its value', question({ type: 'select', choices }), 'calm', 'calm'],
    ['several choices by their labels', question({ type: 'multi', choices }), ['advising', 'calm'], 'Advising them, calm'],
    ['a list on one line', question({ type: 'list' }), ['the timeline', 'the credit note'], 'the timeline, the credit note'],
    ['a long answer on one line', question({ type: 'long' }), 'first line\nsecond line', 'first line second line'],
    // As the prompt showed it when it was answered ("✔ Cleared your diary? Yes").
    ['a yes', question({ type: 'confirm' }), true, 'Yes'],
    ['a no', question({ type: 'confirm' }), false, 'No'],
    ['nothing', question({ type: 'text', required: false }), undefined, '(no answer)'],
  ])('%s', (_name, asked, value, shown) => {
    expect(answerInBrief(asked, value)).toBe(shown);
  });
});
