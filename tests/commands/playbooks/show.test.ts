/** `coach playbooks show`: a playbook as a guide in the terminal, or a Markdown cheat sheet. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath, shippedPlaybook } from '../../helpers/playbooks.js';
import { runCli, tempDir } from '../../helpers/run-cli.js';

const env = (): Record<string, string> => ({ COACH_CONFIG_DIR: tempDir() });

/** Each part appears, after the one before it: the guide follows the playbook's order. */
function expectInOrder(text: string, parts: readonly (string | RegExp)[]): void {
  let from = 0;
  for (const part of parts) {
    const rest = text.slice(from);
    const at = typeof part === 'string' ? rest.indexOf(part) : rest.search(part);
    expect(at, `${String(part)} after offset ${from} in:\n${text}`).toBeGreaterThanOrEqual(0);
    from += at + 1;
  }
}

describe('coach playbooks show', () => {
  it('prints the guide of a playbook by id, fitted to the terminal', async () => {
    const result = await runCli(['playbooks', 'show', 'two-questions'], { env: env() });
    expect(result.code).toBe(0);
    expectInOrder(result.stdout, [
      'The two-question sheet (two-questions)',
      'BEFORE THE MEETING - coach prep two-questions',
      /1\.\s+What do they need from you\?/,
      '[need: text]',
      'What the coach watches for:',
      'Watch out when state is angry:',
      'AFTER THE MEETING - coach debrief two-questions',
    ]);
    expect(result.stdout.split('\n').filter((line) => line.length > 80)).toEqual([]);
  });

  it('prints the Markdown cheat sheet with --markdown, unwrapped for whatever renders it', async () => {
    const file = repoPath('tests/fixtures/playbooks/guide/renewal-call.yaml');
    const result = await runCli(['playbooks', 'show', file, '--markdown'], { env: env() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(repoPath('tests/fixtures/playbooks/guide/renewal-call.cheat-sheet.md'), 'utf8'));
  });

  const shipped = readdirSync(repoPath('playbooks')).filter((name) => name.endsWith('.yaml')).map((name) => name.replace(/\.yaml$/, ''));
  it.each(shipped)('shows every step of the shipped playbook %s', async (id) => {
    const playbook = shippedPlaybook(id);
    const result = await runCli(['playbooks', 'show', id, '--markdown'], { env: env() });
    expect(result.code).toBe(0);
    expectInOrder(result.stdout, [`# ${playbook.title}`, ...playbook.prep.steps.map((_step, s) => `### ${s + 1}. `)]);
  });

  it('keeps an author\'s hard-wrapped paragraph whole, wrapped to the terminal only', async () => {
    const dir = tempDir();
    const file = join(dir, 'hard-wrapped.yaml');
    writeFileSync(
      file,
      [
        'id: hard-wrapped',
        'title: Hard wrapped',
        'summary: Guidance wrapped short in the YAML.',
        'source: coach test fixtures',
        'prep:',
        '  steps:',
        '    - id: only',
        '      title: The only step',
        '      guidance: |-',
        '        Start from the customer side of the table and',
        '        say what they need in one sentence before you',
        '        plan anything at all.',
        '',
        '        - a list item stays on',
        '          its own line',
        '      questions:',
        '        - { id: need, type: text, prompt: What do they need? }',
        '',
      ].join('\n'),
    );
    const result = await runCli(['playbooks', 'show', file], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      '\n   Start from the customer side of the table and say what they need in one\n   sentence before you plan anything at all.\n\n   - a list item stays on its own line\n',
    );
  });

  it('shows a playbook given by path', async () => {
    const result = await runCli(['playbooks', 'show', repoPath('tests/fixtures/playbooks/valid/minimal.yaml')], { env: env() });
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('Minimal (minimal)\n')).toBe(true);
  });

  it('names the closest id when the playbook does not exist (exit 2)', async () => {
    const result = await runCli(['playbooks', 'show', 'two-question'], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no playbook "two-question" (did you mean "two-questions"?)');
  });

  it('reports an invalid playbook with file:line:col (exit 3)', async () => {
    const file = 'tests/fixtures/playbooks/broken/missing-keys.yaml';
    const result = await runCli(['playbooks', 'show', file], { env: env(), cwd: repoPath('.') });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`${repoPath(file)}:2:1: missing required key "summary"`);
  });

  it('never lets a playbook send escape sequences to the terminal', async () => {
    const dir = tempDir();
    const text = [
      'id: sneaky',
      'title: "Sneaky\\e[2J\\e]0;owned\\a"',
      'summary: "Moves the cursor\\e[H"',
      'source: a stranger',
      'prep:',
      '  steps:',
      '    - id: only',
      '      title: "Step\\u202e reversed"',
      '      questions:',
      '        - { id: need, type: text, prompt: "Need?\\e[31m" }',
    ].join('\n');
    writeFileSync(join(dir, 'sneaky.yaml'), text);
    for (const extra of [[], ['--markdown']]) {
      const result = await runCli(['playbooks', 'show', join(dir, 'sneaky.yaml'), ...extra], { env: env() });
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
      expect(result.stdout).toContain('Sneaky');
    }
  });
});
