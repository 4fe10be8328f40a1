/**
 * `--date tomorrow`, `date: next tuesday` in an answers file, and a said date typed at the prompt:
 * each is read against today in the Io's clock and zone, echoed, and saved as YYYY-MM-DD.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/playbooks.js';
import { FakeTerminal, runCli, tempDir } from '../helpers/run-cli.js';

const answersFile = repoPath('tests/fixtures/answers/two-questions.yaml');

function setup() {
  const dir = tempDir();
  const notes = join(dir, 'notes');
  return { dir, notes, env: { COACH_NOTES_DIR: notes } };
}

const prep = (extra: string[]) => ['prep', 'two-questions', '--answers', answersFile, '--no-input', '--no-save', ...extra];

// 20:00 UTC on 31 Dec 2026 is already 1 Jan 2027 in Auckland (UTC+13): today there is a new year.
const newYearInAuckland = { now: new Date('2026-12-31T20:00:00Z'), timeZone: 'Pacific/Auckland' };
// 02:00 UTC on 1 Dec 2026 is still 30 Nov in Los Angeles (UTC-8): today there is a month end.
const monthEndInLosAngeles = { now: new Date('2026-12-01T02:00:00Z'), timeZone: 'America/Los_Angeles' };

describe('dates as people say them', () => {
  it.each([
    ['tomorrow', '2027-01-02', 'Sat 2 Jan 2027'],
    ['next tuesday', '2027-01-05', 'Tue 5 Jan 2027'],
    ['in 3 days', '2027-01-04', 'Mon 4 Jan 2027'],
    ['8 Dec', '2027-12-08', 'Wed 8 Dec 2027'],
    ['today', '2027-01-01', 'Fri 1 Jan 2027'],
  ])('--date %s in Auckland on its New Year is %s, echoed on stderr', async (said, date, described) => {
    const { env } = setup();
    const result = await runCli(prep(['--date', said, '--format', 'json']), { env, ...newYearInAuckland });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ date });
    expect(result.stderr).toContain(`coach: --date: "${said}" is ${described} (${date})`);
  });

  it('--date tomorrow at a month end in Los Angeles names the note by the next month', async () => {
    const { notes, env } = setup();
    const result = await runCli(['prep', 'two-questions', '--answers', answersFile, '--no-input', '--date', 'tomorrow'], { env, ...monthEndInLosAngeles });
    expect(result.code).toBe(0);
    expect(readdirSync(notes)).toEqual(['2026-12-01-acme-corp-two-questions-prep.md']);
  });

  it('reads a said date in an answers file and names the file and line when one is refused', async () => {
    const { dir, env } = setup();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, 'customer: Acme\ndate: in 3 days\n');
    const ok = await runCli(['prep', 'two-questions', '--answers', answers, '--no-input', '--no-save', '--format', 'json', '--set', 'need=x', '--set', 'state=calm'], { env, ...monthEndInLosAngeles });
    expect(ok.stderr).toContain(`coach: ${answers}:2: "in 3 days" is Thu 3 Dec 2026 (2026-12-03)`);

    writeFileSync(answers, 'customer: Acme\ndate: 2026-02-30\n');
    const refused = await runCli(['prep', 'two-questions', '--answers', answers, '--no-input', '--no-save'], { env, ...monthEndInLosAngeles });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${answers}:2: "date" is not a date: February 2026 has 28 days (got "2026-02-30")`);
  });

  it('refuses --date with words that are no date, saying what works', async () => {
    const { notes, env } = setup();
    const result = await runCli(prep(['--date', 'someday soon']), { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--date: "date" is not a date coach can read (got "someday soon"); write it as YYYY-MM-DD, or as today, tomorrow');
    expect(() => readdirSync(notes)).toThrow();
  });

  it('reads a said date typed at the prompt, echoes it, and asks again when one is refused', async () => {
    const { notes, env } = setup();
    const terminal = new FakeTerminal();
    const run = runCli(['prep', 'two-questions', '--answers', answersFile, '--no-review'], { env, terminal, ...monthEndInLosAngeles });
    await terminal.answer('Date of the meeting (YYYY-MM-DD or e.g. tomorrow)', 'whenever');
    await terminal.waitFor('is not a date coach can read (got "whenever")');
    await terminal.answer('Date of the meeting', 'next tuesday');
    await terminal.waitFor('= Tue 8 Dec 2026 (2026-12-08)');
    await terminal.answer('What would tell you their need has changed', '');
    await terminal.answer('Which emotional signals', '');
    const result = await run;
    expect(result.code).toBe(0);
    expect(readdirSync(notes)).toEqual(['2026-12-08-acme-corp-two-questions-prep.md']);
  });
});
