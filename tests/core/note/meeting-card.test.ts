import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, renderCardMarkdown, renderCardText } from '../../../src/core/note/meeting-card.js';
import { parsePlaybook } from '../../../src/core/playbook/parse-playbook.js';
import { shippedPlaybook } from '../../helpers/playbooks.js';

const playbook = shippedPlaybook('two-questions');
const context = { customer: 'Acme Corp', title: 'Renewal', date: '2026-11-22' };
const answers = { need: 'a firm date for the fix', state: 'angry', helpful: 'listen first', empathy_line: 'A month down is a real cost.', agree_points: ['the outage was ours'], reassurance: 'the fix is scheduled' };

const fits = (text: string): void => {
  const lines = text.trimEnd().split('\n');
  expect(lines.length).toBeLessThanOrEqual(CARD_HEIGHT);
  for (const line of lines) expect([...line].length).toBeLessThanOrEqual(CARD_WIDTH);
};

describe('the meeting card', () => {
  it("carries the key questions with the user's own answers, then the reminders and actions", () => {
    const text = renderCardText({ playbook, context, answers, actions: ['Let them vent'] });
    fits(text);
    expect(text).toContain(' Acme Corp - Renewal · 2026-11-22 · The two-question sheet');
    expect(text).toContain('  • What do they need from me in this meeting?\n      a firm date for the fix\n');
    expect(text).toContain('  • Be understanding before being right.');
    expect(text).toContain('  [ ] Let them vent');
    expect(text.indexOf('REMINDERS')).toBeLessThan(text.indexOf('ACTIONS'));
  });

  it('leaves out key questions on a branch the prep did not take', () => {
    const text = renderCardText({ playbook, context, answers: { ...answers, state: 'calm' } });
    expect(text).not.toContain('empathetic statement');
  });

  it('leaves out key questions of a step the prep did not reach, as the walk and the note do', () => {
    const stepped = parsePlaybook(
      `id: stepped
title: Stepped
summary: A step that only an angry customer reaches.
source: Tests
prep:
  steps:
    - id: mood
      title: Mood
      questions:
        - { id: state, type: select, prompt: How are they?, choices: [angry, calm] }
    - id: calming
      title: Calming
      when: { answer: state, equals: angry }
      questions:
        - { id: empathy, type: text, prompt: What will you say to calm them? }
card:
  questions: [state, empathy]
`,
      'stepped.yaml',
    );
    expect(renderCardText({ playbook: stepped, context, answers: { state: 'angry', empathy: 'It cost you a month.' } })).toContain('What will you say to calm them?');
    const calm = renderCardText({ playbook: stepped, context, answers: { state: 'calm', empathy: 'left from an earlier branch' } });
    expect(calm).toContain('How are they?');
    expect(calm).not.toContain('What will you say to calm them?');
    expect(renderCardText({ playbook: stepped })).toContain('What will you say to calm them?');
  });

  it('still fits on one screen with very long answers and many actions, saying what it left out', () => {
    const long = 'word '.repeat(200);
    const text = renderCardText({ playbook, context, answers: { ...answers, need: long, helpful: long }, actions: Array.from({ length: 20 }, (_, i) => `Action ${i} ${long}`) });
    fits(text);
    expect(text).toMatch(/ … \d+ more in the note\n$/);
  });

  it('is a blank method card for a playbook alone', () => {
    const text = renderCardText({ playbook });
    fits(text);
    expect(text).toContain(' The two-question sheet (method card)');
    expect(text).toContain('  • How can I be helpful to them based on their emotional signals?\n');
  });

  it('renders as Markdown for notes, with actions as checkboxes', () => {
    const markdown = renderCardMarkdown({ playbook, context, answers, actions: ['Let them vent'] });
    expect(markdown).toContain('## Meeting card: Acme Corp - Renewal · 2026-11-22 · The two-question sheet');
    expect(markdown).toContain('- **What do they need from me in this meeting?**  \n  a firm date for the fix');
    expect(markdown).toContain('- [ ] Let them vent');
  });
});
