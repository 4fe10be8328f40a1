/**
 * Notes that are not regular files: a `*.md` that is a FIFO, or a link to one or to a device.
 * Opening a FIFO for reading waits for a writer, on the main thread, where neither Ctrl-C nor
 * SIGTERM can stop it; a device never ends. Every command that lists or opens notes skips or
 * refuses them at once, with a message that says what is really there. The built CLI runs as a
 * real process, so a hang would be one (the helper kills it after its time limit).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/run-cli.js';
import { writeNote } from '../helpers/notes.js';
import { spawnCoach } from './helpers.js';

function notesWithSpecialFiles() {
  const dir = tempDir('coach-special-');
  const notes = join(dir, 'notes');
  mkdirSync(notes);
  writeNote(notes, '2026-11-20-acme-two-questions-prep', { customer: 'Acme', playbook: 'two-questions', date: '2026-11-20' }, 'answers:\n  need: a date\n');
  expect(spawnSync('mkfifo', [join(dir, 'pipe')]).status).toBe(0);
  symlinkSync(join(dir, 'pipe'), join(notes, 'linked-fifo.md'));
  expect(spawnSync('mkfifo', [join(notes, 'fifo.md')]).status).toBe(0);
  symlinkSync('/dev/zero', join(notes, 'x.md'));
  return { notes, env: { COACH_NOTES_DIR: notes, COACH_CONFIG_DIR: join(dir, 'config') } };
}

describe('notes that are FIFOs or devices', () => {
  it('history lists the real notes and skips the others with a warning each', async () => {
    const { notes, env } = notesWithSpecialFiles();
    const result = await spawnCoach(['history'], { env });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2026-11-20-acme-two-questions-prep');
    expect(result.stderr.split('\n').sort()).toEqual([
      '',
      `coach: warning: skipped ${join(notes, 'fifo.md')}: it is not a regular file`,
      `coach: warning: skipped ${join(notes, 'linked-fifo.md')}: it is not a regular file`,
      `coach: warning: skipped ${join(notes, 'x.md')}: it is not a regular file`,
    ]);
  });

  it('card and debrief --last find the newest prep past them', async () => {
    const { env } = notesWithSpecialFiles();
    const card = await spawnCoach(['card'], { env });
    expect(card.signal).toBeNull();
    expect(card.code).toBe(0);
    expect(card.stdout).toContain('Acme');
    const debrief = await spawnCoach(['debrief', '--last', '--no-input', '--stdout', '--no-save'], { env });
    expect(debrief.signal).toBeNull();
    // No answers were given, so the debrief stops at once; what matters is that it found the prep.
    expect(debrief.stderr).toContain('required answer');
    expect(debrief.code).toBe(2);
  });

  it('are each warned about once in a run that reads the notes twice', async () => {
    // A debrief reads the notes to find its prep, and again for that prep's earlier debriefs.
    const { notes, env } = notesWithSpecialFiles();
    const debrief = await spawnCoach(['debrief', '--last', '--no-input', '--stdout', '--no-save', '--set', 'need_met=yes'], { env });
    expect(debrief.signal).toBeNull();
    expect(debrief.stderr.split('\n').filter((line) => line.startsWith('coach: warning:')).sort()).toEqual([
      `coach: warning: skipped ${join(notes, 'fifo.md')}: it is not a regular file`,
      `coach: warning: skipped ${join(notes, 'linked-fifo.md')}: it is not a regular file`,
      `coach: warning: skipped ${join(notes, 'x.md')}: it is not a regular file`,
    ]);
  });

  it.each([
    ['a link to /dev/zero', 'x', 'x.md'],
    ['a FIFO', 'fifo', 'fifo.md'],
    ['a link to a FIFO', 'linked-fifo', 'linked-fifo.md'],
  ])('show of a note that is %s says so, and does not suggest the same id', async (_name, id, file) => {
    const { notes, env } = notesWithSpecialFiles();
    const result = await spawnCoach(['show', id], { env });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`coach: ${join(notes, file)}: cannot use this note: it is not a regular file\n`);
  });
});
