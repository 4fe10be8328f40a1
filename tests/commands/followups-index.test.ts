/**
 * `coach followups` and `coach account` read the open follow-ups from the notes index, not from
 * every debrief's text: what they print from a warm index equals what a run with no index at all
 * (a full read of every note) prints, after the notes are edited by another program, ticked by
 * hand, renamed and deleted between runs. Once the index is warm, an unchanged debrief is not
 * read again.
 */
import { readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notesIndexFile } from '../../src/store/notes/notes-index-layout.js';
import { readNotesIndex } from '../../src/store/notes/notes-index.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

function setup() {
  const dir = tempDir();
  const notes = join(dir, 'notes');
  const cache = join(dir, 'cache');
  let fresh = 0;
  /** The same command with the warm index, and with an empty cache directory (every note read). */
  const both = async (args: string[]) => {
    const warm = await runCli(args, { env: { COACH_NOTES_DIR: notes, COACH_CACHE_DIR: cache } });
    const full = await runCli(args, { env: { COACH_NOTES_DIR: notes, COACH_CACHE_DIR: join(dir, `empty-${fresh++}`) } });
    return { warm, full };
  };
  return { dir, notes, cache, both };
}

async function debrief(dir: string, notes: string, cache: string, customer: string, steps: string[]): Promise<string> {
  const answers = join(dir, 'answers.yaml');
  writeFileSync(answers, `customer: ${customer}\nneed_met: "yes"\nhelpful_met: "yes"\nmode_used: listening\nleft_feeling: relieved\nadjustment: Ask about finance first\nagreed: [A pilot]\nnext_steps:\n${steps.map((step) => `  - ${step}\n`).join('')}`);
  const result = await runCli(['debrief', '--playbook', 'two-questions', '--answers', answers, '--no-input', '-q'], { env: { COACH_NOTES_DIR: notes, COACH_CACHE_DIR: cache } });
  expect(result.code, result.stderr).toBe(0);
  const file = readdirSync(notes).find((name) => name.includes(customer.toLowerCase()) && name.includes('debrief'));
  if (!file) throw new Error('no debrief saved');
  return join(notes, file);
}

/** The index is written after the notes it read; age it so they count as unchanged (see notes-index-reader.ts, isUnchanged). */
function ageIndex(cache: string, notes: string): void {
  const index = notesIndexFile(cache, notes);
  const later = new Date(statSync(index).mtimeMs + 60_000);
  utimesSync(index, later, later);
}

describe('follow-ups and the account from the notes index', () => {
  it('print what a full read prints, whatever other programs do to the notes between runs', async () => {
    const { dir, notes, cache, both } = setup();
    const acme = await debrief(dir, notes, cache, 'Acme', ['Send the quote - me - 2026-12-04', 'Call the CFO - Sam - 2026-11-20']);
    const globex = await debrief(dir, notes, cache, 'Globex', ['Book the review - me - 2026-11-25']);
    const same = async (expected: string[]) => {
      const followups = await both(['followups', '--json']);
      expect(followups.warm).toEqual(followups.full);
      expect(JSON.parse(followups.warm.stdout).map((row: { text: string }) => row.text)).toEqual(expected);
      const account = await both(['account', 'acme', '--json']);
      expect(account.warm).toEqual(account.full);
      ageIndex(cache, notes);
    };
    await same(['Call the CFO', 'Book the review', 'Send the quote']);

    // Edited by another program: same size, new words, the old times put back.
    const before = statSync(acme);
    writeFileSync(acme, readFileSync(acme, 'utf8').replaceAll('Send the quote', 'Send the price'));
    utimesSync(acme, before.atime, before.mtime);
    await same(['Call the CFO', 'Book the review', 'Send the price']);

    // Ticked by hand in an editor.
    writeFileSync(acme, readFileSync(acme, 'utf8').replace('- [ ] Call the CFO', '- [x] Call the CFO'));
    await same(['Book the review', 'Send the price']);

    // Renamed, then deleted.
    const renamed = join(notes, 'acme-by-hand.md');
    renameSync(acme, renamed);
    await same(['Book the review', 'Send the price']);
    expect(JSON.parse((await both(['followups', '--json'])).warm.stdout)[1].note).toBe('acme-by-hand');
    ageIndex(cache, notes);
    unlinkSync(globex);
    await same(['Send the price']);
  });

  it('takes an unchanged debrief\'s follow-ups from the index without reading its file', async () => {
    const { dir, notes, cache } = setup();
    await debrief(dir, notes, cache, 'Acme', ['Send the quote - me - 2026-12-04']);
    await readNotesIndex(notes, undefined, { cacheDir: cache, followUps: true });
    ageIndex(cache, notes);
    const reads: string[] = [];
    const [note] = await readNotesIndex(notes, undefined, { cacheDir: cache, followUps: true, onRead: (name) => reads.push(name) });
    expect(reads).toEqual([]);
    expect(note?.boxes).toEqual({ open: [expect.objectContaining({ text: 'Send the quote', owner: 'me', due: '2026-12-04' })] });
  });

  it('a debrief the history read after an edit, without its body, has its follow-ups read when they are asked for', async () => {
    const { dir, notes, cache, both } = setup();
    const acme = await debrief(dir, notes, cache, 'Acme', ['Send the quote - me - 2026-12-04']);
    const name = acme.slice(notes.length + 1);
    await readNotesIndex(notes, undefined, { cacheDir: cache, followUps: true });
    ageIndex(cache, notes);
    writeFileSync(acme, readFileSync(acme, 'utf8').replaceAll('Send the quote', 'Send the price'));
    const reads: string[] = [];
    // As the history reads it: the header only.
    const [header] = await readNotesIndex(notes, undefined, { cacheDir: cache, onRead: (read) => reads.push(read) });
    expect(header).not.toHaveProperty('boxes');
    ageIndex(cache, notes);
    const [note] = await readNotesIndex(notes, undefined, { cacheDir: cache, followUps: true, onRead: (read) => reads.push(read) });
    expect(reads).toEqual([name, name]);
    expect(note?.boxes).toEqual({ open: [expect.objectContaining({ text: 'Send the price' })] });
    ageIndex(cache, notes);
    await readNotesIndex(notes, undefined, { cacheDir: cache, followUps: true, onRead: (read) => reads.push(read) });
    expect(reads).toEqual([name, name]);
    const followups = await both(['followups', '--json']);
    expect(followups.warm).toEqual(followups.full);
  });

  it('an index written by the previous format is not trusted: it is read again and rebuilt', async () => {
    const { dir, notes, cache } = setup();
    const acme = await debrief(dir, notes, cache, 'Acme', ['Send the quote - me - 2026-12-04']);
    await readNotesIndex(notes, undefined, { cacheDir: cache });
    const file = notesIndexFile(cache, notes);
    // Format 3 was one JSON document; what it said of this debrief is now also wrong.
    const name = acme.slice(notes.length + 1);
    writeFileSync(file, JSON.stringify({ format: 3, coach: '0.1.0', dir: notes, names: [name], stamps: [0, 0, 0, 0], strings: ['x'], notes: [1, 0, 0, 0, 0, -1, -1, 0, 0, -1], boxes: [] }));
    ageIndex(cache, notes);
    const reads: string[] = [];
    const [note] = await readNotesIndex(notes, undefined, { cacheDir: cache, followUps: true, onRead: (read) => reads.push(read) });
    expect(reads).toEqual([name]);
    expect(note?.boxes).toEqual({ open: [expect.objectContaining({ text: 'Send the quote' })] });
    const bytes = readFileSync(file);
    expect((JSON.parse(bytes.toString('utf8', 4, 4 + bytes.readUInt32LE(0))) as { format: number }).format).toBe(4);
  });
});
