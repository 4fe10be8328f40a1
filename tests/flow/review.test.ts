import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { repoPath } from '../helpers/playbooks.js';
import { FakeTerminal, runCli, tempDir } from '../helpers/run-cli.js';

const playbook = repoPath('tests/fixtures/e2e/branch-review.yaml');

async function calmSession(terminal: FakeTerminal): Promise<void> {
  await terminal.answer('Who is the customer?', 'Acme');
  await terminal.answer('What is the meeting?', '');
  await terminal.answer('Date of the meeting', '');
  await terminal.waitFor('How will they arrive?');
  terminal.press('enter');
  await terminal.answer('What is on the agenda?', 'the renewal');
  await terminal.answer('Anything else?', '');
}

const editPlaybook = repoPath('tests/fixtures/e2e/review-edit.yaml');

/** Answers review-edit.yaml: a labelled choice, a sentence, a list of two; the review is next. */
async function editSession(terminal: FakeTerminal): Promise<void> {
  await terminal.answer('Who is the customer?', 'Acme');
  await terminal.answer('What is the meeting?', '');
  await terminal.answer('Date of the meeting', '');
  await terminal.waitFor('How will they arrive?');
  terminal.press('enter');
  await terminal.answer('What do they need', 'a plan for the outage');
  await terminal.answer('What will you bring?', 'the timeline');
  await terminal.answer('2.', 'the credit note');
  await terminal.answer('3.', '');
  await terminal.waitFor('Review before saving');
}

/** The rows of the review list now on screen: from "Save the note" to the blank line after it. */
function reviewRows(terminal: FakeTerminal): string[] {
  const list = terminal.text.slice(terminal.text.lastIndexOf('Save the note'));
  return list.slice(0, list.indexOf('\n\n')).split('\n').slice(1);
}

async function savedAnswers(notes: string): Promise<unknown> {
  const [file] = readdirSync(notes);
  return parseFrontMatter(readFileSync(join(notes, file ?? ''), 'utf8'))?.['answers'];
}

describe('review: changing an answer edits it in place', () => {
  it('a text answer opens with its words on the line: changing one word is moving there and changing it', async () => {
    const notes = tempDir();
    const terminal = new FakeTerminal();
    const done = runCli(['prep', editPlaybook], { terminal, env: { COACH_NOTES_DIR: notes } });
    await editSession(terminal);
    for (let i = 0; i < 5; i++) terminal.press('down');
    terminal.press('enter');
    await terminal.waitFor('? What do they need from me in this meeting? a plan for the outage');
    // Home, past "a ", delete "plan", type "fix": nothing retyped.
    terminal.press('home');
    terminal.press('right');
    terminal.press('right');
    for (let i = 0; i < 4; i++) terminal.press('delete');
    terminal.type('fix');
    terminal.press('enter');
    await terminal.waitFor('Review before saving');
    expect(reviewRows(terminal)).toContain('  What do they need from me in this meeting? → a fix for the outage');
    terminal.press('enter');
    expect((await done).code).toBe(0);
    expect(await savedAnswers(notes)).toEqual({ mood: 'frustrated', need: 'a fix for the outage', bring: ['the timeline', 'the credit note'] });
  });

  it('a list offers its entries back: Enter keeps one, clearing and Backspace drops one, new ones follow', async () => {
    const notes = tempDir();
    const terminal = new FakeTerminal();
    const done = runCli(['prep', editPlaybook], { terminal, env: { COACH_NOTES_DIR: notes } });
    await editSession(terminal);
    for (let i = 0; i < 6; i++) terminal.press('down');
    terminal.press('enter');
    await terminal.waitFor('? What will you bring? (empty line ends) the timeline');
    terminal.press('enter');
    await terminal.waitFor('?   2. the credit note');
    terminal.press('u', { ctrl: true });
    await terminal.waitFor('(Enter keeps this entry, Backspace drops it)');
    terminal.press('backspace');
    terminal.press('enter');
    await terminal.answer('?   2.', 'the contract');
    await terminal.answer('?   3.', '');
    await terminal.save();
    expect((await done).code).toBe(0);
    expect(await savedAnswers(notes)).toEqual({ mood: 'frustrated', need: 'a plan for the outage', bring: ['the timeline', 'the contract'] });
  });

  it('the list shows the labels the prompts showed, not the ids the note keeps', async () => {
    const terminal = new FakeTerminal();
    const done = runCli(['prep', editPlaybook, '--no-save'], { terminal, env: { COACH_NOTES_DIR: tempDir() } });
    await editSession(terminal);
    expect(reviewRows(terminal)).toEqual([
      '  Who is the customer? → Acme',
      '  What is the meeting? → (no answer)',
      '  Date of the meeting → 2026-11-22',
      '  How will they arrive? → Frustrated and tired',
      '  What do they need from me in this meeting? → a plan for the outage',
      '  What will you bring? → the timeline, the credit note',
    ]);
    terminal.press('enter');
    expect((await done).code).toBe(0);
  });

  it('at 40 columns every row still shows its answer, the question shortened at a word', async () => {
    const terminal = new FakeTerminal();
    terminal.screen.columns = 40;
    const done = runCli(['prep', editPlaybook, '--no-save'], { terminal, env: { COACH_NOTES_DIR: tempDir() } });
    await editSession(terminal);
    const rows = reviewRows(terminal);
    expect(rows).toEqual([
      '  Who is the customer? → Acme',
      '  What is the meeting? → (no answer)',
      '  Date of the meeting → 2026-11-22',
      '  How will they… → Frustrated and tired',
      '  What do they… → a plan for the…',
      '  What will you… → the timeline, the…',
    ]);
    for (const row of rows) expect(row.length).toBeLessThan(40);
    terminal.press('enter');
    expect((await done).code).toBe(0);
  });
});

describe('review before saving', () => {
  it('changing an answer flips the branch: the new question is asked, the old answer dropped, flags recomputed', async () => {
    const notes = tempDir();
    const terminal = new FakeTerminal();
    const done = runCli(['prep', playbook], { terminal, env: { COACH_NOTES_DIR: notes } });
    await calmSession(terminal);
    await terminal.waitFor('Review before saving');
    expect(terminal.text).toContain('What is on the agenda? → the renewal');
    for (let i = 0; i < 4; i++) terminal.press('down');
    terminal.press('enter');
    // The prompt itself ("? How will…"), not the review list's line for it, which is already on screen.
    await terminal.waitFor('? How will they arrive?');
    terminal.press('down');
    terminal.press('enter');
    await terminal.answer('How will you let them vent?', 'ten quiet minutes');
    await terminal.waitFor('Dropped, no longer asked: What is on the agenda?');
    await terminal.save();
    const result = await done;
    expect(result.code).toBe(0);
    // The optional question left empty was not asked a second time.
    const afterFlip = terminal.text.slice(terminal.text.lastIndexOf('How will you let them vent?'));
    expect(afterFlip).not.toContain('? Anything else?');
    const [file] = readdirSync(notes);
    const data = parseFrontMatter(readFileSync(join(notes, file ?? ''), 'utf8'));
    expect(data?.['answers']).toEqual({ state: 'angry', vent: 'ten quiet minutes' });
    expect(data?.['flags']).toEqual([{ id: 'angry', level: 'warn', message: 'They will arrive angry.', actions: ['Let them vent'] }]);
    expect(data?.['scores']).toMatchObject([{ id: 'ready', value: 1, max: 2, verdict: 'Not ready' }]);
  });

  it('--no-review saves at once', async () => {
    const notes = tempDir();
    const terminal = new FakeTerminal();
    const done = runCli(['prep', playbook, '--no-review'], { terminal, env: { COACH_NOTES_DIR: notes } });
    await calmSession(terminal);
    expect((await done).code).toBe(0);
    expect(terminal.text).not.toContain('Review before saving');
    expect(readdirSync(notes)).toHaveLength(1);
  });
});
