/**
 * A note appended to a running notes file reads as a section of the user's document: rendered by a
 * real CommonMark renderer (markdown-it) the file has no front-matter text and one top-level
 * heading, its own; the note saved in the notes directory is still complete.
 */
import { closeSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { spawnCoach } from '../adversarial/helpers.js';
import { repoPath } from '../helpers/playbooks.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

const answers = repoPath('tests/fixtures/answers/two-questions.yaml');
const RUNNING = '# Running notes\n\nWhat I want to remember this quarter.\n';
const markdown = new MarkdownIt();

function setup() {
  const dir = tempDir('coach-append-');
  const notes = join(dir, 'notes');
  const running = join(dir, 'running.md');
  writeFileSync(running, RUNNING);
  return { dir, notes, running, env: { COACH_NOTES_DIR: notes } };
}

const prep = (...extra: string[]): string[] => ['prep', 'two-questions', '--answers', answers, '--no-input', '-q', ...extra];
const count = (html: string, pattern: RegExp): number => html.match(pattern)?.length ?? 0;

/** What a reader of the rendered file would see of the front matter, if any of it were there. */
function expectCleanSection(text: string, notes: number): void {
  const html = markdown.render(text);
  expect(count(html, /<h1>/g), 'one top-level heading: the file\'s own').toBe(1);
  expect(html).toContain('<h1>Running notes</h1>');
  expect(count(html, /<h2>Meeting prep: Acme Corp - Renewal after the outage<\/h2>/g)).toBe(notes);
  for (const data of ['coach: 1', 'kind: prep', 'playbook: two-questions', 'created:', 'answers:']) expect(html).not.toContain(data);
  expect(html).not.toContain('<hr>');
}

describe('appending a note to a running notes file', () => {
  it('--append adds a section with no front matter and headings under the file\'s own, twice over', async () => {
    const { notes, running, env } = setup();
    for (const _ of [1, 2]) expect((await runCli(prep('--append', running), { env })).code).toBe(0);
    const text = readFileSync(running, 'utf8');
    expect(text.startsWith(RUNNING)).toBe(true);
    expectCleanSection(text, 2);
    expect(markdown.render(text)).toContain('<h3>Coaching notes</h3>');
    // The notes directory keeps the whole note, data and all.
    const saved = readdirSync(notes).filter((name) => name.endsWith('.md'));
    expect(saved).toHaveLength(2);
    for (const name of saved) {
      const note = readFileSync(join(notes, name), 'utf8');
      expect(note.startsWith('---\ncoach: 1\n')).toBe(true);
      expect(note).toContain('\n# Meeting prep: Acme Corp - Renewal after the outage\n');
    }
  });

  it('--format note appends the whole note, front matter included, when that is what is wanted', async () => {
    const { running, env } = setup();
    expect((await runCli(prep('--append', running, '--format', 'note'), { env })).code).toBe(0);
    expect(readFileSync(running, 'utf8').startsWith(`${RUNNING}\n---\ncoach: 1\n`)).toBe(true);
  });

  it('refuses --format json with --append before anything is asked or written', async () => {
    const { notes, running, env } = setup();
    const result = await runCli(prep('--append', running, '--format', 'json'), { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('coach: --format json cannot be appended to a notes file; drop --format (the append gets the note as a section) or use --format note\n');
    expect(readFileSync(running, 'utf8')).toBe(RUNNING);
    expect(() => readdirSync(notes)).toThrow();
  });

  it('`>> notes.md` onto a file with text appends a section; `> new.md` gets the whole note', async () => {
    const { dir, running, env } = setup();
    const appendFd = openSync(running, 'a');
    const appended = await spawnCoach(prep('--date', '2026-11-22'), { env, stdio: ['pipe', appendFd, 'pipe'] });
    closeSync(appendFd);
    expect(appended).toMatchObject({ code: 0, stderr: '' });
    const text = readFileSync(running, 'utf8');
    expect(text.startsWith(`${RUNNING}\n## Meeting prep: Acme Corp`)).toBe(true);
    expectCleanSection(text, 1);

    const fresh = join(dir, 'new.md');
    const freshFd = openSync(fresh, 'w');
    const written = await spawnCoach(prep('--date', '2026-11-22'), { env, stdio: ['pipe', freshFd, 'pipe'] });
    closeSync(freshFd);
    expect(written).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(fresh, 'utf8').startsWith('---\ncoach: 1\n')).toBe(true);

    // An explicit --format wins: JSON lines appended to a log stay JSON, with nothing added.
    const log = join(dir, 'log.json');
    writeFileSync(log, '{}\n');
    const logFd = openSync(log, 'a');
    const json = await spawnCoach(prep('--date', '2026-11-22', '--format', 'json'), { env, stdio: ['pipe', logFd, 'pipe'] });
    closeSync(logFd);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(log, 'utf8').startsWith('{}\n{\n')).toBe(true);
  });
});
