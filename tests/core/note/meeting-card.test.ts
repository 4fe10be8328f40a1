import { describe, expect, it } from 'vitest';
import { CARD_WIDTH, renderCardMarkdown, renderCardText } from '../../../src/core/note/meeting-card.js';
import { parsePlaybook } from '../../../src/core/playbook/parse-playbook.js';
import { shippedPlaybook } from '../../helpers/playbooks.js';

const playbook = shippedPlaybook('two-questions');
const context = { customer: 'Acme Corp', title: 'Renewal', date: '2026-11-22' };
const answers = { need: 'a firm date for the fix', state: 'angry', helpful: 'listen first', empathy_line: 'A month down is a real cost.', agree_points: ['the outage was ours'], reassurance: 'the fix is scheduled' };

const fits = (text: string, width = CARD_WIDTH): void => {
  for (const line of text.trimEnd().split('\n')) expect([...line].length, line).toBeLessThanOrEqual(width);
};

/** The card's words as one line: what it says, whatever the width it was wrapped to. */
const words = (text: string): string => text.replace(/\s+/g, ' ');

/** A playbook of the test's own: its prep steps (YAML, indented as under `steps:`) and the card's key questions. */
const cardPlaybook = (id: string, steps: string, keyQuestions: string) =>
  parsePlaybook(`id: ${id}\ntitle: ${id}\nsummary: A playbook for the card's tests.\nsource: Tests\nprep:\n  steps:\n${steps}\ncard:\n  questions: ${keyQuestions}\n`, `${id}.yaml`);

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
    const stepped = cardPlaybook(
      'stepped',
      `    - id: mood
      title: Mood
      questions:
        - { id: state, type: select, prompt: How are they?, choices: [angry, calm] }
    - id: calming
      title: Calming
      when: { answer: state, equals: angry }
      questions:
        - { id: empathy, type: text, prompt: What will you say to calm them? }`,
      '[state, empathy]',
    );
    expect(renderCardText({ playbook: stepped, context, answers: { state: 'angry', empathy: 'It cost you a month.' } })).toContain('What will you say to calm them?');
    const calm = renderCardText({ playbook: stepped, context, answers: { state: 'calm', empathy: 'left from an earlier branch' } });
    expect(calm).toContain('How are they?');
    expect(calm).not.toContain('What will you say to calm them?');
    expect(renderCardText({ playbook: stepped })).toContain('What will you say to calm them?');
  });

  it('shows a key question picked from a list by the label the prompt showed, and a yes as "Yes", never the ids the note keeps', () => {
    const picked = cardPlaybook(
      'picked',
      `    - id: mood
      title: Mood
      questions:
        - { id: state, type: select, prompt: How are they?, choices: [{ value: angry, label: Angry - they want a name }, calm] }
        - { id: signs, type: multi, prompt: What have you seen?, choices: [{ value: calls, label: Unanswered calls }, { value: churn, label: Talk of leaving }] }
        - { id: cleared, type: confirm, prompt: Have you cleared your diary? }`,
      '[state, signs, cleared]',
    );
    const text = renderCardText({ playbook: picked, context, answers: { state: 'angry', signs: ['calls', 'churn'], cleared: true } });
    expect(text).toContain('  • How are they?\n      Angry - they want a name\n');
    expect(text).toContain('  • What have you seen?\n      Unanswered calls, Talk of leaving\n');
    expect(text).toContain('  • Have you cleared your diary?\n      Yes\n');
  });

  it('carries what earlier meetings left open after the key questions, the overdue first', () => {
    // On 2026-11-22 the fix schedule, due on the 20th, is overdue; finance, due on the 10th of next month, is not.
    const stillOpen = {
      today: '2026-11-22',
      followUps: [{ text: 'Book finance', owner: 'Sam', due: '2026-12-10' }, { text: 'Call their CFO' }, { text: 'Send the fix schedule', owner: 'me', due: '2026-11-20' }],
    };
    const text = renderCardText({ playbook, context, answers, stillOpen });
    expect(text).toContain(
      [' STILL OPEN FROM LAST TIME', '  • Send the fix schedule (me, overdue since 2026-11-20)', '  • Book finance (Sam, due 2026-12-10)', '  • Call their CFO', ' REMINDERS'].join('\n'),
    );
    expect(text.indexOf('KEY QUESTIONS')).toBeLessThan(text.indexOf('STILL OPEN'));
    expect(renderCardText({ playbook, context, answers })).not.toContain('STILL OPEN');
  });

  it('keeps every word of very long answers and every action, wrapped between words to the width', () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const actions = Array.from({ length: 20 }, (_, i) => `Action ${i} ${long}`);
    for (const width of [100, 80, 40]) {
      const text = renderCardText({ playbook, context, answers: { ...answers, need: long, helpful: long }, actions }, width);
      fits(text, width);
      expect(words(text)).toContain(` ${long} `);
      for (const action of actions) expect(words(text)).toContain(`[ ] ${action}`);
      expect(text).not.toContain('…');
      expect(text.split('\n')[0]).toBe('─'.repeat(width));
    }
  });

  it("take-the-stick: the opening statement word for word and the whole plan, at 100 and at 40 columns", () => {
    const stick = shippedPlaybook('take-the-stick');
    const statement = 'Before you say anything, let me say what we did. We sold you a platform we had not tested at your volume, and when it failed we were slow to own it. That is on us.';
    const plan = 'Roll back to the stable release by Friday, run a load test at twice their peak next week, and send them the results with a named engineer on call.';
    const actions = ['Book the make-it-right meeting with their director', 'Bring the outage timeline, owned by us', 'Agree with your manager that nothing is sold until trust is back'];
    for (const width of [100, 40]) {
      const text = renderCardText({ playbook: stick, context, answers: { management_commits: 'yes', stick_statement: statement, fix_plan: plan }, actions }, width);
      fits(text, width);
      expect(words(text)).toContain(` ${statement} `);
      expect(words(text)).toContain(` ${plan} `);
      for (const action of actions) expect(words(text)).toContain(`[ ] ${action}`);
    }
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
