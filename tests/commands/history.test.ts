import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Capture, runCli, tempDir } from '../helpers/run-cli.js';
import { writeNote } from '../helpers/notes.js';

let notes: string;
const history = (...args: string[]) => runCli(['history', ...args], { env: { COACH_NOTES_DIR: notes } });
const ids = (stdout: string): string[] => stdout.trim().split('\n').filter((line) => line !== '').map((line) => line.split(/\s+/).at(-1) ?? '');

beforeEach(() => {
  notes = tempDir();
  writeNote(notes, '2026-11-20-acme-corp-two-questions-prep', { customer: 'Acme Corp', title: 'Renewal: Q3', playbook: 'two-questions', date: '2026-11-20', created: '2026-11-19T10:00:00.000Z' });
  writeNote(notes, '2026-11-20-acme-corp-two-questions-debrief', { kind: 'debrief', customer: 'Acme Corp', title: 'Renewal: Q3', playbook: 'two-questions', date: '2026-11-20', created: '2026-11-20T17:00:00.000Z', prep: '2026-11-20-acme-corp-two-questions-prep' });
  writeNote(notes, '2026-11-25-globex-take-the-stick-prep', { customer: 'Globex', playbook: 'take-the-stick', date: '2026-11-25' });
  writeNote(notes, '2025-06-01-acme-labs-turn-around-prep', { customer: 'ACME Labs', title: 'Escalation', playbook: 'turn-around', date: '2025-06-01' });
  writeNote(notes, '2026-01-10-initech-two-questions-debrief', { kind: 'debrief', customer: 'Initech', playbook: 'two-questions', date: '2026-01-10' });
});

describe('coach history', () => {
  it('lists every session newest first, a line each, with whether a prep has its debrief', async () => {
    const result = await history();
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual([
      '2026-11-25  prep     Globex                  take-the-stick  no debrief  2026-11-25-globex-take-the-stick-prep',
      '2026-11-20  debrief  Acme Corp  Renewal: Q3  two-questions               2026-11-20-acme-corp-two-questions-debrief',
      '2026-11-20  prep     Acme Corp  Renewal: Q3  two-questions   debriefed   2026-11-20-acme-corp-two-questions-prep',
      '2026-01-10  debrief  Initech                 two-questions   no prep     2026-01-10-initech-two-questions-debrief',
      '2025-06-01  prep     ACME Labs  Escalation   turn-around     no debrief  2025-06-01-acme-labs-turn-around-prep',
      '',
    ]);
  });

  it('at a terminal too narrow for a row puts the note\'s id whole on a row of its own; one wide enough keeps a row each', async () => {
    const at = async (columns: number): Promise<string[]> => {
      const stdout = new Capture({ isTTY: true });
      stdout.columns = columns;
      return (await runCli(['history', '--limit', '2'], { env: { COACH_NOTES_DIR: notes }, stdout })).stdout.split('\n');
    };
    expect(await at(80)).toEqual([
      '2026-11-25  prep     Globex                  take-the-stick  no debrief',
      '            2026-11-25-globex-take-the-stick-prep',
      '2026-11-20  debrief  Acme Corp  Renewal: Q3  two-questions',
      '            2026-11-20-acme-corp-two-questions-debrief',
      '',
    ]);
    // Narrower, the title gives way first: cut with "…", then left out, so the columns still fit.
    expect(await at(70)).toEqual([
      '2026-11-25  prep     Globex                 take-the-stick  no debrief',
      '            2026-11-25-globex-take-the-stick-prep',
      '2026-11-20  debrief  Acme Corp  Renewal: …  two-questions',
      '            2026-11-20-acme-corp-two-questions-debrief',
      '',
    ]);
    expect((await at(60))[2]).toBe('2026-11-20  debrief  Acme Corp  two-questions');
    expect(await at(140)).toEqual([
      '2026-11-25  prep     Globex                  take-the-stick  no debrief  2026-11-25-globex-take-the-stick-prep',
      '2026-11-20  debrief  Acme Corp  Renewal: Q3  two-questions               2026-11-20-acme-corp-two-questions-debrief',
      '',
    ]);
  });

  it.each([
    [['--customer', 'acme'], ['2026-11-20-acme-corp-two-questions-debrief', '2026-11-20-acme-corp-two-questions-prep', '2025-06-01-acme-labs-turn-around-prep']],
    [['--playbook', 'two-questions'], ['2026-11-20-acme-corp-two-questions-debrief', '2026-11-20-acme-corp-two-questions-prep', '2026-01-10-initech-two-questions-debrief']],
    [['--kind', 'debrief'], ['2026-11-20-acme-corp-two-questions-debrief', '2026-01-10-initech-two-questions-debrief']],
    [['--since', '2026-01-10'], ['2026-11-25-globex-take-the-stick-prep', '2026-11-20-acme-corp-two-questions-debrief', '2026-11-20-acme-corp-two-questions-prep', '2026-01-10-initech-two-questions-debrief']],
    [['--open'], ['2026-11-25-globex-take-the-stick-prep', '2025-06-01-acme-labs-turn-around-prep']],
    [['--limit', '2'], ['2026-11-25-globex-take-the-stick-prep', '2026-11-20-acme-corp-two-questions-debrief']],
    [['--customer', 'ACME', '--kind', 'prep', '--limit', '1'], ['2026-11-20-acme-corp-two-questions-prep']],
  ])('filters with %j', async (args, expected) => {
    const result = await history(...args);
    expect(result.code).toBe(0);
    expect(ids(result.stdout)).toEqual(expected);
  });

  it('prints JSON for other tools, every key on every object', async () => {
    const result = await history('--json', '--customer', 'acme corp');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        id: '2026-11-20-acme-corp-two-questions-debrief',
        path: join(notes, '2026-11-20-acme-corp-two-questions-debrief.md'),
        kind: 'debrief',
        playbook: 'two-questions',
        customer: 'Acme Corp',
        title: 'Renewal: Q3',
        date: '2026-11-20',
        created: '2026-11-20T17:00:00.000Z',
        prep: '2026-11-20-acme-corp-two-questions-prep',
        debrief: null,
      },
      {
        id: '2026-11-20-acme-corp-two-questions-prep',
        path: join(notes, '2026-11-20-acme-corp-two-questions-prep.md'),
        kind: 'prep',
        playbook: 'two-questions',
        customer: 'Acme Corp',
        title: 'Renewal: Q3',
        date: '2026-11-20',
        created: '2026-11-19T10:00:00.000Z',
        prep: null,
        debrief: '2026-11-20-acme-corp-two-questions-debrief',
      },
    ]);
  });

  it('prints an empty JSON array, and a hint on stderr, when nothing matches', async () => {
    expect((await history('--json', '--customer', 'nobody')).stdout).toBe('[]\n');
    const text = await history('--customer', 'nobody');
    expect(text.stdout).toBe('');
    expect(text.stderr).toBe('No saved sessions match.\n');
  });

  it('says how to start in an empty notes directory', async () => {
    notes = join(tempDir(), 'none-yet');
    const result = await history();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('start with: coach prep');
  });

  it('skips foreign and broken files with one warning each, and still lists the rest', async () => {
    writeFileSync(join(notes, 'README.md'), '# My meeting notes\n');
    writeFileSync(join(notes, 'broken.md'), '---\nkind: prep\nplaybook: [\n---\n');
    writeFileSync(join(notes, 'todo.txt'), 'not Markdown, not looked at');
    const result = await history('--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(5);
    expect(result.stderr.trim().split('\n')).toEqual([
      `coach: warning: skipped ${join(notes, 'README.md')}: it has no front matter`,
      expect.stringMatching(new RegExp(`^coach: warning: skipped ${join(notes, 'broken.md').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: its front matter is not valid YAML`)),
    ]);
  });

  it('lists a hand-edited note: unquoted values, reordered keys, comments, a number for a customer', async () => {
    writeFileSync(
      join(notes, 'edited.md'),
      '---\n# fixed the date by hand\nanswers:\n  need: a date\ndate: 2026-12-01\ncustomer: 1984\nkind: prep\nplaybook: two-questions # was turn-around\n---\nBody.\n',
    );
    const result = await history('--limit', '1');
    expect(result.stdout).toBe('2026-12-01  prep     1984  two-questions  no debrief  edited\n');
  });

  it('keeps escape sequences in a synced note from reaching the terminal', async () => {
    writeNote(notes, 'sneaky', { customer: 'Evil\u001b[2J Corp', date: '2027-01-01' });
    const result = await history('--limit', '1');
    expect(result.stdout).toBe('2027-01-01  prep     Evil Corp  meeting-check  no debrief  sneaky\n');
  });

  it('refuses a malformed filter', async () => {
    const since = await history('--since', '2026-13-01');
    expect(since.code).toBe(2);
    expect(since.stderr).toContain("coach: option '--since <YYYY-MM-DD>' argument '2026-13-01' is invalid. There is no month 13.");
    const leap = await history('--since', '2026-02-29');
    expect(leap.code).toBe(2);
    expect(leap.stderr).toContain('February 2026 has 28 days.');
    expect((await history('--since', 'last week')).stderr).toContain('expected a date as YYYY-MM-DD');
    expect((await history('--limit', '0')).code).toBe(2);
    expect((await history('--kind', 'meeting')).code).toBe(2);
  });

  it('reports a notes directory that is not a directory', async () => {
    notes = join(notes, 'README.md');
    writeFileSync(notes, '# not a directory\n');
    const result = await history();
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`coach: ${notes}: cannot read the notes directory: a part of the path is not a directory\n`);
  });

  it('prints a long list as one JSON document, across the chunks it is written in', async () => {
    for (let i = 0; i < 1_203; i++) writeNote(notes, `2024-01-01-bulk-${String(i).padStart(4, '0')}-prep`, { customer: `Bulk ${i}`, title: 'a "quoted"\ntitle', date: '2024-01-01' });
    const result = await history('--json');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as unknown[];
    expect(parsed).toHaveLength(1_208);
    expect(result.stdout).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
  });
});
