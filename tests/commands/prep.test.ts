import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { repoPath } from '../helpers/playbooks.js';
import { FakeTerminal, runCli, tempDir } from '../helpers/run-cli.js';

const answersFile = repoPath('tests/fixtures/answers/two-questions.yaml');
const noteName = '2026-11-22-acme-corp-two-questions-prep.md';

function setup() {
  const dir = tempDir();
  const notes = join(dir, 'notes');
  return { dir, notes, env: { COACH_NOTES_DIR: notes } };
}

const prep = (extra: string[] = []) => ['prep', 'two-questions', '--answers', answersFile, '--no-input', ...extra];

describe('coach prep, non-interactive', () => {
  it('saves the note in the notes directory and sends the Markdown to a piped stdout', async () => {
    const { notes, env } = setup();
    const result = await runCli(prep(), { env });
    expect(result.code).toBe(0);
    expect(readdirSync(notes)).toEqual([noteName]);
    const saved = readFileSync(join(notes, noteName), 'utf8');
    expect(result.stdout).toBe(saved);
    const data = parseFrontMatter(saved);
    expect(data).toMatchObject({ coach: 1, kind: 'prep', playbook: 'two-questions', customer: 'Acme Corp', title: 'Renewal after the outage', date: '2026-11-22', created: '2026-11-22T09:30:00.000Z' });
    expect(data?.['answers']).toMatchObject({ need: 'a firm date for the fix', state: 'angry', time_cleared: true });
    expect(saved).toContain('## Coaching notes');
    expect(saved).toContain('- [ ] Let them vent without interrupting or correcting');
    expect(result.stderr).toContain(`Saved ${join(notes, noteName)}`);
  });

  it('keeps stdout empty when it is a terminal and the note is saved', async () => {
    const { env } = setup();
    const result = await runCli(prep(), { env, stdoutIsTTY: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('prints the note to a terminal when --no-save leaves nowhere else to keep it', async () => {
    const { notes, env } = setup();
    const result = await runCli(prep(['--no-save']), { env, stdoutIsTTY: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# Meeting prep: Acme Corp - Renewal after the outage');
    expect(existsSync(notes)).toBe(false);
  });

  it('never overwrites a note of the same name: the second gets a -2 suffix', async () => {
    const { notes, env } = setup();
    await runCli(prep(), { env });
    await runCli(prep(['--title', 'Second meeting']), { env });
    expect(readdirSync(notes).sort()).toEqual([noteName.replace('.md', '-2.md'), noteName]);
    expect(readFileSync(join(notes, noteName), 'utf8')).toContain('Renewal after the outage');
  });

  it('--set, --customer and --date override the answers file', async () => {
    const { notes, env } = setup();
    const result = await runCli(prep(['--set', 'need=a call back', '--customer', 'Globex', '--date', '2026-12-01']), { env });
    expect(result.code).toBe(0);
    const data = parseFrontMatter(readFileSync(join(notes, '2026-12-01-globex-two-questions-prep.md'), 'utf8'));
    expect(data).toMatchObject({ customer: 'Globex', date: '2026-12-01', answers: { need: 'a call back' } });
  });

  it('--format json gives the note data on stdout', async () => {
    const { env } = setup();
    const result = await runCli(prep(['--format', 'json']), { env });
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data).toMatchObject({ kind: 'prep', customer: 'Acme Corp', answers: { mode: 'listening' } });
    expect(data.flags.map((flag: { id: string }) => flag.id)).toContain('angry-customer');
    expect(data.scores[0]).toMatchObject({ id: 'readiness', title: 'Readiness' });
  });

  it('reads answers from stdin with --answers -', async () => {
    const { env } = setup();
    const result = await runCli(['prep', 'two-questions', '--answers', '-', '--no-save'], { env, stdin: readFileSync(answersFile, 'utf8') });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('a firm date for the fix');
  });

  it('-o writes a file and refuses to replace one without --force, leaving it untouched', async () => {
    const { dir, env } = setup();
    const out = join(dir, 'meeting.md');
    writeFileSync(out, 'my own notes\n');
    const refused = await runCli(prep(['-o', out]), { env, cwd: dir });
    expect(refused.code).toBe(4);
    expect(refused.stderr).toBe(`coach: ${out}: already exists; add --force to replace it, or choose another file\n`);
    expect(readFileSync(out, 'utf8')).toBe('my own notes\n');
    const forced = await runCli(prep(['-o', out, '--force']), { env, cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('# Meeting prep: Acme Corp');
  });

  it('--append adds the note as a section after what a running notes file already has', async () => {
    const { dir, env } = setup();
    const journal = join(dir, 'journal.md');
    writeFileSync(journal, '# My journal\n');
    expect((await runCli(prep(['--append', journal]), { env })).code).toBe(0);
    const text = readFileSync(journal, 'utf8');
    expect(text.startsWith('# My journal\n\n## Meeting prep: Acme Corp - Renewal after the outage\n')).toBe(true);
  });

  it('--append - writes the note to stdout (once) as a section for a running file, even on a terminal', async () => {
    const { dir, env } = setup();
    const result = await runCli(prep(['--append', '-']), { env, cwd: dir, stdoutIsTTY: true });
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('## Meeting prep: Acme Corp - Renewal after the outage\n')).toBe(true);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it.each([
    ['-o -', ['-o', '-']],
    ['--out - --force', ['--out', '-', '--force']],
    ['--append - --format note', ['--append', '-', '--format', 'note']],
    ['-o - --append -', ['-o', '-', '--append', '-']],
  ])('%s writes the note to stdout (once), even on a terminal, and creates no file named "-"', async (_name, flags) => {
    const { dir, notes, env } = setup();
    const result = await runCli(prep(flags), { env, cwd: dir, stdoutIsTTY: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(notes, noteName), 'utf8'));
    expect(existsSync(join(dir, '-'))).toBe(false);
    expect(existsSync(join(dir, '-.lock'))).toBe(false);
    expect(result.stderr).not.toMatch(/Written|Appended/);
  });

  it('-o - with --no-save and --answers - : answers from stdin, the note to stdout, no file at all', async () => {
    const { dir, notes, env } = setup();
    const answers = readFileSync(answersFile, 'utf8');
    const result = await runCli(['prep', 'two-questions', '--answers', '-', '--no-input', '--no-save', '-o', '-'], { env, cwd: dir, stdin: answers, stdoutIsTTY: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# Meeting prep: Acme Corp - Renewal after the outage');
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(notes)).toBe(false);
  });

  it('writes a file really named "-" when asked for ./-', async () => {
    const { dir, env } = setup();
    const result = await runCli(prep(['-o', './-']), { env, cwd: dir });
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, '-'), 'utf8')).toContain('# Meeting prep: Acme Corp');
  });
});

describe('coach prep, failures', () => {
  it('lists every missing required answer in one line and exits 2, saving nothing', async () => {
    const { notes, env } = setup();
    const result = await runCli(['prep', 'two-questions', '--no-input', '--customer', 'Acme'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'coach: 5 required answers are missing for two-questions: need, state, helpful, mode, reassurance. Give them with --answers FILE or --set id=value, or run coach in a terminal to be asked.\n',
    );
    expect(existsSync(notes)).toBe(false);
  });

  it('fails at once, without reading stdin, when stdin is not a terminal', async () => {
    const { env } = setup();
    const result = await runCli(['prep', 'two-questions'], { env, stdin: 'stray input\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('required answers are missing for two-questions: customer, need');
  });

  it('asks for a playbook name when there is no terminal to pick one', async () => {
    const result = await runCli(['prep'], { env: setup().env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^coach: name a playbook: coach prep <playbook> \(available: .*two-questions.*\)\n$/);
  });

  it('suggests the nearest playbook id for a typo', async () => {
    const result = await runCli(['prep', 'two-question', '--no-input'], { env: setup().env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^coach: no playbook "two-question" \(did you mean "two-questions"\?\)/);
  });

  it('names the answers file, the line and the nearest id for an unknown question', async () => {
    const { dir, env } = setup();
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, 'customer: Acme\nnedd: a date\nstate: angy\n');
    const result = await runCli(['prep', 'two-questions', '--answers', file, '--no-input'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `coach: ${file}:2: unknown question "nedd" (did you mean "need"?); see \`coach playbooks show\` for the ids\n` +
        `coach: ${file}:3: "state" must be one of: calm, stressed, frustrated, angry, worried, disappointed (got "angy")\n`,
    );
  });

  it('reports a missing answers file with exit 4', async () => {
    const { dir, env } = setup();
    const result = await runCli(['prep', 'two-questions', '--answers', join(dir, 'nope.yaml'), '--no-input'], { env });
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`coach: ${join(dir, 'nope.yaml')}: cannot read the answers file: no such file or directory\n`);
  });

  it('reports an invalid playbook file as file:line:col with exit 3', async () => {
    const { dir, env } = setup();
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, 'id: mine\ntitle: Mine\nsummary: s\nsource: me\nprep:\n  steps:\n    - id: a\n      title: A\n      questions:\n        - { id: q, type: txt, prompt: Q? }\n');
    const result = await runCli(['prep', file, '--no-input'], { env });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`${file}:10:26: prep.steps[0].questions[0].type: must be one of: text, long, confirm, select, multi, number, scale, list, date (got "txt"); did you mean "text"?`);
  });

  it('rejects an unknown option with exit 2', async () => {
    const result = await runCli(['prep', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("coach: unknown option '--bogus'");
  });

  it('prints help and the version with exit 0', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: coach');
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('coach prep, interactive', () => {
  it('asks only what the answers file left out', async () => {
    const { dir, notes, env } = setup();
    const partial = join(dir, 'partial.yaml');
    writeFileSync(partial, readFileSync(answersFile, 'utf8').replace(/^need: .*\n/m, '').replace(/^reassurance: .*\n/m, ''));
    const terminal = new FakeTerminal();
    const done = runCli(['prep', 'two-questions', '--answers', partial], { terminal, env });
    await terminal.answer('Date of the meeting', '');
    await terminal.answer('? What do they need from me in this meeting?', 'a credit note');
    await terminal.answer('What would tell you their need has changed', '');
    await terminal.answer('Which emotional signals', '');
    await terminal.answer('How will you reassure them', 'we fixed it for two other sites');
    await terminal.save();
    const result = await done;
    expect(result.code).toBe(0);
    expect(terminal.text).not.toContain('✔ Who is the customer?');
    expect(terminal.text).toContain('Step 1 of 4 - What do they need from you?');
    const data = parseFrontMatter(readFileSync(join(notes, noteName), 'utf8'));
    expect(data?.['answers']).toMatchObject({ need: 'a credit note', reassurance: 'we fixed it for two other sites', state: 'angry' });
  });

  it('Ctrl-C exits 130 and writes no note', async () => {
    const { notes, env } = setup();
    const terminal = new FakeTerminal();
    const done = runCli(['prep', 'two-questions'], { terminal, env });
    await terminal.answer('Who is the customer?', 'Acme');
    await terminal.waitFor('What is the meeting?');
    terminal.press('c', { ctrl: true });
    const result = await done;
    expect(result.code).toBe(130);
    expect(existsSync(join(notes, noteName))).toBe(false);
  });

  it('with no playbook named, asks about the situation and preselects the recommended method', async () => {
    const { env } = setup();
    const terminal = new FakeTerminal();
    const done = runCli(['prep', '--no-save'], { terminal, env });
    await terminal.answer('let this account down', 'n');
    await terminal.answer('upset or angry with you right now', 'n');
    await terminal.answer('wrong about something', 'n');
    await terminal.answer('stuck in negativity', 'n');
    await terminal.waitFor('Recommended: two-questions - a routine meeting');
    await terminal.waitFor('Which playbook fits this meeting?');
    expect(terminal.text).toContain('The two-question sheet (recommended)');
    terminal.press('enter');
    await terminal.waitFor('Who is the customer?');
    expect(terminal.text).toContain('The two-question sheet\n');
    terminal.press('c', { ctrl: true });
    expect((await done).code).toBe(130);
  });
});
