import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Capture, runCli, tempDir } from '../helpers/run-cli.js';
import { writeNote } from '../helpers/notes.js';

let notes: string;
const show = (args: string[], stdoutIsTTY = false) => runCli(['show', ...args], { env: { COACH_NOTES_DIR: notes }, stdoutIsTTY });
const ID = '2026-11-20-acme-corp-two-questions-prep';

beforeEach(() => {
  notes = tempDir();
  writeNote(notes, ID, { customer: 'Acme Corp', playbook: 'two-questions', date: '2026-11-20' }, 'answers:\n  need: a firm date\n', '\n# Meeting prep: Acme Corp\n\nThe body.\n');
});

describe('coach show', () => {
  it('prints a saved note to read: its Markdown, without the front matter, by id or by path', async () => {
    const byId = await show([ID]);
    expect(byId.code).toBe(0);
    expect(byId.stdout).toBe('# Meeting prep: Acme Corp\n\nThe body.\n');
    expect((await runCli(['show', join(notes, `${ID}.md`)])).stdout).toBe(byId.stdout);
    expect((await show([`${ID}.md`])).stdout).toBe(byId.stdout);
  });

  it('at a terminal wraps a line too long for it between words, a list item under its words; piped and --raw, the lines are the file\'s', async () => {
    const paragraph = 'Two questions, written down and carried into the room, keep your attention on the customer.';
    const item = '- Talk to at least two more people at the customer who use or depend on the system';
    writeNote(notes, ID, { customer: 'Acme Corp', playbook: 'two-questions', date: '2026-11-20' }, '', `\n# Prep\n\n${paragraph}\n\n${item}\n\n**Short:**  kept  as  it  is\n`);
    const stdout = new Capture({ isTTY: true });
    stdout.columns = 40;
    const shown = (await runCli(['show', ID], { env: { COACH_NOTES_DIR: notes }, stdout })).stdout;
    expect(shown).toBe(
      [
        '# Prep',
        '',
        'Two questions, written down and carried',
        'into the room, keep your attention on',
        'the customer.',
        '',
        '- Talk to at least two more people at',
        '  the customer who use or depend on the',
        '  system',
        '',
        '**Short:**  kept  as  it  is',
        '',
      ].join('\n'),
    );
    expect((await show([ID])).stdout).toContain(`${paragraph}\n\n${item}\n`);
    const raw = new Capture({ isTTY: true });
    raw.columns = 40;
    expect((await runCli(['show', ID, '--raw'], { env: { COACH_NOTES_DIR: notes }, stdout: raw })).stdout).toContain(`${paragraph}\n`);
  });

  it('prints the note exactly as it is on disk with --raw', async () => {
    const onDisk = readFileSync(join(notes, `${ID}.md`), 'utf8');
    const raw = await show([ID, '--raw']);
    expect(raw.code).toBe(0);
    expect(raw.stdout).toBe(onDisk);
    expect(raw.stdout).toMatch(/^---\n/);
  });

  it('prints the note data as JSON', async () => {
    const result = await show([ID, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      id: ID,
      path: join(notes, `${ID}.md`),
      coach: 1,
      kind: 'prep',
      playbook: 'two-questions',
      customer: 'Acme Corp',
      date: '2026-11-20',
      answers: { need: 'a firm date' },
    });
  });

  it('suggests the nearest id and coach history when the session is not found', async () => {
    const result = await show([ID.replace('corp', 'crop')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `coach: no saved session "${ID.replace('corp', 'crop')}" in ${notes} (did you mean "${ID}"?); run \`coach history\` to see the saved sessions and their ids\n`,
    );
  });

  it('looks for a path where it points, and says so when nothing is there', async () => {
    const cwd = tempDir();
    const result = await runCli(['show', `./${ID.replace('corp', 'crop')}.md`], { cwd, env: { COACH_NOTES_DIR: notes } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `coach: no note at ${join(cwd, `${ID.replace('corp', 'crop')}.md`)} (did you mean "${ID}"?); run \`coach history\` to see the saved sessions and their ids\n`,
    );
  });

  it('refuses a file that is not a coach note', async () => {
    writeFileSync(join(notes, 'README.md'), '# My notes\n');
    const result = await show(['README']);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('README.md: cannot use this note: it has no front matter');
  });

  it('reports where the front matter is broken, as history does, with or without --json', async () => {
    writeNote(notes, 'edited', {}, 'answers:\n  need: "unterminated\n');
    for (const args of [['edited'], ['edited', '--raw'], ['edited', '--json']]) {
      const result = await show(args);
      expect(result.code).toBe(4);
      expect(result.stderr).toMatch(/edited\.md: cannot use this note: its front matter is not valid YAML \(line \d+: Missing closing "quote\)/);
    }
    const history = await runCli(['history'], { env: { COACH_NOTES_DIR: notes } });
    expect(history.stderr).toMatch(/warning: skipped .*edited\.md: its front matter is not valid YAML \(line \d+: /);
  });

  it('keeps escape sequences in a note from driving the terminal, but not from a pipe', async () => {
    writeNote(notes, 'sneaky', { customer: 'Evil' }, '', '\nText\u001b]0;pwned\u0007 here.\n');
    expect((await show(['sneaky'], true)).stdout).toBe('Text here.\n');
    expect((await show(['sneaky'])).stdout).toBe('Text\u001b]0;pwned\u0007 here.\n');
    expect((await show(['sneaky', '--raw'], true)).stdout).toContain('\nText here.\n');
  });
});
