/**
 * Every shipped debrief asks what was agreed and the next steps, each `what - who - by when`; the
 * due date may be said as people say it, and each step becomes a follow-up with its owner and due
 * date. A step without an owner or a readable date is refused with the file and line.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coerceAnswer } from '../../src/core/session/coerce-answer.js';
import { shippedPlaybook } from '../helpers/playbooks.js';
import { FakeTerminal, runCli, tempDir } from '../helpers/run-cli.js';

const SHIPPED = ['two-questions', 'turn-around', 'take-the-stick', 'customer-is-wrong', 'listen-to-understand'];
const debriefAnswers = 'customer: Acme\nneed_met: "yes"\nhelpful_met: "yes"\nmode_used: listening\nleft_feeling: relieved\nadjustment: none\n';

describe('next steps in a debrief', () => {
  it.each(SHIPPED)('%s asks what was agreed and the next steps', (id) => {
    const playbook = shippedPlaybook(id);
    const questions = (playbook.debrief?.steps ?? []).flatMap((step) => step.questions);
    expect(questions.find((question) => question.id === 'agreed')?.type).toBe('list');
    expect(questions.find((question) => question.id === 'next_steps')?.entries).toBe('next-steps');
  });

  it('checks each entry for an owner and a calendar due date', () => {
    const playbook = shippedPlaybook('two-questions');
    const question = (playbook.debrief?.steps ?? []).flatMap((step) => step.questions).find((each) => each.id === 'next_steps');
    if (!question) throw new Error('no next_steps question');
    expect(coerceAnswer(question, ['Send the quote - Sam - 2026-12-04'])).toEqual({ ok: true, value: ['Send the quote - Sam - 2026-12-04'] });
    expect(coerceAnswer(question, ['Send the quote'])).toMatchObject({ ok: false, message: expect.stringContaining('must be written as what - who - by when') });
    expect(coerceAnswer(question, ['Send the quote - Sam - 2026-02-30'])).toMatchObject({ ok: false, message: expect.stringContaining('February 2026 has 28 days') });
  });

  it('reads said due dates in an answers file and writes each step as a follow-up with owner and due date', async () => {
    const dir = tempDir();
    const notes = join(dir, 'notes');
    const answers = join(dir, 'debrief.yaml');
    writeFileSync(answers, `${debriefAnswers}agreed:\n  - A pilot at one site\nnext_steps:\n  - Send the pilot plan - me - tomorrow\n  - Name a tester - Their IT lead - 2026-12-01\n`);
    const result = await runCli(['debrief', '--playbook', 'two-questions', '--answers', answers, '--no-input', '-q'], { env: { COACH_NOTES_DIR: notes } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`coach: ${answers}:9: "tomorrow" is Mon 23 Nov 2026 (2026-11-23)`);
    const [file] = readdirSync(notes);
    const saved = readFileSync(join(notes, file ?? ''), 'utf8');
    expect(saved).toContain('## Next steps\n\n- [ ] Send the pilot plan (owner: me; due 2026-11-23)\n- [ ] Name a tester (owner: Their IT lead; due 2026-12-01)');
    expect(saved).toContain('    - Send the pilot plan - me - 2026-11-23');
  });

  it('refuses a step without an owner, or with a due date that is no date, naming the file and line', async () => {
    const dir = tempDir();
    const notes = join(dir, 'notes');
    const answers = join(dir, 'debrief.yaml');
    writeFileSync(answers, `${debriefAnswers}next_steps:\n  - Send the pilot plan - me - whenever\n`);
    const refused = await runCli(['debrief', '--playbook', 'two-questions', '--answers', answers, '--no-input', '-q'], { env: { COACH_NOTES_DIR: notes } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${answers}:7: "next_steps" has an entry "Send the pilot plan - me - whenever": the due date is not a date coach can read (got "whenever")`);
    writeFileSync(answers, `${debriefAnswers}next_steps:\n  - Send the pilot plan\n`);
    const noOwner = await runCli(['debrief', '--playbook', 'two-questions', '--answers', answers, '--no-input', '-q'], { env: { COACH_NOTES_DIR: notes } });
    expect(noOwner.code).toBe(2);
    expect(noOwner.stderr).toContain('"next_steps" has an entry "Send the pilot plan" must be written as what - who - by when');
    expect(() => readdirSync(notes)).toThrow();
  });

  it('reads a said due date typed at the prompt and echoes it', async () => {
    const dir = tempDir();
    const notes = join(dir, 'notes');
    const answers = join(dir, 'debrief.yaml');
    writeFileSync(answers, `${debriefAnswers}title: Pilot\ndate: 2026-11-22\nsignals_read: [Relief]\nagreed: [A pilot]\n`);
    const terminal = new FakeTerminal();
    const run = runCli(['debrief', '--playbook', 'two-questions', '--answers', answers, '--no-review', '-q'], { env: { COACH_NOTES_DIR: notes }, terminal });
    await terminal.answer('What happens next?', 'Send the plan');
    await terminal.waitFor('Write it as what - who - by when');
    terminal.type(' - me - in 3 days');
    terminal.press('enter');
    await terminal.waitFor('= due Wed 25 Nov 2026 (2026-11-25)');
    await terminal.answer('2.', '');
    const result = await run;
    expect(result.code, terminal.text).toBe(0);
    const [file] = readdirSync(notes);
    expect(readFileSync(join(notes, file ?? ''), 'utf8')).toContain('- [ ] Send the plan (owner: me; due 2026-11-25)');
  });
});
