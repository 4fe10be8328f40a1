/**
 * One customer's kept answers and scores: a note read once is not read again while it is
 * unchanged, and any change to it (an edit, even of the same size, a replacement, a note touched
 * within the same clock tick as the cache) is read again; a cache file that is broken, of another
 * customer or directory, is as good as none; a note that cannot be read is never kept.
 */
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteAnswersCache } from '../../../src/store/notes/note-answers-cache.js';
import { writeNote } from '../../helpers/notes.js';
import { tempDir } from '../../helpers/run-cli.js';

const ANSWERS = 'answers:\n  need: "a firm date"\n  role: Head of IT\nscores:\n  - { id: ready, title: Ready, value: 3, max: 5, verdict: Nearly }\n';

function setup() {
  const dir = tempDir();
  const notes = join(dir, 'notes');
  const cache = join(dir, 'cache');
  const path = writeNote(notes, '2026-11-20-acme-prep', {}, ANSWERS);
  // Older than any cache file written now, as a note saved earlier is. A fixed day, not the
  // test's clock: file times come from the file system's clock, which faketime does not move.
  const longAgo = new Date('2020-01-01T00:00:00Z');
  utimesSync(path, longAgo, longAgo);
  const reads: string[] = [];
  const open = () => noteAnswersCache(cache, notes, 'acme', (read) => reads.push(read));
  /** One run: read the note, keep what was read. */
  const run = async (at = path) => {
    const kept = open();
    const read = await kept.read(at);
    kept.save();
    return read;
  };
  /**
   * The cache file written a minute later than it was, as the passing of time would: a note whose
   * change time falls in the same tick of the file system's clock as the cache file is rightly
   * read again (a test of its own, below), and a fast machine writes both within one tick.
   */
  const ageCache = () => {
    const at = cacheFile();
    const later = new Date(statSync(at).mtimeMs + 60_000);
    utimesSync(at, later, later);
  };
  /** The one cache file a run has written. */
  const cacheFile = (): string => {
    const [file] = readdirSync(join(cache, 'note-answers'));
    return join(cache, 'note-answers', file ?? '');
  };
  return { notes, cache, path, reads, run, ageCache, cacheFile };
}

describe("a customer's kept answers", () => {
  it('read a note once, then from the cache while it is unchanged, giving the same answers and scores', async () => {
    const { path, reads, run, ageCache } = setup();
    const first = await run();
    ageCache();
    expect(first.answers).toEqual({ need: 'a firm date', role: 'Head of IT' });
    expect(await run()).toEqual(first);
    expect(reads).toEqual([path]);
  });

  it('take the stamp the notes index just found instead of a stat of their own, and read the note again when it differs', async () => {
    const { notes, cache, path, reads, run, ageCache } = setup();
    await run();
    ageCache();
    const { size, mtimeMs, ctimeMs, ino } = statSync(path);
    const kept = () => noteAnswersCache(cache, notes, 'acme', (read) => reads.push(read));
    expect((await kept().read(path, { size, mtimeMs, ctimeMs, ino })).answers).toEqual({ need: 'a firm date', role: 'Head of IT' });
    expect(reads).toEqual([path]);
    // A stamp that is not the kept one (the note changed since) means the note is read.
    await kept().read(path, { size: size + 1, mtimeMs, ctimeMs, ino });
    expect(reads).toEqual([path, path]);
  });

  it('read an edited note again, even an edit that keeps its size and puts its times back', async () => {
    const { path, reads, run } = setup();
    await run();
    const before = statSync(path);
    writeFileSync(path, readNoteWith(path, 'Head of IT', 'Head of HR'));
    utimesSync(path, before.atime, before.mtime);
    expect(statSync(path).size).toBe(before.size);
    expect((await run()).answers).toEqual({ need: 'a firm date', role: 'Head of HR' });
    expect(reads).toHaveLength(2);
  });

  it('do not trust a note changed within the same clock tick as the cache file was written', async () => {
    const { path, reads, run } = setup();
    // Far ahead of any clock a test runs on, the file system's or a faked one.
    const future = new Date('2100-01-01T00:00:00Z');
    utimesSync(path, future, future);
    await run();
    await run();
    expect(reads).toEqual([path, path]);
  });

  it('ignore a cache file that is garbage, of another build, another directory or another customer', async () => {
    const { notes, cache, path, reads, run, cacheFile } = setup();
    await run();
    const at = cacheFile();
    for (const garbage of ['{"format":1,', '[]', '{"format":1,"coach":"0.0.0","entries":{}}', '\u0000\u0001']) {
      writeFileSync(at, garbage);
      expect((await run()).answers).toEqual({ need: 'a firm date', role: 'Head of IT' });
    }
    expect(reads).toHaveLength(5);
    const other = noteAnswersCache(cache, notes, 'globex', (read) => reads.push(read));
    await other.read(path);
    expect(reads).toHaveLength(6);
    const elsewhere = noteAnswersCache(cache, join(notes, '..', 'other'), 'acme', (read) => reads.push(read));
    await elsewhere.read(path);
    expect(reads).toHaveLength(7);
  });

  it('never keep a note that cannot be read: it fails, every time, as reading it does', async () => {
    const { notes, reads, run } = setup();
    const broken = join(notes, '2026-11-21-acme-prep.md');
    writeFileSync(broken, '---\ncoach: 1\nkind: [unclosed\n---\n');
    await expect(run(broken)).rejects.toThrow(/cannot use this note/);
    await expect(run(broken)).rejects.toThrow(/cannot use this note/);
    expect(reads).toEqual([broken, broken]);
  });

  it('without a cache directory, read every note every time', async () => {
    const { notes, path } = setup();
    const reads: string[] = [];
    for (let run = 0; run < 2; run++) {
      const kept = noteAnswersCache(undefined, notes, 'acme', (read) => reads.push(read));
      await kept.read(path);
      kept.save();
    }
    expect(reads).toEqual([path, path]);
  });
});

function readNoteWith(path: string, from: string, to: string): string {
  return readFileSync(path, 'utf8').replace(from, to);
}
