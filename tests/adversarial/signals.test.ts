/**
 * Stopping coach from outside, under a real pseudo-terminal (@lydell/node-pty; no controlling terminal is
 * needed, so this runs in CI): Ctrl-C, Ctrl-D, SIGINT, SIGTERM, SIGHUP and SIGKILL. The exit code
 * is the documented one, the answers given are on disk, the message says how many and the exact
 * command to resume, and the terminal is left usable (cursor shown, echo and line editing on).
 * Run `npm run build` first: this drives bin/coach.js.
 */
import { spawn as spawnProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { repoPath } from '../helpers/playbooks.js';
import { PtySession } from '../helpers/pty.js';
import { tempDir } from '../helpers/run-cli.js';

const COACH = `"${process.execPath}" "${repoPath('bin/coach.js')}"`;

/**
 * coach inside `sh -c`, so that after coach exits the shell can report the exit code and the
 * terminal's modes; signals go to coach itself (the shell's child), as `kill <pid>` would.
 */
class Terminal extends PtySession {
  constructor(args: string, notes: string) {
    super('/bin/sh', ['-c', `${COACH} ${args}; echo "EXIT=$?"; stty -a`], { env: { NO_COLOR: '1', COACH_NOTES_DIR: notes } });
  }

  write(keys: string): void {
    this.press(keys);
  }

  /** The pid of coach, the shell's only child. */
  coachPid(): number {
    const children = readFileSync(`/proc/${this.pid}/task/${this.pid}/children`, 'utf8').trim().split(/\s+/);
    return Number(children[0]);
  }

  exitCode(): number {
    return Number(/EXIT=(\d+)/.exec(this.text)?.[1]);
  }

  /** Left as a person needs it: echo and line editing on, and the cursor shown last. */
  expectTerminalRestored(): void {
    const modes = this.text.slice(this.text.indexOf('EXIT='));
    expect(modes).toMatch(/(^|\s)echo(\s|$)/m);
    expect(modes).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(this.raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(this.raw.lastIndexOf('\u001b[?25l'));
  }
}

interface DraftOnDisk {
  name: string;
  mode: number;
  answers: Record<string, unknown>;
}

function draftsIn(notes: string): DraftOnDisk[] {
  const dir = join(notes, '.drafts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((name) => ({
    name,
    mode: statSync(join(dir, name)).mode & 0o777,
    answers: (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { answers: Record<string, unknown> }).answers,
  }));
}

async function startAndAnswerTwo(notes: string): Promise<Terminal> {
  const terminal = new Terminal('prep two-questions', notes);
  await terminal.answer('Who is the customer?', 'Initech');
  await terminal.answer('What is the meeting?', 'Renewal');
  await terminal.waitFor('Date of the meeting');
  return terminal;
}

describe('a signal from outside during a prompt', () => {
  const cases: [NodeJS.Signals, number, string][] = [
    ['SIGTERM', 143, 'Stopped by SIGTERM'],
    ['SIGHUP', 129, 'The terminal went away (SIGHUP)'],
    ['SIGINT', 130, 'Interrupted'],
  ];

  it.each(cases)('%s: exits %i, keeps the answers as a draft, prints the resume command, restores the terminal', async (signal, code, words) => {
    const notes = tempDir('coach-signal-');
    const terminal = await startAndAnswerTwo(notes);
    process.kill(terminal.coachPid(), signal);
    await terminal.exited;
    expect(terminal.exitCode()).toBe(code);
    const [draft, ...others] = draftsIn(notes);
    expect(others).toEqual([]);
    expect(draft?.mode).toBe(0o600);
    expect(draft?.answers).toEqual({ customer: 'Initech', title: 'Renewal' });
    expect(terminal.text).toContain(`coach: ${words}. 2 answers kept; continue with: coach resume ${draft?.name.replace(/\.json$/, '')}`);
    expect(readdirSync(notes).filter((name) => name.endsWith('.md'))).toEqual([]);
    terminal.expectTerminalRestored();
  });
});

describe('keys that stop a prompt', () => {
  it.each([
    ['Ctrl-C', '\u0003'],
    ['Ctrl-D', '\u0004'],
  ])('%s: exits 130, keeps the answers, prints the resume command, restores the terminal', async (_name, key) => {
    const notes = tempDir('coach-signal-');
    const terminal = await startAndAnswerTwo(notes);
    terminal.write(key);
    await terminal.exited;
    expect(terminal.exitCode()).toBe(130);
    const [draft] = draftsIn(notes);
    expect(draft?.answers).toEqual({ customer: 'Initech', title: 'Renewal' });
    expect(terminal.text).toContain(`coach: Interrupted. 2 answers kept; continue with: coach resume ${draft?.name.replace(/\.json$/, '')}`);
    terminal.expectTerminalRestored();
  });

  it('Ctrl-C before any answer: exits 130, says there is nothing to resume, leaves no draft', async () => {
    const notes = tempDir('coach-signal-');
    const terminal = new Terminal('prep two-questions', notes);
    await terminal.waitFor('Who is the customer?');
    terminal.write('\u0003');
    await terminal.exited;
    expect(terminal.exitCode()).toBe(130);
    expect(terminal.text).toContain('coach: Interrupted. No answers were given yet, so there is nothing to resume.');
    expect(draftsIn(notes)).toEqual([]);
    terminal.expectTerminalRestored();
  });
});

describe('no exit handler is needed to keep an answer', () => {
  it('SIGKILL, which nothing can catch, right after an answer: the answer is already on disk', async () => {
    const notes = tempDir('coach-signal-');
    const terminal = new Terminal('prep two-questions', notes);
    await terminal.answer('Who is the customer?', 'Initech');
    await terminal.waitFor('What is the meeting?');
    process.kill(terminal.coachPid(), 'SIGKILL');
    await terminal.exited;
    expect(terminal.exitCode()).toBe(137);
    expect(draftsIn(notes).map((draft) => draft.answers)).toEqual([{ customer: 'Initech' }]);
  });
});

describe('coach resume after a signal', () => {
  it('continues where the session stopped (the draft over the answers file), asks only what is left, removes the draft once saved', async () => {
    const notes = tempDir('coach-signal-');
    const first = await startAndAnswerTwo(notes);
    process.kill(first.coachPid(), 'SIGTERM');
    await first.exited;
    const handle = /coach resume (\S+)/.exec(first.text)?.[1] ?? '';

    const answers = repoPath('tests/fixtures/answers/two-questions.yaml');
    const second = new Terminal(`resume ${handle} --answers "${answers}" --no-review`, notes);
    await second.answer('Date of the meeting', '2026-12-01');
    // The optional questions the answers file leaves out: Enter skips each, until coach exits
    // (not a fixed number of presses, which a slow machine might not get through in time; a
    // coach that never exits fails by the test's timeout).
    let done = false;
    void second.exited.then(() => (done = true));
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      if (!done) second.write('\r');
    }
    await second.exited;
    expect(second.exitCode()).toBe(0);
    // Listed among the answers kept, not asked again.
    expect(second.text).toContain('  Who is the customer? → Initech');
    expect(second.text).not.toContain('? Who is the customer?');
    expect(existsSync(join(notes, '.drafts'))).toBe(false);
    const [note] = readdirSync(notes);
    expect(note).toBe('2026-12-01-initech-two-questions-prep.md');
    expect(parseFrontMatter(readFileSync(join(notes, note ?? ''), 'utf8'))).toMatchObject({ customer: 'Initech', title: 'Renewal', date: '2026-12-01' });
  });
});

/**
 * Resolves once process `pid` is waiting to read its stdin: fd 0 is in one of its epoll sets
 * (`tfd: 0` in /proc/<pid>/fdinfo), which libuv does only when a read starts, long after coach
 * installed its signal handlers. Instead of sleeping for a time a slow machine may not keep.
 * Without /proc (macOS) it falls back to a fixed wait.
 */
async function untilItReadsStdin(pid: number): Promise<void> {
  const fdinfo = `/proc/${pid}/fdinfo`;
  if (!existsSync(fdinfo)) return new Promise((resolve) => setTimeout(resolve, 500));
  for (;;) {
    const reading = readdirSync(fdinfo).some((fd) => {
      try {
        return /^tfd:\s+0\s/m.test(readFileSync(join(fdinfo, fd), 'utf8'));
      } catch {
        return false; // closed meanwhile
      }
    });
    if (reading) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a signal while nothing is listening for it', () => {
  it('SIGTERM while coach waits on an idle stdin: exits 143 within the grace period, with a message', async () => {
    const child = spawnProcess(process.execPath, [repoPath('bin/coach.js'), 'prep', 'two-questions', '--answers', '-', '--no-input'], {
      env: { ...process.env, NO_COLOR: '1', COACH_NOTES_DIR: tempDir('coach-signal-') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await untilItReadsStdin(child.pid ?? 0);
    child.kill('SIGTERM');
    // Only stops a coach that never exits (which then fails below, code null); it times nothing.
    const hung = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await closed;
    clearTimeout(hung);
    // 143 is coach's own exit after its message; a coach that ignored the signal would be killed.
    expect(code).toBe(143);
    expect(stderr).toBe('coach: Stopped by SIGTERM; stopping now. If you had answered questions, continue with: coach resume\n');
    child.stdin.destroy();
  });
});
