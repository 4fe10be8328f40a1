/**
 * A file or directory option followed by another option: commander gives a required value the next
 * word whatever it is, so `-o --no-input` named a file "--no-input". Such a value is refused with
 * a usage error before anything runs; "-" (stdin, stdout) and ./-name still work.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/playbooks.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

const ANSWERS = repoPath('tests/fixtures/answers/two-questions.yaml');

function setup() {
  const cwd = tempDir();
  const notes = join(cwd, 'notes');
  return { cwd, notes, run: (args: string[], stdin?: string) => runCli(args, { cwd, env: { COACH_NOTES_DIR: notes }, stdin }) };
}

describe('a path option given an option as its value', () => {
  it('is refused before the session runs, writing no file and no note', async () => {
    const { cwd, notes, run } = setup();
    const result = await run(['prep', 'two-questions', '--answers', ANSWERS, '-o', '--no-input']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('coach: --out needs a file and got "--no-input", which looks like an option; for a name that starts with "-", write ./--no-input\n');
    expect(readdirSync(cwd)).toEqual([]);
    expect(existsSync(notes)).toBe(false);
  });

  it('names the option for a PDF, a directory, and a repeated directory', async () => {
    const { run } = setup();
    expect((await run(['card', '--pdf', '-o', 'card.pdf'])).stderr).toContain('coach: --pdf needs a file and got "-o"');
    expect((await run(['history', '--notes-dir', '-x'])).stderr).toContain('coach: --notes-dir needs a directory and got "-x"');
    const repeated = await run(['playbooks', 'list', '--playbooks', '.', '--playbooks', '--json']);
    expect(repeated.code).toBe(2);
    expect(repeated.stderr).toContain('coach: --playbooks needs a directory and got "--json"');
  });

  it('still takes "-" for stdin and stdout, and a name that starts with a dash written as ./-name', async () => {
    const { cwd, run } = setup();
    const piped = await run(['prep', 'two-questions', '--answers', '-', '--no-input', '--no-save', '-q', '-o', '-'], readFileSync(ANSWERS, 'utf8'));
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toMatch(/^---\ncoach: 1\nkind: prep\n/);
    const dashed = await run(['prep', 'two-questions', '--answers', ANSWERS, '--no-input', '--no-save', '-q', '-o', './-note.md']);
    expect(dashed.code, dashed.stderr).toBe(0);
    expect(readFileSync(join(cwd, '-note.md'), 'utf8')).toMatch(/^---\ncoach: 1\nkind: prep\n/);
  });
});
