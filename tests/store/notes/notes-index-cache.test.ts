/**
 * The notes index in the cache directory: whatever other programs do to the notes, and whatever
 * happens to the index itself, the history read through it is exactly what a full read of the
 * notes gives. `onRead` counts the notes read from their files rather than taken from the index.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, truncateSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notesIndexFile } from '../../../src/store/notes/notes-index-layout.js';
import { readNotesIndex, readNoteTable, type SkippedFile } from '../../../src/store/notes/notes-index.js';
import { runCli, tempDir } from '../../helpers/run-cli.js';
import { noteText, writeNote } from '../../helpers/notes.js';

async function read(notes: string, cacheDir?: string) {
  const skipped: SkippedFile[] = [];
  const reads: string[] = [];
  const list = await readNotesIndex(notes, (file) => skipped.push(file), { cacheDir, onRead: (name) => reads.push(name) });
  return { list, skipped, reads };
}

/** Through the index, compared with a full read of every note (no index at all). */
async function expectSameAsFullRead(notes: string, cacheDir: string) {
  const viaIndex = await read(notes, cacheDir);
  const full = await read(notes);
  expect(viaIndex.list).toStrictEqual(full.list);
  expect(viaIndex.skipped).toStrictEqual(full.skipped);
  return viaIndex;
}

/**
 * A note not older than the index may have changed within the same clock tick and is read again;
 * these tests move the index's own time forward, as the passing of time would. On the file
 * system's clock, which stamped the notes (never Date.now(): under faketime, or with a network
 * disk, the process's clock is far from it).
 */
function ageIndex(notes: string, cacheDir: string): void {
  moveIndexTime(notes, cacheDir, 60_000);
}

function moveIndexTime(notes: string, cacheDir: string, byMs: number): void {
  const index = notesIndexFile(cacheDir, notes);
  const later = new Date(statSync(index).mtimeMs + byMs);
  utimesSync(index, later, later);
}

/** The index file opens with its header's length (4 bytes, little-endian), then the header as JSON. */
function headerOf(bytes: Buffer): Record<string, unknown> {
  return JSON.parse(bytes.toString('utf8', 4, 4 + bytes.readUInt32LE(0))) as Record<string, unknown>;
}

function rewriteHeader(file: string, change: (header: Record<string, unknown>) => Record<string, unknown>): void {
  const bytes = readFileSync(file);
  const json = Buffer.from(JSON.stringify(change(headerOf(bytes))));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  writeFileSync(file, Buffer.concat([length, json, bytes.subarray(4 + bytes.readUInt32LE(0))]));
}

function setup() {
  const root = tempDir('coach-index-');
  const notes = join(root, 'notes');
  const cacheDir = join(root, 'cache');
  writeNote(notes, '2026-11-20-acme-two-questions-prep', { customer: 'Acme', date: '2026-11-20' });
  writeNote(notes, '2026-11-21-globex-two-questions-prep', { customer: 'Globex', date: '2026-11-21' });
  writeNote(notes, '2026-11-21-globex-two-questions-debrief', { kind: 'debrief', customer: 'Globex', date: '2026-11-21', prep: '2026-11-21-globex-two-questions-prep' });
  writeFileSync(join(notes, 'README.md'), '# My notes\n');
  return { notes, cacheDir };
}

describe('the notes index', () => {
  it('reads every note once, then only the ones that changed', async () => {
    const { notes, cacheDir } = setup();
    expect((await expectSameAsFullRead(notes, cacheDir)).reads).toHaveLength(4);
    ageIndex(notes, cacheDir);
    expect((await expectSameAsFullRead(notes, cacheDir)).reads).toEqual([]);
    writeNote(notes, '2026-11-20-acme-two-questions-prep', { customer: 'Acme Corp', date: '2026-11-20' });
    expect((await expectSameAsFullRead(notes, cacheDir)).reads).toEqual(['2026-11-20-acme-two-questions-prep.md']);
  });

  it('reads again a note not older than the index, which may have changed in the same clock tick', async () => {
    const { notes, cacheDir } = setup();
    await read(notes, cacheDir);
    const index = notesIndexFile(cacheDir, notes);
    const note = join(notes, '2026-11-20-acme-two-questions-prep.md');
    const { mtime } = statSync(index);
    // The note's own time equals the index's, as two writes in one tick of a coarse clock leave it.
    utimesSync(note, mtime, mtime);
    utimesSync(index, mtime, mtime);
    expect((await expectSameAsFullRead(notes, cacheDir)).reads).toContain('2026-11-20-acme-two-questions-prep.md');
  });

  it.each([
    ['added', (notes: string) => void writeNote(notes, '2026-11-23-initech-two-questions-prep', { customer: 'Initech', date: '2026-11-23' })],
    ['edited to the same size with new content, its mtime put back', (notes: string) => {
      const path = join(notes, '2026-11-20-acme-two-questions-prep.md');
      const { atime, mtime } = statSync(path);
      writeFileSync(path, noteText({ customer: 'Acmf', date: '2026-11-20' }));
      utimesSync(path, atime, mtime);
    }],
    ['renamed', (notes: string) => renameSync(join(notes, '2026-11-21-globex-two-questions-prep.md'), join(notes, '2026-11-21-globex-renamed-prep.md'))],
    ['deleted', (notes: string) => unlinkSync(join(notes, '2026-11-21-globex-two-questions-debrief.md'))],
    ['replaced by another file under the same name', (notes: string) => {
      const path = join(notes, '2026-11-20-acme-two-questions-prep.md');
      writeFileSync(`${path}.new`, noteText({ kind: 'debrief', customer: 'Acme', date: '2026-11-20' }));
      renameSync(`${path}.new`, path);
    }],
    ['broken by hand', (notes: string) => writeFileSync(join(notes, '2026-11-21-globex-two-questions-prep.md'), '---\nkind: prep\nplaybook: [unclosed\n---\n')],
    ['mended by hand', (notes: string) => writeFileSync(join(notes, 'README.md'), noteText({ customer: 'Hooli' }))],
    ['replaced by a directory', (notes: string) => {
      unlinkSync(join(notes, 'README.md'));
      mkdirSync(join(notes, 'README.md'));
    }],
  ])('shows a note %s by another program at once', async (_name, change) => {
    const { notes, cacheDir } = setup();
    await read(notes, cacheDir);
    ageIndex(notes, cacheDir);
    const before = await read(notes);
    change(notes);
    const after = await expectSameAsFullRead(notes, cacheDir);
    // The change is visible: what the history lists or skips is not what it was.
    expect([after.list, after.skipped]).not.toStrictEqual([before.list, before.skipped]);
  });

  it('is right after the clock went backwards: an index from the future trusts nothing that changed', async () => {
    const { notes, cacheDir } = setup();
    await read(notes, cacheDir);
    moveIndexTime(notes, cacheDir, 365 * 86_400_000);
    const path = join(notes, '2026-11-20-acme-two-questions-prep.md');
    const { atime, mtime } = statSync(path);
    writeFileSync(path, noteText({ customer: 'Acmf', date: '2026-11-20' }));
    utimesSync(path, atime, mtime);
    const after = await expectSameAsFullRead(notes, cacheDir);
    expect(after.list.map((note) => note.customer)).toContain('Acmf');
  });

  it.each([
    ['deleted', (file: string) => rmSync(file)],
    ['truncated', (file: string) => truncateSync(file, Math.floor(statSync(file).size / 2))],
    ['filled with garbage', (file: string) => writeFileSync(file, '\u0000{not json at all')],
    ['valid JSON of another shape', (file: string) => writeFileSync(file, JSON.stringify({ format: 1, coach: '0.1.0', notes: [[1, 2, 3]] }))],
    ['from another coach version', (file: string) => rewriteHeader(file, (header) => ({ ...header, coach: '0.0.0-other' }))],
    ['from a machine of the other byte order', (file: string) => rewriteHeader(file, (header) => ({ ...header, endian: header['endian'] === 'LE' ? 'BE' : 'LE' }))],
    ['of format 3, one JSON document', (file: string) => writeFileSync(file, JSON.stringify({ format: 3, coach: '0.1.0', names: [], stamps: [], strings: [], notes: [], boxes: [] }))],
    ['one byte short', (file: string) => truncateSync(file, statSync(file).size - 1)],
    ['one byte longer', (file: string) => writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from([0])]))],
    ['claiming a note more than it holds', (file: string) => rewriteHeader(file, (header) => ({ ...header, notes: (header['notes'] as number) + 1 }))],
    ['pointing past its strings', (file: string) => {
      // The first note's playbook, right after its kind in the fields that follow the stamps.
      const bytes = readFileSync(file);
      const { notes } = headerOf(bytes);
      bytes.writeInt32LE(1_000_000, 4 + bytes.readUInt32LE(0) + (notes as number) * 4 * 8 + 4);
      writeFileSync(file, bytes);
    }],
    ['with its text bytes damaged', (file: string) => {
      const bytes = readFileSync(file);
      bytes[bytes.length - 1] = 0xff;
      writeFileSync(file, bytes);
    }],
    ['made a directory', (file: string) => {
      rmSync(file);
      mkdirSync(file);
    }],
    ['made read-only', (file: string) => chmodSync(file, 0o444)],
    ['a FIFO', (file: string) => {
      rmSync(file);
      expect(spawnSync('mkfifo', [file]).status).toBe(0);
    }],
    ['a link to /dev/zero', (file: string) => {
      rmSync(file);
      symlinkSync('/dev/zero', file);
    }],
  ])('ignores an index that is %s, and gives the full read', async (_name, spoil) => {
    const { notes, cacheDir } = setup();
    await read(notes, cacheDir);
    ageIndex(notes, cacheDir);
    writeNote(notes, '2026-11-23-initech-two-questions-prep', { customer: 'Initech', date: '2026-11-23' });
    spoil(notesIndexFile(cacheDir, notes));
    await expectSameAsFullRead(notes, cacheDir);
    await expectSameAsFullRead(notes, cacheDir);
  });

  it('is right about every kind of change over more notes than it checks while the directory is listed', async () => {
    // The scan stats the notes the index knows while the listing is made, a batch at a time, until
    // the listing is in (notes-index.ts checkWhileListing); over 1,500 notes some are checked then
    // and the rest after, and where that line falls depends on the machine: the result may not.
    const root = tempDir('coach-index-');
    const notes = join(root, 'notes');
    const cacheDir = join(root, 'cache');
    const name = (n: number) => `2026-11-${String(1 + (n % 28)).padStart(2, '0')}-acme-${String(n).padStart(4, '0')}-prep`;
    for (let n = 0; n < 1_500; n++) writeNote(notes, name(n), { customer: `Acme ${n}`, date: `2026-11-${String(1 + (n % 28)).padStart(2, '0')}` });
    await read(notes, cacheDir);
    ageIndex(notes, cacheDir);
    const edited = [3, 260, 1_400].map((n) => {
      const path = join(notes, `${name(n)}.md`);
      const { atime, mtime } = statSync(path);
      // Same size, new content, the old mtime put back: only the inode's change time tells.
      writeFileSync(path, readFileSync(path, 'utf8').replace(`"Acme ${n}"`, `"Acmf ${n}"`));
      utimesSync(path, atime, mtime);
      return `${name(n)}.md`;
    });
    renameSync(join(notes, `${name(700)}.md`), join(notes, '2026-12-01-renamed-prep.md'));
    unlinkSync(join(notes, `${name(900)}.md`));
    writeNote(notes, '2026-12-02-initech-new-prep', { customer: 'Initech', date: '2026-12-02' });

    const { reads, list } = await expectSameAsFullRead(notes, cacheDir);
    expect(reads.sort()).toEqual([...edited, '2026-12-01-renamed-prep.md', '2026-12-02-initech-new-prep.md'].sort());
    expect(list).toHaveLength(1_500);
    expect(list.filter((note) => note.customer.startsWith('Acmf')).map((note) => note.customer).sort()).toEqual(['Acmf 1400', 'Acmf 260', 'Acmf 3']);
  });

  it("gives each row the file's size, times and inode as the scan found them, read now or kept in the index", async () => {
    const { notes, cacheDir } = setup();
    // Its modification time apart from its change time, so the two cannot be mistaken for each other.
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(notes, '2026-11-20-acme-two-questions-prep.md'), past, past);
    const stampOf = (name: string) => {
      const { size, mtimeMs, ctimeMs, ino } = statSync(join(notes, name));
      return { size, mtimeMs, ctimeMs, ino };
    };
    for (const pass of ['read from the files', 'kept in the index']) {
      const table = await readNoteTable(notes, () => undefined, { cacheDir });
      expect(table.length, pass).toBe(3);
      for (let row = 0; row < table.length; row++) expect(table.stamp(row), pass).toEqual(stampOf(`${table.id(row)}.md`));
      ageIndex(notes, cacheDir);
    }
  });

  it('runs without an index where the cache directory cannot be made', async () => {
    const { notes, cacheDir } = setup();
    writeFileSync(cacheDir, 'a file where the cache directory should be\n');
    expect((await expectSameAsFullRead(notes, cacheDir)).reads).toHaveLength(4);
  });

  it('skips a note that is a FIFO or a link to one, without waiting for a writer', async () => {
    const { notes, cacheDir } = setup();
    expect(spawnSync('mkfifo', [join(notes, 'pipe.fifo')]).status).toBe(0);
    symlinkSync(join(notes, 'pipe.fifo'), join(notes, 'linked.md'));
    expect(spawnSync('mkfifo', [join(notes, 'fifo.md')]).status).toBe(0);
    symlinkSync('/dev/zero', join(notes, 'zero.md'));
    const { list, skipped } = await expectSameAsFullRead(notes, cacheDir);
    expect(list).toHaveLength(3);
    expect(skipped.map(({ path, reason }) => [path.slice(notes.length + 1), reason])).toEqual(
      expect.arrayContaining([
        ['fifo.md', 'it is not a regular file'],
        ['linked.md', 'it is not a regular file'],
        ['zero.md', 'it is not a regular file'],
      ]),
    );
  });

  it('is not written again when nothing changed, even beside a FIFO or a directory named *.md', async () => {
    const { notes, cacheDir } = setup();
    expect(spawnSync('mkfifo', [join(notes, 'fifo.md')]).status).toBe(0);
    mkdirSync(join(notes, 'folder.md'));
    await read(notes, cacheDir);
    ageIndex(notes, cacheDir);
    const before = statSync(notesIndexFile(cacheDir, notes));
    const again = await expectSameAsFullRead(notes, cacheDir);
    expect(again.reads).toEqual([]);
    const after = statSync(notesIndexFile(cacheDir, notes));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('stays right when two coach runs write it at once', async () => {
    const { notes, cacheDir } = setup();
    for (let i = 0; i < 40; i++) writeNote(notes, `2026-10-${String((i % 28) + 1).padStart(2, '0')}-n${i}-two-questions-prep`, { customer: `Customer ${i}`, date: `2026-10-${String((i % 28) + 1).padStart(2, '0')}` });
    const env = { COACH_NOTES_DIR: notes, COACH_CACHE_DIR: cacheDir };
    const runs = await Promise.all([1, 2, 3, 4].map(() => runCli(['history', '--json'], { env })));
    const full = await runCli(['history', '--json'], { env: { COACH_NOTES_DIR: notes, COACH_CACHE_DIR: join(cacheDir, 'elsewhere') } });
    for (const run of runs) expect(run).toEqual(full);
    expect(readdirSync(join(cacheDir, 'notes-index')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await expectSameAsFullRead(notes, cacheDir);
  });

  it('costs only time when the whole cache directory is removed', async () => {
    const { notes, cacheDir } = setup();
    const env = { COACH_NOTES_DIR: notes, COACH_CACHE_DIR: cacheDir };
    const first = await runCli(['history'], { env });
    rmSync(cacheDir, { recursive: true, force: true });
    expect(await runCli(['history'], { env })).toEqual(first);
  });
});

describe('the notes index over many edits', () => {
  it('stays a full read, and keeps no more than twice the strings it needs, however often a note is edited', async () => {
    const { notes, cacheDir } = setup();
    await read(notes, cacheDir);
    for (let edit = 0; edit < 600; edit++) {
      // A new customer and title each time: the strings of the edit before are no longer used.
      writeNote(notes, '2026-11-20-acme-two-questions-prep', { customer: `Acme ${edit}`, title: `Renewal, take ${edit}`, date: '2026-11-20' });
      const { list } = await read(notes, cacheDir);
      expect(list.find((note) => note.id === '2026-11-20-acme-two-questions-prep')?.customer).toBe(`Acme ${edit}`);
    }
    await expectSameAsFullRead(notes, cacheDir);
    const { strings, compacted } = headerOf(readFileSync(notesIndexFile(cacheDir, notes)));
    expect(strings as number).toBeLessThanOrEqual(2 * (compacted as number) + 1024);
    expect(compacted as number).toBeLessThan(100);
  });
});
