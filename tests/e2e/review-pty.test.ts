import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { repoPath } from '../helpers/playbooks.js';
import { KEYS, PtySession } from '../helpers/pty.js';
import { tempDir } from '../helpers/run-cli.js';
import { overflowedRows } from '../helpers/screen.js';

describe('review before saving, under a real terminal', () => {
  it('flipping a branch in the review asks what the new branch needs and saves the changed note', async () => {
    const notes = tempDir();
    const session = PtySession.coach(['prep', repoPath('tests/fixtures/e2e/branch-review.yaml')], { env: { COACH_NOTES_DIR: notes } });
    await session.answer('Who is the customer?', 'Acme');
    await session.answer('What is the meeting?', '');
    await session.answer('Date of the meeting', '');
    await session.waitFor('How will they arrive?');
    session.press(KEYS.enter);
    await session.answer('What is on the agenda?', 'the renewal');
    await session.answer('Anything else?', 'bring the contract');
    await session.waitFor('Review before saving');
    // Four rows down from "Save the note" the cursor is on the branch's answer, as the list shows.
    for (let i = 0; i < 4; i++) session.press(KEYS.down);
    await session.waitForScreen((screen) => screen.drawn.includes('❯ How will they arrive? → calm'));
    session.press(KEYS.enter);
    await session.waitFor('How will they arrive?');
    session.press(KEYS.down);
    session.press(KEYS.enter);
    await session.answer('How will you let them vent?', 'ten quiet minutes');
    await session.waitFor('Dropped, no longer asked: What is on the agenda?');
    // The second review lists the new branch's answer in place of the dropped one.
    const review = await session.waitForScreen((screen) => screen.drawn.at(-1) === '↑↓ navigate • type to jump • ⏎ select');
    const list = review.drawn.slice(review.drawn.lastIndexOf('❯ Save the note'));
    expect(list).toEqual([
      '❯ Save the note',
      `  Who is the customer? → Acme`,
      '  What is the meeting? → (no answer)',
      expect.stringMatching(/^ {2}Date of the meeting → \d{4}-\d{2}-\d{2}$/),
      '  How will they arrive? → angry',
      '  How will you let them vent? → ten quiet minutes',
      '  Anything else? → bring the contract',
      '',
      '↑↓ navigate • type to jump • ⏎ select',
    ]);
    await session.save();
    expect((await session.exited).exitCode).toBe(0);
    const [file] = readdirSync(notes);
    const screen = await session.screen();
    expect(screen.drawn).toContain('  Watch out: They will arrive angry.');
    expect(screen.drawn).toContain('  Ready ████████ 2/2 - Ready');
    expect(screen.drawn.at(-1)).toBe(`✔ Saved ${join(notes, file ?? '')}`);
    const note = readFileSync(join(notes, file ?? ''), 'utf8');
    expect(parseFrontMatter(note)?.['answers']).toEqual({ state: 'angry', vent: 'ten quiet minutes', extra: 'bring the contract' });
    expect(note).toContain('- [ ] Let them vent');
    expect(note).not.toContain('What is on the agenda?');
  });

  it('at 40 columns the review shows labels and answers, and a text answer is edited in place with the cursor', async () => {
    const notes = tempDir();
    const session = PtySession.coach(['prep', repoPath('tests/fixtures/e2e/review-edit.yaml'), '--date', '2026-11-22'], { env: { COACH_NOTES_DIR: notes }, cols: 40 });
    await session.answer('Who is the customer?', 'Acme');
    await session.answer('What is the meeting?', '');
    await session.waitFor('How will they arrive?');
    session.press(KEYS.enter);
    await session.answer('What do they need', 'a plan for the outage');
    await session.answer('What will you bring?', 'the timeline');
    await session.answer('2.', 'the credit note');
    await session.answer('3.', '');
    const review = await session.waitForScreen((screen) => screen.drawn.at(-1) === '↑↓ navigate • type to jump • ⏎ select');
    const list = review.drawn.slice(review.drawn.lastIndexOf('❯ Save the note'));
    expect(list).toEqual([
      '❯ Save the note',
      '  Who is the customer? → Acme',
      '  What is the meeting? → (no answer)',
      '  Date of the meeting → 2026-11-22',
      '  How will they… → Frustrated and tired',
      '  What do they… → a plan for the…',
      '  What will you… → the timeline, the…',
      '',
      '↑↓ navigate • type to jump • ⏎ select',
    ]);
    expect(overflowedRows(review)).toEqual([]);
    // A short message is left as it is: the list's "  2." keeps its indent.
    expect(review.all.map((line) => line.text)).toContain('✔   2. the credit note');

    for (let i = 0; i < 5; i++) session.press(KEYS.down);
    await session.waitForScreen((screen) => screen.drawn.includes('❯ What do they… → a plan for the…'));
    session.press(KEYS.enter);
    // The old words are on the line, ready to edit: home, past "a ", delete "plan", type "fix".
    // The question is broken between words, not where the edge falls.
    const editing = await session.waitForScreen((screen) => screen.drawn.at(-1) === 'meeting? a plan for the outage');
    expect(editing.drawn.at(-2)).toBe('? What do they need from me in this');
    session.press(KEYS.home);
    session.press(KEYS.right);
    session.press(KEYS.right);
    for (let i = 0; i < 4; i++) session.press(KEYS.delete);
    await session.type('fix');
    await session.waitForScreen((screen) => screen.drawn.at(-1) === 'meeting? a fix for the outage');
    session.press(KEYS.enter);
    // Back in the review, on "Save the note", with the edited answer in its row.
    await session.waitForScreen((screen) => screen.drawn.includes('  What do they… → a fix for the outage') && screen.drawn.includes('❯ Save the note'));
    session.press(KEYS.enter);
    expect((await session.exited).exitCode).toBe(0);
    const [file] = readdirSync(notes);
    const note = readFileSync(join(notes, file ?? ''), 'utf8');
    expect(parseFrontMatter(note)?.['answers']).toEqual({ mood: 'frustrated', need: 'a fix for the outage', bring: ['the timeline', 'the credit note'] });
  });
});
