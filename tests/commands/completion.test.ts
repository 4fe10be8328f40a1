import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/playbooks.js';
import { KEYS, PtySession } from '../helpers/pty.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

function notesWithOneSession(): string {
  const notes = tempDir();
  writeFileSync(join(notes, '2026-11-20-acme-two-questions-prep.md'), '---\ncoach: 1\n---\n');
  return notes;
}

describe('coach __complete', () => {
  it('completes command names at the top level', async () => {
    const result = await runCli(['__complete', '']);
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual(expect.arrayContaining(['prep', 'completion']));
    expect(result.stdout).not.toContain('__complete');
  });

  it("completes a command's options, read off the program itself", async () => {
    const result = await runCli(['__complete', 'prep', '--']);
    expect(lines(result.stdout)).toEqual(expect.arrayContaining(['--answers', '--no-input', '--notes-dir', '--no-color', '--help']));
  });

  it('completes playbook ids after prep, and choices after --format', async () => {
    expect(lines((await runCli(['__complete', 'prep', 'tw'])).stdout)).toContain('two-questions');
    expect(lines((await runCli(['__complete', 'prep', '--format', ''])).stdout)).toEqual(['note', 'body', 'json', 'md']);
  });

  it('leaves file arguments to the shell', async () => {
    expect((await runCli(['__complete', 'prep', '--answers', ''])).stdout).toBe('');
  });

  it('completes upcoming and its options; its calendar file and --ics are left to the shell', async () => {
    expect(lines((await runCli(['__complete', 'up'])).stdout)).toContain('upcoming');
    expect(lines((await runCli(['__complete', 'upcoming', '--'])).stdout)).toEqual(expect.arrayContaining(['--playbook', '--json', '--no-input']));
    expect(lines((await runCli(['__complete', 'upcoming', 'cal.ics', '--playbook', ''])).stdout)).toContain('two-questions');
    expect(lines((await runCli(['__complete', 'prep', '--'])).stdout)).toContain('--ics');
    expect((await runCli(['__complete', 'prep', '--ics', ''])).stdout).toBe('');
  });

  it('prints a script for each shell and refuses others with exit 2', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const result = await runCli(['completion', shell]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('coach __complete');
    }
    const refused = await runCli(['completion', 'tcsh']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('coach: no completion for "tcsh"; choose one of: bash, zsh, fish\n');
  });
});

describe('bash completion, for real', () => {
  function pathWithCoach(): string {
    const bin = join(tempDir(), 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'coach'), `#!/bin/sh\nexec "${process.execPath}" "${repoPath('bin/coach.js')}" "$@"\n`);
    chmodSync(join(bin, 'coach'), 0o755);
    return `${bin}:${process.env['PATH'] ?? ''}`;
  }

  it('loads in bash and completes a playbook id and a session id', () => {
    const env = { ...process.env, PATH: pathWithCoach(), COACH_NOTES_DIR: notesWithOneSession() };
    const script = [
      'source <(coach completion bash)',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's own ${...}, in a bash script
      'COMP_WORDS=(coach prep tw); COMP_CWORD=2; _coach_complete; echo "${COMPREPLY[@]}"',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's own ${...}, in a bash script
      'COMP_WORDS=(coach debrief 2026); COMP_CWORD=2; _coach_complete; echo "${COMPREPLY[@]}"',
      '',
    ].join('\n');
    const output = execFileSync('bash', ['--norc', '--noprofile', '-c', script], { env, encoding: 'utf8' });
    expect(output).toBe('two-questions\n2026-11-20-acme-two-questions-prep\n');
  });

  it('completes on TAB in an interactive bash under a real terminal', async () => {
    const session = new PtySession('bash', ['--norc', '--noprofile', '-i'], { env: { PATH: pathWithCoach(), PS1: '$ ', COACH_NOTES_DIR: notesWithOneSession() } });
    // The marker is split in the typed line, so only the command's output matches it.
    await session.type('source <(coach completion bash); echo LOAD""ED\r');
    await session.waitFor('LOADED');
    await session.type('coach prep two-q');
    session.press('\t');
    await session.waitFor('two-questions');
    session.press(KEYS.ctrlC);
    session.kill('SIGKILL');
    await session.exited;
  });
});
