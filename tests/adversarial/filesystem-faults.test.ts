/**
 * The file system saying no: a file where a directory should be, a device where a note should go,
 * a full disk, a closed pipe, a size limit mid-write, another coach writing at the same moment.
 * Every case gives a clear message and a non-zero exit, leaves existing files byte-for-byte as
 * they were, and keeps the draft when there are answers to keep. Nothing relies on chmod, which
 * does not stop root (CI often runs as root).
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { splitFrontMatter } from '../../src/formats/front-matter-split.js';
import { lockText } from '../../src/store/files/append-lock.js';
import { repoPath } from '../helpers/playbooks.js';
import { FakeTerminal, tempDir } from '../helpers/run-cli.js';
import { ANSWERS, expectNoStackTrace, playbookText, RawCapture, runRaw, snapshot, spawnCoach, writePlaybook } from './helpers.js';

// The spawned CLI runs on the real clock: the runs that save a note name their date.
const NOTE = '2026-11-22-acme-corp-two-questions-prep.md';
const prep = (...extra: string[]): string[] => ['prep', 'two-questions', '--answers', ANSWERS, '--no-input', '-q', ...extra];

function setup() {
  const dir = tempDir('coach-faults-');
  const notes = join(dir, 'notes');
  mkdirSync(notes);
  writeFileSync(join(notes, 'earlier.md'), '---\ncoach: 1\n---\nan earlier note\n');
  return { dir, notes, env: { COACH_NOTES_DIR: notes } };
}

/** Answers every question of the tiny playbook at a (fake) terminal. */
async function answerTiny(terminal: FakeTerminal): Promise<void> {
  await terminal.answer('Who is the customer?', 'Acme');
  await terminal.answer('What is the meeting?', '');
  await terminal.answer('Date of the meeting', '');
  await terminal.answer('What do they need?', 'a firm date');
}

/** The pid of a process that has already exited: what a lock left by a killed coach names. */
function exitedPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.on('close', () => resolve(child.pid ?? 0));
  });
}

function drafts(notes: string): string[] {
  const dir = join(notes, '.drafts');
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('a file where a directory is expected', () => {
  it('refuses a notes directory that is a file, and leaves the file alone (exit 4)', async () => {
    const { dir } = setup();
    const notes = join(dir, 'notes-file');
    writeFileSync(notes, 'not a directory\n');
    const before = snapshot(dir);
    const result = await runRaw(prep(), { env: { COACH_NOTES_DIR: notes } });
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`coach: ${notes}: cannot use this as a directory: a file is in the way\n`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('says so before the first question when a person would be asked', async () => {
    const { dir } = setup();
    const notes = join(dir, 'notes-file');
    writeFileSync(notes, 'not a directory\n');
    const before = snapshot(dir);
    const terminal = new FakeTerminal();
    const result = await runRaw(['prep', 'two-questions'], { terminal, env: { COACH_NOTES_DIR: notes } });
    expect(result.code).toBe(4);
    expect(terminal.text).not.toContain('Who is the customer?');
    expect(terminal.text).toContain(`coach: ${notes}: cannot use this as a directory: a file is in the way`);
    expect(terminal.text).toContain('Choose a writable notes directory with --notes-dir, or pass --no-save.');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a notes directory below a file (ENOTDIR)', async () => {
    const { dir } = setup();
    writeFileSync(join(dir, 'file'), 'x');
    const notes = join(dir, 'file', 'notes');
    const before = snapshot(dir);
    const result = await runRaw(prep(), { env: { COACH_NOTES_DIR: notes } });
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`coach: ${notes}: cannot use this as a directory: a part of the path is not a directory\n`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a notes directory nobody may create, not even root (under /sys), before asking anything', async () => {
    const notes = '/sys/coach-notes-test';
    const terminal = new FakeTerminal();
    const result = await runRaw(['prep', 'two-questions'], { terminal, env: { COACH_NOTES_DIR: notes } });
    expect(result.code).toBe(4);
    expect(terminal.text).toContain(`coach: ${notes}: cannot use this as a directory: permission denied`);
    expect(terminal.text).not.toContain('Who is the customer?');
    expect(existsSync(notes)).toBe(false);
  });

  it('refuses a .drafts that is a file before asking anything, and keeps that file', async () => {
    const { notes, env } = setup();
    writeFileSync(join(notes, '.drafts'), 'someone else’s file\n');
    const before = snapshot(notes);
    const terminal = new FakeTerminal();
    const result = await runRaw(['prep', 'two-questions'], { terminal, env });
    expect(result.code).toBe(4);
    expect(terminal.text).toContain(`coach: ${join(notes, '.drafts')}: cannot use this as a directory: a file is in the way`);
    expect(terminal.text).not.toContain('Who is the customer?');
    expect(snapshot(notes)).toEqual(before);
  });

  it('stops at the next question when the draft can no longer be written, without claiming it was kept', async () => {
    const { dir, notes, env } = setup();
    const terminal = new FakeTerminal();
    const done = runRaw(['prep', writePlaybook(dir, playbookText())], { terminal, env });
    await terminal.answer('Who is the customer?', 'Acme');
    await terminal.waitFor('What is the meeting?');
    rmSync(join(notes, '.drafts'), { recursive: true });
    writeFileSync(join(notes, '.drafts'), 'in the way\n');
    terminal.type('Renewal');
    terminal.press('enter');
    const result = await done;
    expect(result.code).toBe(4);
    expect(terminal.text).not.toContain('Date of the meeting');
    expect(terminal.text).toContain(`coach: ${join(notes, '.drafts')}: cannot use this as a directory: a file is in the way`);
    expect(terminal.text).not.toContain('kept');
    expect(readFileSync(join(notes, '.drafts'), 'utf8')).toBe('in the way\n');
  });

  it('carries on without a draft, with a warning, when the note is not going to that directory', async () => {
    const { dir } = setup();
    const notes = join(dir, 'notes-file');
    writeFileSync(notes, 'not a directory\n');
    const out = join(dir, 'out.md');
    const terminal = new FakeTerminal();
    const done = runRaw(['prep', writePlaybook(dir, playbookText()), '--no-save', '--out', out, '--no-review'], { terminal, env: { COACH_NOTES_DIR: notes } });
    await answerTiny(terminal);
    const result = await done;
    expect(result.code).toBe(0);
    expect(terminal.text).toContain('cannot keep a draft');
    expect(parseFrontMatter(readFileSync(out, 'utf8'))?.['customer']).toBe('Acme');
    expect(readFileSync(notes, 'utf8')).toBe('not a directory\n');
  });
});

describe('a device or a directory where a note should go', () => {
  it('never replaces /dev/full with --out --force, and writes nothing in /dev', async () => {
    const { notes, env } = setup();
    const before = snapshot(notes);
    const devBefore = readdirSync('/dev').sort();
    const result = await runRaw(prep('--no-save', '--out', '/dev/full', '--force'), { env });
    expect(result.code).toBe(4);
    expect(result.stderr).toBe('coach: /dev/full: is not a regular file; coach only replaces regular files\n');
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').sort()).toEqual(devBefore);
    expect(snapshot(notes)).toEqual(before);
  });

  it('refuses to --append to a device, without leaving a lock beside it', async () => {
    const { env } = setup();
    const devBefore = readdirSync('/dev').sort();
    const result = await runRaw(prep('--no-save', '--append', '/dev/full'), { env });
    expect(result.code).toBe(4);
    expect(result.stderr).toBe('coach: /dev/full: is not a regular file; --append needs a notes file\n');
    expect(readdirSync('/dev').sort()).toEqual(devBefore);
  });

  it('refuses an --out that is a directory, before anything is asked, and leaves it alone', async () => {
    const { dir, notes, env } = setup();
    const out = join(dir, 'out.md');
    mkdirSync(out);
    const before = snapshot(dir);
    const result = await runRaw(prep('--out', out), { env });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`${out}: already exists`);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(notes)).toEqual(['earlier.md']);
  });

  it('--force replaces the file a symbolic link points to and keeps the link', async () => {
    const { dir, env } = setup();
    const real = join(dir, 'real.md');
    const link = join(dir, 'link.md');
    writeFileSync(real, 'old\n');
    symlinkSync(real, link);
    const result = await runRaw(prep('--no-save', '--out', link, '--force'), { env });
    expect(result.code).toBe(0);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, 'utf8')).toContain('customer: Acme Corp');
  });
});

describe('a full disk or a closed pipe on stdout', () => {
  it('reports a full disk (/dev/full as stdout) with exit 4; the saved note and older notes are intact', async () => {
    const { notes, env } = setup();
    const before = snapshot(notes);
    const viaShell = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn('/bin/sh', ['-c', `"${process.execPath}" "${repoPath('bin/coach.js')}" ${prep().map((arg) => `'${arg}'`).join(' ')} > /dev/full`], {
        env: { ...process.env, ...env, NO_COLOR: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(viaShell.code).toBe(4);
    expect(viaShell.stderr).toMatch(/^coach: cannot write to standard output: .*no space left on device/i);
    expectNoStackTrace(viaShell.stderr);
    for (const [name, bytes] of Object.entries(before)) expect(snapshot(notes)[name]).toBe(bytes);
  });

  it('reports a reader that went away (closed pipe) with exit 4 and one line, no stack trace', async () => {
    const { env } = setup();
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [repoPath('bin/coach.js'), ...prep('--no-save')], { env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toBe('coach: standard output was closed before coach had written everything\n');
  });

  it('keeps the draft (and says how to resume) when stdout fails after a person answered', async () => {
    const { dir, notes, env } = setup();
    const terminal = new FakeTerminal();
    const stdout = new RawCapture('ENOSPC');
    const done = runRaw(['prep', writePlaybook(dir, playbookText()), '--no-save', '--no-review'], { terminal, stdout, env });
    await answerTiny(terminal);
    const result = await done;
    expect(result.code).toBe(4);
    expect(terminal.text).toContain('coach: cannot write to standard output: ENOSPC: simulated');
    const [draft] = drafts(notes);
    expect(draft).toMatch(/^20261122-093000-tiny-prep-[0-9a-f]{4}\.json$/);
    expect(terminal.text).toContain(`coach: Your answers so far are kept; continue with: coach resume ${draft?.replace('.json', '')}`);
    const kept = JSON.parse(readFileSync(join(notes, '.drafts', draft ?? ''), 'utf8')) as { answers: Record<string, unknown> };
    expect(kept.answers).toEqual({ customer: 'Acme', date: '2026-11-22', need: 'a firm date' });
  });
});

describe('a size limit mid-append (RLIMIT_FSIZE, which binds root too)', () => {
  it('cuts the running notes file back to exactly what it was, reports it, and removes the lock', async () => {
    const { dir, env } = setup();
    const running = join(dir, 'running.md');
    const original = `# Running notes\n\n${'Earlier meeting notes. '.repeat(60)}\n`;
    writeFileSync(running, original);
    expect(original.length).toBeLessThan(2048);
    const command = `ulimit -f 4; trap '' XFSZ; exec "${process.execPath}" "${repoPath('bin/coach.js')}" ${prep('--no-save', '--append', running).map((arg) => `'${arg}'`).join(' ')} > /dev/null`;
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn('/bin/sh', ['-c', command], { env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(new RegExp(`^coach: ${running}: cannot append: .*; the file is unchanged\\n$`));
    expect(readFileSync(running, 'utf8')).toBe(original);
    expect(existsSync(`${running}.lock`)).toBe(false);
  });
});

describe('two coach runs at the same moment', () => {
  it('never interleaves appends: every note arrives whole, and no lock is left', async () => {
    const { dir, env } = setup();
    const running = join(dir, 'running.md');
    writeFileSync(running, '# Running notes\n');
    const customers = ['Alpha', 'Bravo', 'Charlie', 'Delta'];
    // --format note: whole notes, front matter and all, so each can be told apart and checked.
    const results = await Promise.all(customers.map((customer) => spawnCoach(prep('--no-save', '--append', running, '--format', 'note', '--customer', customer), { env })));
    for (const result of results) expect(result).toMatchObject({ code: 0, stderr: '' });
    const text = readFileSync(running, 'utf8');
    expect(text.startsWith('# Running notes\n\n---\ncoach: 1\n')).toBe(true);
    const notes = text.slice('# Running notes\n\n'.length).split(/\n(?=---\ncoach: 1\n)/);
    expect(notes).toHaveLength(4);
    expect(notes.map((note) => parseFrontMatter(note)?.['customer']).sort()).toEqual(customers);
    for (const note of notes) expect(splitFrontMatter(note)?.body).toContain('## Readiness');
    expect(existsSync(`${running}.lock`)).toBe(false);
  });

  it('never loses a note when several are saved under the same name', async () => {
    const { notes, env } = setup();
    const results = await Promise.all([1, 2, 3, 4].map((n) => spawnCoach(prep('--title', `Meeting ${n}`, '--date', '2026-11-22'), { env })));
    for (const result of results) expect(result.code).toBe(0);
    const saved = readdirSync(notes).filter((name) => name !== 'earlier.md').sort();
    expect(saved).toEqual([NOTE.replace('.md', '-2.md'), NOTE.replace('.md', '-3.md'), NOTE.replace('.md', '-4.md'), NOTE]);
    const titles = saved.map((name) => parseFrontMatter(readFileSync(join(notes, name), 'utf8'))?.['title']).sort();
    expect(titles).toEqual(['Meeting 1', 'Meeting 2', 'Meeting 3', 'Meeting 4']);
  });

  it('waits for a lock another run holds, then gives up with a message, leaving the file and its lock alone', async () => {
    const { dir, env } = setup();
    const running = join(dir, 'running.md');
    writeFileSync(running, '# Running notes\n');
    writeFileSync(`${running}.lock`, 'held by someone else\n');
    const before = snapshot(dir);
    const result = await runRaw(prep('--no-save', '--append', running), { env });
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`coach: ${running}: another coach has been appending for 5 s; if none is running, delete ${running}.lock\n`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('recovers a lock whose coach died (its pid is gone), with one line saying so, and appends', async () => {
    const { dir, env } = setup();
    const running = join(dir, 'running.md');
    writeFileSync(running, '# Running notes\n');
    const dead = await exitedPid();
    writeFileSync(`${running}.lock`, lockText({ pid: dead, host: hostname() }, new Date('2026-11-22T09:00:00Z')));
    const result = await runRaw(prep('--no-save', '--append', running), { env });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`coach: ${running}: removed a stale lock ${running}.lock (left by coach pid ${dead}, which is no longer running)\n`);
    expect(readFileSync(running, 'utf8')).toContain('## Meeting prep: Acme Corp');
    expect(existsSync(`${running}.lock`)).toBe(false);
  });

  it('waits for a lock a running coach holds, then gives up naming it, leaving the file and its lock alone', async () => {
    const { dir, env } = setup();
    const running = join(dir, 'running.md');
    writeFileSync(running, '# Running notes\n');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      const pid = holder.pid ?? 0;
      writeFileSync(`${running}.lock`, lockText({ pid, host: hostname() }, new Date('2026-11-22T09:00:00Z')));
      const before = snapshot(dir);
      const result = await runRaw(prep('--no-save', '--append', running), { env });
      expect(result.code).toBe(4);
      expect(result.stderr).toBe(`coach: ${running}: another coach (pid ${pid} on ${hostname()}) has been appending for 5 s; if none is running, delete ${running}.lock\n`);
      expect(snapshot(dir)).toEqual(before);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
