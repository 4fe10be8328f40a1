/**
 * `carry` and `remember` on a question: what the account and the next prep take from an answer.
 * A playbook that puts them where they cannot work is told so by validate, at the key.
 */
import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../../src/core/playbook/parse-playbook.js';
import { rememberedLines, carriedAnswers } from '../../../src/core/note/remembered.js';

const playbook = (prepQuestion: string, debriefQuestion: string) => `
id: marks
title: Marks
summary: Carry and remember.
source: coach tests
prep:
  steps:
    - id: one
      title: One
      questions:
${prepQuestion}
debrief:
  steps:
    - id: two
      title: Two
      questions:
${debriefQuestion}
`;

const ROLE = '        - { id: role, type: text, carry: true, prompt: Their role? }';
const LANDED = '        - { id: landed, type: select, remember: outcome, prompt: Where did you land?, choices: [{ value: deal, label: A deal }, none] }';

describe('carry and remember', () => {
  it('are accepted where they work, and read an answer the way a person reads it', () => {
    const parsed = parsePlaybook(playbook(`${ROLE}\n        - { id: sure, type: confirm, remember: feeling, prompt: Sure? }`, `${LANDED}\n        - { id: agreed, type: list, remember: agreed, prompt: Agreed? }`), 'marks.yaml');
    expect(carriedAnswers(parsed, { role: 'CFO', sure: true })).toEqual({ role: 'CFO' });
    expect(rememberedLines(parsed, 'prep', { role: 'CFO', sure: false })).toEqual({ outcome: [], agreed: [], lesson: [], feeling: ['Sure? No'] });
    expect(rememberedLines(parsed, 'debrief', { landed: 'deal', agreed: ['A pilot', 'A price'] })).toEqual({ outcome: ['Where did you land? A deal'], agreed: ['A pilot', 'A price'], lesson: [], feeling: [] });
  });

  it.each([
    ['carry on a confirm question', playbook('        - { id: sure, type: confirm, carry: true, prompt: Sure? }', LANDED), /"carry" only applies to text, long and select questions/],
    ['carry in a debrief', playbook(ROLE, '        - { id: felt, type: text, carry: true, prompt: Felt? }'), /"carry" applies only to prep questions/],
    ['an unknown remember', playbook(ROLE, '        - { id: felt, type: text, remember: mood, prompt: Felt? }'), /remember: must be one of: outcome, agreed, lesson, feeling/],
  ])('%s is refused', (_name, text, message) => {
    expect(() => parsePlaybook(text, 'marks.yaml')).toThrow(message);
  });
});
