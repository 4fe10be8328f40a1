/**
 * `coach followups` lists the unticked boxes of every debrief's Follow-ups and Next steps,
 * overdue first, then by due date; `done <n>` ticks exactly that line, and a box ticked by hand
 * in an editor is gone from the list too. Today is the test clock's 2026-11-22 (UTC).
 */
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Capture, runCli, tempDir } from '../helpers/run-cli.js';

let notes: string;
let answers: string;
const coach = (args: string[]) => runCli(args, { env: { COACH_NOTES_DIR: notes } });

async function debrief(customer: string, steps: string[]): Promise<string> {
  writeFileSync(answers, `customer: ${customer}\nneed_met: "yes"\nhelpful_met: "yes"\nmode_used: listening\nleft_feeling: relieved\nadjustment: none\nnext_steps:\n${steps.map((step) => `  - ${step}\n`).join('')}`);
  const result = await coach(['debrief', '--playbook', 'two-questions', '--answers', answers, '--no-input', '-q']);
  expect(result.code, result.stderr).toBe(0);
  const file = readdirSync(notes).find((name) => name.includes(customer.toLowerCase()));
  if (!file) throw new Error('no debrief saved');
  return file;
}

beforeEach(() => {
  const dir = tempDir();
  notes = join(dir, 'notes');
  answers = join(dir, 'answers.yaml');
});

describe('coach followups', () => {
  it('lists open follow-ups overdue first, then by due date, with customer and note', async () => {
    const acme = await debrief('Acme', ['Send the quote - me - 2026-12-04', 'Call the CFO - Sam - 2026-11-20']);
    await debrief('Globex', ['Book the review - me - 2026-11-25']);
    const result = await coach(['followups', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout) as { number: number; text: string; owner: string; due: string; overdue: boolean; customer: string; note: string }[];
    expect(rows.map((row) => [row.number, row.text, row.owner, row.due, row.overdue, row.customer])).toEqual([
      [1, 'Call the CFO', 'Sam', '2026-11-20', true, 'Acme'],
      [2, 'Book the review', 'me', '2026-11-25', false, 'Globex'],
      [3, 'Send the quote', 'me', '2026-12-04', false, 'Acme'],
    ]);
    expect(rows[0]?.note).toBe(acme.replace(/\.md$/, ''));
    const text = await coach(['followups', '--customer', 'GLOBEX']);
    expect(text.stdout).toBe(`  1  2026-11-25  Book the review (me)  ·  Globex  ·  ${readdirSync(notes).find((name) => name.includes('globex'))?.replace(/\.md$/, '')}\n`);
  });

  it('lines up the text after the overdue and due-date columns, and leaves out a column no follow-up listed has', async () => {
    // A box with no owner or due date, as a person adds one to the note by hand.
    const undated = (file: string, line: string): string => {
      const path = join(notes, file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^(- \[ \] .*)$/m, `$1\n- [ ] ${line}`));
      return file.replace(/\.md$/, '');
    };
    const acme = undated(await debrief('Acme', ['Send the quote - me - 2026-12-04', 'Call the CFO - Sam - 2026-11-20']), 'Ask about the budget');
    expect((await coach(['followups'])).stdout).toBe(
      [
        `  1  overdue 2026-11-20  Call the CFO (Sam)  ·  Acme  ·  ${acme}`,
        `  2          2026-12-04  Send the quote (me)  ·  Acme  ·  ${acme}`,
        `  3                      Ask about the budget  ·  Acme  ·  ${acme}`,
        '',
      ].join('\n'),
    );
    const globex = await debrief('Globex', ['Book the review - me - 2026-11-25']);
    writeFileSync(join(notes, globex), readFileSync(join(notes, globex), 'utf8').replace('- [ ] Book the review (owner: me; due 2026-11-25)', '- [ ] Ask for the budget'));
    expect((await coach(['followups', '--customer', 'globex'])).stdout).toBe(`  1  Ask for the budget  ·  Globex  ·  ${globex.replace(/\.md$/, '')}\n`);
  });

  it('at a terminal wraps each follow-up between words under its own text, with the note\'s id whole', async () => {
    const id = (await debrief('Acme', ['Send the pilot plan with the rollout dates and the risks - me - 2026-12-04'])).replace(/\.md$/, '');
    const stdout = new Capture({ isTTY: true });
    stdout.columns = 66;
    const result = await runCli(['followups'], { env: { COACH_NOTES_DIR: notes }, stdout });
    expect(result.code, result.stderr).toBe(0);
    // Every row within the 66 columns: the customer and the id fit on a row of their own.
    expect(result.stdout).toBe(
      [
        '  1  2026-12-04  Send the pilot plan with the rollout dates and',
        '                 the risks (me)',
        `                 Acme  ·  ${id}`,
        '',
      ].join('\n'),
    );
    expect(result.stdout.split('\n').every((row) => row.length <= 66)).toBe(true);
    // Piped, the same follow-up is one line.
    expect((await coach(['followups'])).stdout).toBe(`  1  2026-12-04  Send the pilot plan with the rollout dates and the risks (me)  ·  Acme  ·  ${id}\n`);
  });

  it('at a terminal too narrow for the customer and the id on one row gives each a row, the id whole', async () => {
    const id = (await debrief('Acme', ['Send the pilot plan - me - 2026-12-04'])).replace(/\.md$/, '');
    const stdout = new Capture({ isTTY: true });
    stdout.columns = 17 + id.length + 2;
    const result = await runCli(['followups'], { env: { COACH_NOTES_DIR: notes }, stdout });
    expect(result.stdout).toBe(['  1  2026-12-04  Send the pilot plan (me)', '                 Acme', `                 ${id}`, ''].join('\n'));
    // Narrower than the id under the text: under the number.
    const narrower = new Capture({ isTTY: true });
    narrower.columns = 5 + id.length;
    expect((await runCli(['followups'], { env: { COACH_NOTES_DIR: notes }, stdout: narrower })).stdout.split('\n').slice(-3)).toEqual(['     Acme', `     ${id}`, '']);
  });

  it('done <n> ticks only that line, atomically; a box ticked by hand leaves the list too', async () => {
    const file = await debrief('Acme', ['Send the quote - me - 2026-12-04', 'Call the CFO - Sam - 2026-11-20']);
    const before = readFileSync(join(notes, file), 'utf8');
    chmodSync(join(notes, file), 0o600);
    const done = await coach(['followups', 'done', '1']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toContain('✔ Ticked "Call the CFO"');
    const after = readFileSync(join(notes, file), 'utf8');
    expect(statSync(join(notes, file)).mode & 0o777).toBe(0o600);
    expect(after).toBe(before.replace('- [ ] Call the CFO (owner: Sam; due 2026-11-20)', '- [x] Call the CFO (owner: Sam; due 2026-11-20)'));

    writeFileSync(join(notes, file), after.replace('- [ ] Send the quote', '- [x] Send the quote'));
    const empty = await coach(['followups', '--json']);
    expect(JSON.parse(empty.stdout)).toEqual([]);
  });

  it('refuses a number it does not list, changing nothing', async () => {
    const file = await debrief('Acme', ['Send the quote - me - 2026-12-04']);
    const before = readFileSync(join(notes, file), 'utf8');
    const result = await coach(['followups', 'done', '7']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('there is no open follow-up 7 (coach followups lists 1); nothing was changed');
    expect((await coach(['followups', 'tick', '1'])).code).toBe(2);
    expect(readFileSync(join(notes, file), 'utf8')).toBe(before);
  });
});
