import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../../src/core/playbook/parse-playbook.js';
import { allAnswers, answeredQuestions, droppedAnswers } from '../../../src/core/session/review.js';

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
