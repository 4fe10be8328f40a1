/**
 * coach with no terminal: in CI, in a pipe, under cron. It never waits on a stdin nobody types
 * into, never mistakes piped lines for answers, never writes drafts for answers that are already
 * in a file, and a reader that stops early costs a clear line at most, never a stack trace.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playbookFingerprint, serializeDraft, type Draft } from '../../src/store/drafts/draft-file.js';
import { repoPath, shippedPlaybook } from '../helpers/playbooks.js';
import { tempDir } from '../helpers/run-cli.js';
import { ANSWERS, expectNoStackTrace, runRaw, spawnCoach } from './helpers.js';

const MISSING = /^coach: \d+ required answers are missing for two-questions: customer, need, state, helpful, mode, reassurance\. Give them with --answers FILE or --set id=value, or run coach in a terminal to be asked\.\n$/;

function draftFor(customer: string, saved: string): Draft {
  return {
    coach_draft: 1,
    playbook: { id: 'two-questions', path: repoPath('playbooks/two-questions.yaml'), source: 'built-in', fingerprint: playbookFingerprint(shippedPlaybook('two-questions'), 'prep') },
    phase: 'prep',
    started: saved,
    saved,
    asked: ['customer'],
    answers: { customer },
  };
}

describe('stdin that is not a terminal', () => {
  it('fails at once on an idle pipe that never ends, instead of waiting for it (exit 2)', async () => {
    const notes = tempDir('coach-no-tty-');
    const child = spawn(process.execPath, [repoPath('bin/coach.js'), 'prep', 'two-questions'], {
      env: { ...process.env, NO_COLOR: '1', COACH_NOTES_DIR: notes },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The pipe stays open and idle until coach has exited: a coach that waited for it would wait
    // forever, and the hard kill (which only stops it; it times nothing) makes the code null.
    const hung = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(hung);
    child.stdin.destroy();
    expect(code).toBe(2);
    expect(stderr).toMatch(MISSING);
    expect(readdirSync(notes)).toEqual([]);
  });

  it('does not take piped lines as answers (exit 2, nothing written)', async () => {
    const notes = tempDir('coach-no-tty-');
    const result = await spawnCoach(['prep', 'two-questions'], { env: { COACH_NOTES_DIR: notes }, input: 'Acme\nRenewal\n2026-11-22\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(MISSING);
    expect(readdirSync(notes)).toEqual([]);
  });

  it('treats </dev/null the same way', async () => {
    const notes = tempDir('coach-no-tty-');
    const result = await spawnCoach(['prep', 'two-questions'], { env: { COACH_NOTES_DIR: notes }, stdio: ['ignore', 'pipe', 'pipe'] });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(MISSING);
  });

  it('writes no draft for a session whose answers all come from a file, even when it fails', async () => {
    const dir = tempDir('coach-no-tty-');
    const notes = join(dir, 'notes');
    const answers = join(dir, 'partial.yaml');
    writeFileSync(answers, 'customer: Acme\nneed: a date\n');
    const result = await runRaw(['prep', 'two-questions', '--answers', answers], { env: { COACH_NOTES_DIR: notes } });
    expect(result.code).toBe(2);
    expect(existsSync(notes)).toBe(false);
  });
});

describe('stdout that goes away', () => {
  it('`coach prep … | head -1` ends quietly: the first line, and no stack trace', () => {
    const notes = tempDir('coach-no-tty-');
    const line = `"${process.execPath}" "${repoPath('bin/coach.js')}" prep two-questions --answers "${ANSWERS}" --no-input --no-save -q 2>"${join(notes, 'stderr')}" | head -1`;
    const stdout = execFileSync('/bin/sh', ['-c', line], { env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
    expect(stdout).toBe('---\n');
    const stderr = execFileSync('cat', [join(notes, 'stderr')], { encoding: 'utf8' });
    expectNoStackTrace(stderr);
    expect(['', 'coach: standard output was closed before coach had written everything\n']).toContain(stderr);
  });
});

describe('coach resume without a terminal', () => {
  it('says there is nothing to resume when there are no drafts (exit 2)', async () => {
    const notes = tempDir('coach-no-tty-');
    const result = await runRaw(['resume'], { env: { COACH_NOTES_DIR: notes } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `coach: no drafts to resume in ${join(notes, '.drafts')}; a draft is kept when a session stops before its note is written\n`,
    );
  });

  it('continues the newest of several drafts, and says which and how to pick another', async () => {
    const notes = tempDir('coach-no-tty-');
    mkdirSync(join(notes, '.drafts'));
    writeFileSync(join(notes, '.drafts', 'older.json'), serializeDraft(draftFor('Older Inc', '2026-11-20T10:00:00.000Z')));
    writeFileSync(join(notes, '.drafts', 'newer.json'), serializeDraft(draftFor('Newer Ltd', '2026-11-21T10:00:00.000Z')));
    const result = await runRaw(['resume', '--answers', ANSWERS, '--no-input', '-q'], { env: { COACH_NOTES_DIR: notes } });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('coach: 2 drafts; continuing the newest, newer (name another: coach resume <draft>)\n');
    expect(readdirSync(join(notes, '.drafts'))).toEqual(['older.json']);
    expect(readdirSync(notes).filter((name) => name.endsWith('.md'))).toEqual(['2026-11-22-newer-ltd-two-questions-prep.md']);
  });

  it('fails like prep when the draft still lacks required answers, and keeps the draft (exit 2)', async () => {
    const notes = tempDir('coach-no-tty-');
    mkdirSync(join(notes, '.drafts'));
    const draft = serializeDraft(draftFor('Acme', '2026-11-21T10:00:00.000Z'));
    writeFileSync(join(notes, '.drafts', 'only.json'), draft);
    const result = await runRaw(['resume', '--no-input'], { env: { COACH_NOTES_DIR: notes } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('coach: 5 required answers are missing for two-questions: need, state, helpful, mode, reassurance.');
    expect(result.stderr).toContain('coach: Your answers so far are kept; continue with: coach resume only');
    expect(readdirSync(join(notes, '.drafts'))).toEqual(['only.json']);
  });
});
