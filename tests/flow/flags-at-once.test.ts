/**
 * A flag shows right after the answer that raises it, before the next question is asked, even
 * when some of its actions name answers still to come (those join it in the summary and the
 * note). Driven through the prompt seam with the real session view writing to a captured stderr:
 * at each question the test reads what the person has seen so far.
 */
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/core/session/answers.js';
import type { AskRequest, Prompter } from '../../src/core/session/prompter.js';
import { walkPlaybook } from '../../src/core/session/walk.js';
import { createSessionView } from '../../src/terminal/session-view.js';
import { plainChalk } from '../../src/terminal/plain-chalk.js';
import { Capture, FakeTerminal, runCli, tempDir } from '../helpers/run-cli.js';
import { shippedPlaybook } from '../helpers/playbooks.js';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';

const ANGRY = 'Watch out: They may arrive angry.';

/** Answers each question from the table and notes what the screen showed when it was asked. */
function recordingPrompter(answers: Record<string, AnswerValue>, screen: Capture) {
  const seenAt = new Map<string, string>();
  const prompter: Prompter = {
    async ask({ question }: AskRequest) {
      seenAt.set(question.id, screen.text);
      return answers[question.id];
    },
  };
  return { prompter, seenAt };
}

describe('flags react at once', () => {
  it('shows the angry warning right after "angry" is chosen, before the next question', async () => {
    const screen = new Capture();
    const view = createSessionView(screen, plainChalk(), 100);
    const { prompter, seenAt } = recordingPrompter(
      {
        customer: 'Harbour Foods',
        date: '2026-11-25',
        need: 'A date they can give their own customers for the corrected invoices',
        state: 'angry',
        signals: ['Wrote in capitals to the whole account team'],
        helpful: 'Let him say all of it, then give him the invoice date in writing',
        mode: 'listening',
        empathy_line: 'Sending your customers three wrong invoices in a month put your name on our mistake.',
        agree_points: ['The second invoice should never have gone out'],
        reassurance: 'Corrected invoices go out on Friday and I will call you when they have',
        time_cleared: true,
        on_paper: true,
      },
      screen,
    );
    const result = await walkPlaybook({ playbook: shippedPlaybook('two-questions'), phase: 'prep', prompter, today: '2026-11-22', onEvent: (event) => view.onEvent(event) });

    expect(seenAt.get('state')).not.toContain(ANGRY);
    const beforeSignals = seenAt.get('signals') ?? '';
    expect(beforeSignals).toContain(ANGRY);
    expect(beforeSignals).toContain('[ ] Let them vent without interrupting or correcting');
    // The actions that name answers still to come are not shown with "(no answer)" in them.
    expect(beforeSignals).not.toContain('(no answer)');
    expect(beforeSignals).not.toContain('empathetic statement');
    // It is shown once, and the finished walk's flag has every action filled in.
    expect(screen.text.split(ANGRY)).toHaveLength(2);
    expect(result.flags.find((flag) => flag.id === 'angry-customer')?.actions).toEqual([
      'Let them vent without interrupting or correcting',
      'Have your specific empathetic statement ready: Sending your customers three wrong invoices in a month put your name on our mistake.',
      'Agree with what you honestly can before discussing anything else: The second invoice should never have gone out',
    ]);
  });

  it('at a terminal, writes the flag after the answer and before the next prompt', async () => {
    const dir = tempDir();
    const playbook = join(dir, 'rush.yaml');
    writeFileSync(
      playbook,
      `id: rush
title: Rush
summary: A flag that reads a later answer.
source: coach tests
prep:
  steps:
    - id: s
      title: Time
      questions:
        - { id: minutes, type: number, prompt: How many minutes do you have? }
        - { id: cut, type: text, prompt: What will you leave out? }
  flags:
    - id: short
      when: { answer: minutes, lte: 10 }
      level: warn
      message: Ten minutes is not enough to hear them out.
      actions: [Ask for a longer slot, "Leave out: {{cut}}"]
`,
    );
    const terminal = new FakeTerminal();
    const done = runCli(['prep', playbook, '--no-review', '--stdout'], { terminal, env: { COACH_NOTES_DIR: join(dir, 'notes') } });
    await terminal.answer('Who is the customer?', 'Acme');
    await terminal.answer('What is the meeting?', '');
    await terminal.answer('Date of the meeting', '');
    await terminal.answer('How many minutes do you have?', '5');
    await terminal.waitFor('What will you leave out?');
    const screen = terminal.text;
    const answered = screen.lastIndexOf('How many minutes do you have?');
    const warned = screen.indexOf('Watch out: Ten minutes is not enough to hear them out.');
    const next = screen.lastIndexOf('What will you leave out?');
    expect(warned).toBeGreaterThan(answered);
    expect(next).toBeGreaterThan(warned);
    expect(screen.slice(warned, next)).toContain('[ ] Ask for a longer slot');
    terminal.type('the history');
    terminal.press('enter');
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('- [ ] Leave out: the history');
  });
});
