/**
 * Whatever coach saves, coach can read back: a long answer (under the 1 MiB limit on answers
 * files) makes a note of more than 1 MiB, and show, card, debrief and history still read it. A
 * note too large to read back is refused before anything is written, naming the answer to shorten.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { repoPath } from '../helpers/playbooks.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

const NOTE_ID = '2026-11-22-acme-corp-two-questions-prep';
const fixture = readFileSync(repoPath('tests/fixtures/answers/two-questions.yaml'), 'utf8');

function setup() {
  const dir = tempDir();
  const notes = join(dir, 'notes');
  return { dir, notes, env: { COACH_NOTES_DIR: notes } };
}

describe('a note made from a 600 KB answer', () => {
  it('is saved (over 1 MiB) and read back by show, show --json, card, debrief and history', async () => {
    const { dir, notes, env } = setup();
    const need = 'a firm date for the fix. '.repeat(25_000).trim();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, fixture.replace('need: a firm date for the fix', `need: ${need}`));
    expect(statSync(answers).size).toBeLessThan(1024 * 1024);

    const saved = await runCli(['prep', 'two-questions', '--answers', answers, '--no-input', '-q'], { env });
    expect(saved.code, saved.stderr).toBe(0);
    const path = join(notes, `${NOTE_ID}.md`);
    expect(statSync(path).size).toBeGreaterThan(1024 * 1024);

    const shown = await runCli(['show', NOTE_ID, '--raw'], { env });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toBe(readFileSync(path, 'utf8'));
    const json = await runCli(['show', NOTE_ID, '--json'], { env });
    expect(json.code, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout) as { answers: { need: string } }).answers.need).toBe(need);

    const card = await runCli(['card', NOTE_ID, '--markdown'], { env });
    expect(card.code, card.stderr).toBe(0);
    expect(card.stdout).toContain('Acme Corp');

    const debrief = await runCli(
      ['debrief', NOTE_ID, '--no-input', '-q', '--no-save', '--format', 'json', '--set', 'need_met=yes', '--set', 'helpful_met=yes', '--set', 'mode_used=listening', '--set', 'left_feeling=relieved', '--set', 'adjustment=none'],
      { env },
    );
    expect(debrief.stderr).not.toContain('larger than');
    expect(debrief.code, debrief.stderr).toBe(0);
    expect(JSON.parse(debrief.stdout)).toMatchObject({ kind: 'debrief', prep: NOTE_ID });

    const history = await runCli(['history', '--json'], { env });
    expect(history.code, history.stderr).toBe(0);
    expect(history.stderr).toBe('');
    expect(history.stdout).toContain(NOTE_ID);
  });
});

describe('a note too large to read back', () => {
  it('is refused before anything is written, naming the answer to shorten (exit 2)', async () => {
    const { dir, notes, env } = setup();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, fixture);
    const huge = 'x'.repeat(1_200_000);
    const out = join(dir, 'out.md');
    const result = await runCli(['prep', 'two-questions', '--answers', answers, '--set', `helpful=${huge}`, '--no-input', '-q', '-o', out], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'coach: cannot save this note: its front matter would be 1.1 MiB, over the 1 MiB coach can read back; the longest answer is "helpful" (1.1 MiB); shorten it, or pass --no-save to get the note on stdout only\n',
    );
    expect(existsSync(out)).toBe(false);
    expect(existsSync(notes) ? readdirSync(notes) : []).toEqual([]);
  });

  it('still goes to stdout with --no-save, where coach does not have to read it back', async () => {
    const { dir, env } = setup();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, fixture);
    const result = await runCli(['prep', 'two-questions', '--answers', answers, '--set', `helpful=${'x'.repeat(1_200_000)}`, '--no-input', '-q', '--no-save'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(parseFrontMatter(result.stdout)?.['customer']).toBe('Acme Corp');
  });
});
