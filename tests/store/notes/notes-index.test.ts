import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFrontMatter } from '../../../src/store/notes/front-matter-head.js';
import { debriefedPreps, readNotesIndex, type SkippedFile } from '../../../src/store/notes/notes-index.js';
import { tempDir } from '../../helpers/run-cli.js';
import { noteText, writeNote } from '../../helpers/notes.js';

async function index(dir: string) {
  const skipped: SkippedFile[] = [];
  const notes = await readNotesIndex(dir, (file) => skipped.push(file));
  return { notes, skipped, ids: notes.map((note) => note.id) };
}

describe('readNotesIndex', () => {
  it('lists notes newest first: by meeting date, then by when they were written', async () => {
    const dir = tempDir();
    writeNote(dir, 'old', { date: '2025-01-01' });
    writeNote(dir, 'new-prep', { date: '2026-11-22', created: '2026-11-20T10:00:00.000Z' });
    writeNote(dir, 'new-debrief', { kind: 'debrief', date: '2026-11-22', created: '2026-11-22T18:00:00.000Z', prep: 'new-prep' });
    writeNote(dir, 'middle', { date: '2026-03-15' });
    const { ids, skipped } = await index(dir);
    expect(ids).toEqual(['new-debrief', 'new-prep', 'middle', 'old']);
    expect(skipped).toEqual([]);
  });

  it('is empty for a notes directory that does not exist yet', async () => {
    expect((await index(join(tempDir(), 'not-yet'))).notes).toEqual([]);
  });

  it('skips Markdown that is not a coach note or is broken, once each, and keeps going', async () => {
    const dir = tempDir();
    writeNote(dir, 'good', {});
    writeFileSync(join(dir, 'README.md'), '# My notes\n\nNot a session.\n');
    writeFileSync(join(dir, 'obsidian.md'), '---\ntags: [work]\n---\nA note of my own.\n');
    writeFileSync(join(dir, 'broken.md'), '---\nkind: prep\nplaybook: [unclosed\n---\n');
    writeFileSync(join(dir, 'unclosed.md'), '---\nkind: prep\nplaybook: x\n');
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]));
    writeFileSync(join(dir, 'empty.md'), '');
    const { ids, skipped } = await index(dir);
    expect(ids).toEqual(['good']);
    expect(skipped.map((file) => [file.path.replace(`${dir}/`, ''), file.reason])).toEqual([
      ['README.md', 'it has no front matter'],
      ['binary.md', 'its front matter is not valid UTF-8'],
      ['broken.md', expect.stringMatching(/^its front matter is not valid YAML/)],
      ['empty.md', 'it has no front matter'],
      ['obsidian.md', expect.stringMatching(/^not a coach note/)],
      ['unclosed.md', 'its front matter has no closing "---" line'],
    ]);
  });

  it('looks only at Markdown files in the directory itself', async () => {
    const dir = tempDir();
    writeNote(dir, 'good', {});
    writeFileSync(join(dir, 'photo.png'), 'not text');
    writeFileSync(join(dir, '.coach-123.tmp'), 'a write in progress');
    writeFileSync(join(dir, '.hidden.md'), 'a hidden file');
    writeNote(join(dir, 'drafts'), 'draft', {});
    mkdirSync(join(dir, 'folder.md'));
    const { ids, skipped } = await index(dir);
    expect(ids).toEqual(['good']);
    expect(skipped).toEqual([]);
  });

  it('reads a front matter longer than the first read, whatever the body holds', async () => {
    const dir = tempDir();
    const longAnswer = `answers:\n  story: "${'a long answer '.repeat(2000)}"\n`;
    // A body that is not UTF-8 at all: decoding it would fail, so listing proves it was not read.
    const path = writeNote(dir, 'long', { customer: 'Long Ltd' }, longAnswer, '');
    writeFileSync(path, Buffer.concat([Buffer.from(noteText({ customer: 'Long Ltd' }, longAnswer, '')), Buffer.from([0xff, 0xfe, 0xfd])]));
    const { notes, skipped } = await index(dir);
    expect(skipped).toEqual([]);
    expect(notes).toMatchObject([{ id: 'long', customer: 'Long Ltd' }]);
  });

  it('knows which preps have a debrief', async () => {
    const dir = tempDir();
    writeNote(dir, 'a-prep', {});
    writeNote(dir, 'b-prep', {});
    writeNote(dir, 'a-debrief', { kind: 'debrief', prep: 'a-prep' });
    writeNote(dir, 'lone-debrief', { kind: 'debrief' });
    expect(debriefedPreps((await index(dir)).notes)).toEqual(new Set(['a-prep']));
  });
});

describe('findFrontMatter', () => {
  const find = (text: string, eof = true) => {
    const bytes = Buffer.from(text);
    const found = findFrontMatter(bytes, eof);
    return typeof found === 'string' ? found : bytes.subarray(found.start, found.end).toString();
  };

  it.each([
    ['---\nkind: prep\n---\nbody', 'kind: prep\n'],
    ['---\r\nkind: prep\r\n---\r\nbody', 'kind: prep\r\n'],
    ['\uFEFF---\nkind: prep\n---\n', 'kind: prep\n'],
    ['---\n---\n', ''],
    ['---\nkind: prep\n---', 'kind: prep\n'],
    ['---\ntitle: ----\n --- \n---\n', 'title: ----\n --- \n'],
    ['# title\n---\n', 'none'],
    ['--- \nkind: prep\n---\n', 'none'],
    ['---\nkind: prep\n', 'more'],
  ])('finds the front matter of %j', (text, expected) => {
    expect(find(text)).toBe(expected);
  });

  it('asks for more when the closing line may continue past what was read', () => {
    expect(find('---\nkind: prep\n---', false)).toBe('more');
    expect(find('---\nkind: prep\n--', false)).toBe('more');
    expect(find('--', false)).toBe('more');
  });
});

describe('readNotesIndex and text', () => {
  it('keeps a real U+FFFD in a note, and lists a note whose customer is written in any script', async () => {
    const dir = tempDir();
    writeNote(dir, 'replacement', { customer: 'Broken \uFFFD sign', title: '東京の会議' });
    const { notes, skipped } = await index(dir);
    expect(skipped).toEqual([]);
    expect(notes).toMatchObject([{ customer: 'Broken \uFFFD sign', title: '東京の会議' }]);
  });
});
