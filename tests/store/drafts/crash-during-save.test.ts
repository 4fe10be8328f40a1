/**
 * What a coach killed mid-save leaves behind, and what the next run makes of it. The crash points
 * are laid out deterministically (a leftover temporary file; a note saved but its draft not yet
 * removed, made by letting the draft's removal do nothing, as a kill -9 at that moment would),
 * then the next command runs. One real spawn + SIGKILL checks the temp names a killed writer
 * leaves are ones a later run recognises.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseFrontMatter } from '../../../src/formats/front-matter.js';
import { hostTag } from '../../../src/store/files/process-alive.js';
import { ANSWERS } from '../../adversarial/helpers.js';
import { repoPath } from '../../helpers/playbooks.js';
import { FakeTerminal, runCli, tempDir } from '../../helpers/run-cli.js';
import { playbookText } from '../../adversarial/helpers.js';

/** While `on`, removing a finished draft does nothing: the process "died" right after the note was saved. */
const crash = vi.hoisted(() => ({ on: false }));
vi.mock('../../../src/store/drafts/drafts.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/store/drafts/drafts.js')>();
  return { ...actual, removeDraft: (file: string) => (crash.on ? undefined : actual.removeDraft(file)) };
});


function setup() {
  const dir = tempDir('coach-crash-');
  const notes = join(dir, 'notes');
  mkdirSync(notes);
  const playbook = join(dir, 'tiny.yaml');
  writeFileSync(playbook, playbookText());
  return { dir, notes, playbook, env: { COACH_NOTES_DIR: notes } };
}

const notesIn = (notes: string): string[] => readdirSync(notes).filter((name) => name.endsWith('.md')).sort();
const draftsIn = (notes: string): string[] => (existsSync(join(notes, '.drafts')) ? readdirSync(join(notes, '.drafts')) : []);

/** A person answers the tiny playbook and the note is saved, but the draft survives. */
async function savedButDraftKept(playbook: string, env: Record<string, string>): Promise<void> {
  crash.on = true;
  try {
    const terminal = new FakeTerminal();
    const done = runCli(['prep', playbook, '--no-review', '-q'], { terminal, env });
    await terminal.answer('Who is the customer?', 'Acme');
    await terminal.answer('What is the meeting?', '');
    await terminal.answer('Date of the meeting', '');
    await terminal.answer('What do they need?', 'a firm date');
    expect((await done).code).toBe(0);
  } finally {
    crash.on = false;
  }
}

function pidOfExited(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.on('close', () => resolve(child.pid ?? 0));
  });
}

describe('a note saved, then killed before its draft was removed', () => {
  it('coach resume finds the note, removes the draft with a message, and does not save the meeting twice', async () => {
    const { notes, playbook, env } = setup();
    await savedButDraftKept(playbook, env);
    expect(notesIn(notes)).toEqual(['2026-11-22-acme-tiny-prep.md']);
    const [draft] = draftsIn(notes);
    expect(draft).toBeDefined();
    const kept = JSON.parse(readFileSync(join(notes, '.drafts', draft ?? ''), 'utf8')) as { saving?: unknown };
    expect(kept.saving).toEqual({ note: join(notes, '2026-11-22-acme-tiny-prep.md'), created: '2026-11-22T09:30:00.000Z' });

    const result = await runCli(['resume'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      `coach: Acme - tiny prep, 4 answers, saved 2026-11-22 09:30 was already saved as ${join(notes, '2026-11-22-acme-tiny-prep.md')} (the run that saved it stopped before removing its draft); removed the draft ${draft?.replace('.json', '')}\n`,
    );
    expect(notesIn(notes)).toEqual(['2026-11-22-acme-tiny-prep.md']);
    expect(draftsIn(notes)).toEqual([]);
  });

  it('finds it under -2 when the name was taken, and resumes when the note there is another session’s', async () => {
    const { notes, playbook, env } = setup();
    writeFileSync(join(notes, '2026-11-22-acme-tiny-prep.md'), '---\ncoach: 1\nkind: prep\nplaybook: tiny\ncustomer: Acme\ndate: "2026-11-22"\ncreated: "2026-11-21T08:00:00.000Z"\n---\nan earlier meeting\n');
    await savedButDraftKept(playbook, env);
    expect(notesIn(notes)).toEqual(['2026-11-22-acme-tiny-prep-2.md', '2026-11-22-acme-tiny-prep.md']);
    const result = await runCli(['resume'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`was already saved as ${join(notes, '2026-11-22-acme-tiny-prep-2.md')}`);
    expect(notesIn(notes)).toHaveLength(2);
  });

  it('still saves the meeting when the draft names a note that never got written (killed just before)', async () => {
    const { notes, playbook, env } = setup();
    await savedButDraftKept(playbook, env);
    // As if the kill came between writing the draft's `saving` and linking the note.
    const { rmSync } = await import('node:fs');
    rmSync(join(notes, '2026-11-22-acme-tiny-prep.md'));
    const result = await runCli(['resume', '-q'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(notesIn(notes)).toEqual(['2026-11-22-acme-tiny-prep.md']);
    expect(parseFrontMatter(readFileSync(join(notes, '2026-11-22-acme-tiny-prep.md'), 'utf8'))?.['answers']).toEqual({ need: 'a firm date' });
    expect(draftsIn(notes)).toEqual([]);
  });
});

describe('temporary files left by a killed save', () => {
  it('are removed by the next save when their writer is gone or they are old; a live writer’s are kept', async () => {
    const { notes, env } = setup();
    const host = hostTag();
    const dead = await pidOfExited();
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      const files = {
        deadWriter: `.coach-${host}-${dead}-aaaaaaaaaaaa.tmp`,
        liveWriter: `.coach-${host}-${live.pid}-bbbbbbbbbbbb.tmp`,
        otherHost: `.coach-elsewhere.example-${dead}-cccccccccccc.tmp`,
        oldOldStyle: '.coach-dddddddddddd.tmp',
        newOldStyle: '.coach-eeeeeeeeeeee.tmp',
        notCoachs: 'draft.tmp',
      };
      for (const name of Object.values(files)) writeFileSync(join(notes, name), 'half a note');
      // Two hours before the file system's "now" (the mtime it just gave them), not the process's
      // clock: under faketime, or against a network disk, the two differ, and coach measures
      // ages on the file system's.
      const twoHoursAgo = new Date(statSync(join(notes, files.notCoachs)).mtimeMs - 2 * 3600_000);
      for (const name of [files.oldOldStyle, files.notCoachs]) utimesSync(join(notes, name), twoHoursAgo, twoHoursAgo);

      const result = await runCli(['prep', 'two-questions', '--answers', ANSWERS, '--no-input', '-q'], { env });
      expect(result.code, result.stderr).toBe(0);
      const left = readdirSync(notes).sort();
      expect(left).toEqual([files.liveWriter, files.otherHost, files.newOldStyle, '2026-11-22-acme-corp-two-questions-prep.md', files.notCoachs].sort());
    } finally {
      live.kill('SIGKILL');
    }
  });

  it('a writer killed for real leaves only names a later run recognises (and removes)', async () => {
    const { notes } = setup();
    // A child that starts writing a temp file the way coach does, and is killed before it finishes.
    const script = `
      const { tempName } = await import(${JSON.stringify(new URL('../../../src/store/files/leftover-temps.ts', import.meta.url).href)});
      const { openSync, writeSync } = await import('node:fs');
      const fd = openSync(${JSON.stringify(notes)} + '/' + tempName('0123456789ab'), 'wx');
      writeSync(fd, 'half a note');
      process.stdout.write('ready\\n');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoPath('.'), stdio: ['ignore', 'pipe', 'inherit'] });
    const closed = new Promise((resolve) => child.on('close', resolve));
    await Promise.race([new Promise<void>((resolve) => child.stdout.once('data', () => resolve())), closed]);
    child.kill('SIGKILL');
    await closed;
    const [leftover] = readdirSync(notes);
    expect(leftover).toMatch(new RegExp(`^\\.coach-${hostTag().replace(/\./g, '\\.')}-${child.pid}-0123456789ab\\.tmp$`));
    const result = await runCli(['prep', 'two-questions', '--answers', ANSWERS, '--no-input', '-q'], { env: { COACH_NOTES_DIR: notes } });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(notes)).toEqual(['2026-11-22-acme-corp-two-questions-prep.md']);
  });
});
