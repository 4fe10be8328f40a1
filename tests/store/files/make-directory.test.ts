/**
 * `mkdir -p` that always ends (src/store/files/make-directory.ts): nested directories with their
 * mode, directories already there, a file or a dangling link in the way, and a parent that exists
 * but cannot hold the child (/proc), where Node's own recursive mkdir spins forever. The built
 * coach is run on such paths too: it fails at once with a one-line message, or (for its cache)
 * carries on without one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirectorySync } from '../../../src/store/files/make-directory.js';
import { ANSWERS } from '../../adversarial/helpers.js';
import { repoPath } from '../../helpers/playbooks.js';
import { tempDir } from '../../helpers/run-cli.js';

const codeOf = (make: () => void): string | undefined => {
  try {
    make();
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
};

/** Where the system says ENOENT for a child of a directory that exists. */
const PROC_CHILD = '/proc/coach-no-such-dir/notes';

describe('makeDirectorySync', () => {
  it('makes every missing directory, each with the mode, and is content with one already there', () => {
    const root = tempDir('coach-mkdir-');
    makeDirectorySync(join(root, 'a', 'b', 'c'), 0o700);
    for (const dir of ['a', 'a/b', 'a/b/c']) expect(statSync(join(root, dir)).mode & 0o777).toBe(0o700);
    makeDirectorySync(join(root, 'a', 'b'));
    makeDirectorySync(root);
  });

  it('refuses a file or a dangling link in the way, and a file as a parent', () => {
    const root = tempDir('coach-mkdir-');
    writeFileSync(join(root, 'file'), '');
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling'));
    expect(codeOf(() => makeDirectorySync(join(root, 'file')))).toBe('EEXIST');
    expect(codeOf(() => makeDirectorySync(join(root, 'dangling', 'out')))).toBe('EEXIST');
    expect(codeOf(() => makeDirectorySync(join(root, 'file', 'sub', 'dir')))).toBe('ENOTDIR');
  });

  it('gives up with ENOENT where the parent exists but the child cannot be made in it', () => {
    expect(existsSync('/proc/self')).toBe(true);
    expect(codeOf(() => makeDirectorySync(PROC_CHILD))).toBe('ENOENT');
  });
});

describe('coach on a path under /proc', () => {
  const run = (args: string[], env: Record<string, string>) =>
    // The kill only stops a coach that hangs, as Node's own mkdir did; it times nothing.
    spawnSync(process.execPath, [repoPath('bin/coach.js'), ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL' });

  it('-o there fails at once with one line naming the directory (exit 4)', () => {
    const dir = tempDir('coach-mkdir-');
    const result = run(['prep', 'two-questions', '--answers', ANSWERS, '--no-input', '--no-save', '-q', '-o', `${PROC_CHILD}/note.md`], { COACH_NOTES_DIR: join(dir, 'notes'), COACH_CACHE_DIR: join(dir, 'cache') });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(4);
    expect(result.stderr).toBe(`coach: ${PROC_CHILD}: cannot use this as a directory: no such file or directory\n`);
  });

  it('a cache directory there costs the cache, never the run', () => {
    const dir = tempDir('coach-mkdir-');
    mkdirSync(join(dir, 'notes'));
    const result = run(['prep', 'two-questions', '--answers', ANSWERS, '--no-input', '--no-save', '--stdout', '-q'], { COACH_NOTES_DIR: join(dir, 'notes'), COACH_CACHE_DIR: PROC_CHILD });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^---\ncoach: 1\nkind: prep\n/);
  });
});
