/**
 * Where the built coach's standard output can go, written as src/standard-output.ts writes it:
 * a file, /dev/null, a pipe whose reader is slow, a pipe made non-blocking (the write that
 * cannot be made at once goes on through process.stdout), a full device. Every reader gets the
 * whole note, in order, or a one-line error and exit 4.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/playbooks.js';
import { tempDir } from '../helpers/run-cli.js';
import { ANSWERS, expectNoStackTrace } from './helpers.js';

/** An answers file whose note is far larger than a pipe holds (64 KiB on Linux). */
function bigAnswers(dir: string): string {
  const path = join(dir, 'big.yaml');
  const need = Array.from({ length: 6000 }, (_, i) => `part ${i} of what they need`).join(', ');
  writeFileSync(path, readFileSync(ANSWERS, 'utf8').replace(/^need: .*$/m, `need: ${need}`));
  return path;
}

/** The note without the moment it was made (`created`, and its `date` should a test cross midnight). */
const stable = (note: string): string => note.replace(/^created: .*$/m, 'created: -').replace(/^date: .*$/m, 'date: -');

/** Equal notes; a large one is compared whole without printing 300 KB when it is not. */
function expectSameNote(received: string, expected: string): void {
  expect(received.length).toBe(expected.length);
  expect(stable(received) === stable(expected)).toBe(true);
}

const prepArgs = (answers: string): string[] => [repoPath('bin/coach.js'), 'prep', 'two-questions', '--answers', answers, '--no-input', '--no-save', '--stdout', '-q'];
const env = (dir: string): NodeJS.ProcessEnv => ({ ...process.env, NO_COLOR: '1', COACH_NOTES_DIR: join(dir, 'notes'), COACH_CACHE_DIR: join(dir, 'cache') });

/** The note as written to a regular file: what every other destination must receive. */
function noteInFile(dir: string, answers: string): string {
  const out = join(dir, 'note.md');
  const fd = openSync(out, 'w');
  try {
    execFileSync(process.execPath, prepArgs(answers), { env: env(dir), stdio: ['ignore', fd, 'pipe'] });
  } finally {
    closeSync(fd);
  }
  return readFileSync(out, 'utf8');
}

/**
 * Sets O_NONBLOCK on its stdout, then becomes the command: a Node parent cannot hand a child a
 * non-blocking descriptor (libuv makes a child's stdio blocking), but another program can. Perl
 * is part of every Debian and Ubuntu base system.
 */
const NON_BLOCKING_STDOUT = ['-e', 'use Fcntl; my $f = fcntl(STDOUT, F_GETFL, 0) or die; fcntl(STDOUT, F_SETFL, $f | O_NONBLOCK) or die; exec @ARGV or die'];

/** Runs the prep with stdout on a pipe whose reader starts only after `delayMs`. */
async function throughPipe(dir: string, answers: string, delayMs: number, nonBlocking = false) {
  const command = nonBlocking ? 'perl' : process.execPath;
  const args = nonBlocking ? [...NON_BLOCKING_STDOUT, process.execPath, ...prepArgs(answers)] : prepArgs(answers);
  const child = spawn(command, args, { env: env(dir), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pause();
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  setTimeout(() => child.stdout.resume(), delayMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout: Buffer.concat(chunks).toString('utf8'), stderr };
}

describe('standard output that is not a terminal', () => {
  it('a file, a pipe and /dev/null take the note alike', async () => {
    const dir = tempDir('coach-stdout-');
    const note = noteInFile(dir, ANSWERS);
    expect(note).toMatch(/^---\ncoach: 1\nkind: prep\n/);
    expect(note).toContain('Acme Corp');
    const piped = await throughPipe(dir, ANSWERS, 0);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
    expect(stable(piped.stdout)).toBe(stable(note));
    const toDevNull = spawnSync(process.execPath, prepArgs(ANSWERS), { env: env(dir), stdio: ['ignore', 'ignore', 'pipe'] });
    expect(toDevNull.status).toBe(0);
    expect(toDevNull.stderr.toString()).toBe('');
  });

  it('a slow reader of a pipe gets the whole of a large note, in order', async () => {
    const dir = tempDir('coach-stdout-');
    const answers = bigAnswers(dir);
    const note = noteInFile(dir, answers);
    expect(note.length).toBeGreaterThan(200_000);
    const piped = await throughPipe(dir, answers, 300);
    expect(piped.code).toBe(0);
    expectSameNote(piped.stdout, note);
  });

  it("a non-blocking pipe gets the whole note too: what it cannot take at once goes on through Node's stream", async () => {
    const dir = tempDir('coach-stdout-');
    const answers = bigAnswers(dir);
    const note = noteInFile(dir, answers);
    const piped = await throughPipe(dir, answers, 300, true);
    expect(piped.stderr).toBe('');
    expect(piped.code).toBe(0);
    expectSameNote(piped.stdout, note);
  });

  it('a full device is a one-line error and exit 4', () => {
    const dir = tempDir('coach-stdout-');
    const fd = openSync('/dev/full', 'w');
    let failure: { status: number; stderr: Buffer } | undefined;
    try {
      execFileSync(process.execPath, prepArgs(ANSWERS), { env: env(dir), stdio: ['ignore', fd, 'pipe'] });
    } catch (error) {
      failure = error as { status: number; stderr: Buffer };
    } finally {
      closeSync(fd);
    }
    expect(failure?.status).toBe(4);
    const stderr = failure?.stderr.toString() ?? '';
    expectNoStackTrace(stderr);
    expect(stderr).toMatch(/^coach: cannot write to standard output: ENOSPC[^\n]*\n$/);
  });
});
