/**
 * A check's message shows right after a typed answer, with the better way and one chance to say
 * it again; Enter keeps the words, and what was kept is in the note's coaching notes. Answers from
 * a file get the same checks, in the note and the summary on stderr.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { FakeTerminal, runCli, tempDir } from '../helpers/run-cli.js';

const PLAYBOOK = `id: own-it
title: Own it
summary: Say what you did.
source: coach tests
prep:
  steps:
    - id: say
      title: What you will say
      questions:
        - id: line
          type: text
          prompt: What will you say first?
          checks:
            - id: empty-apology
              phrases: [any inconvenience]
              message: That is the apology every company sends.
              better: Name what you did and what it cost them.
            - id: hidden-actor
              detector: passive
              message: That hides who failed.
              better: Say who did it.
        - id: next
          type: text
          prompt: What happens next?
`;

function setup() {
  const dir = tempDir();
  const playbook = join(dir, 'own-it.yaml');
  writeFileSync(playbook, PLAYBOOK);
  return { playbook, notes: join(dir, 'notes') };
}

async function context(terminal: FakeTerminal): Promise<void> {
  await terminal.answer('Who is the customer?', 'Acme');
  await terminal.answer('What is the meeting?', '');
  await terminal.answer('Date of the meeting', '');
}

const savedNote = (notes: string): string => readFileSync(join(notes, readdirSync(notes)[0] ?? ''), 'utf8');

describe('checks at the prompt', () => {
  it('show the message and the better way after the answer, and take the words said again', async () => {
    const { playbook, notes } = setup();
    const terminal = new FakeTerminal();
    const done = runCli(['prep', playbook, '--no-review'], { terminal, env: { COACH_NOTES_DIR: notes } });
    await context(terminal);
    await terminal.answer('? What will you say first?', 'Mistakes were made, sorry for any inconvenience.');
    await terminal.waitFor('Say it another way, or press Enter to keep your words');
    const shown = terminal.text;
    expect(shown).toContain('Coach: "any inconvenience": That is the apology every company sends.');
    expect(shown).toContain('Better: Name what you did and what it cost them.');
    expect(shown).toContain('Coach: "were made": That hides who failed.');
    terminal.type('We shipped the wrong build and your line stopped for a day.');
    terminal.press('enter');
    await terminal.answer('? What happens next?', 'I call you on Friday.');
    expect((await done).code).toBe(0);

    const note = savedNote(notes);
    expect(parseFrontMatter(note)?.['answers']).toEqual({ line: 'We shipped the wrong build and your line stopped for a day.', next: 'I call you on Friday.' });
    expect(note).not.toContain('On your words');
    // Said well the second time, the words raise nothing more: the next question came straight after.
    expect(terminal.text.split('Coach:').length - 1).toBe(2);
  });

  it('never block: Enter keeps the words, and the note and the summary say what the checks found', async () => {
    const { playbook, notes } = setup();
    const terminal = new FakeTerminal();
    const done = runCli(['prep', playbook, '--no-review'], { terminal, env: { COACH_NOTES_DIR: notes } });
    await context(terminal);
    await terminal.answer('? What will you say first?', 'Sorry for any inconvenience.');
    await terminal.waitFor('Say it another way, or press Enter to keep your words');
    terminal.press('enter');
    await terminal.answer('? What happens next?', 'I call you on Friday.');
    const result = await done;
    expect(result.code).toBe(0);

    const note = savedNote(notes);
    expect(parseFrontMatter(note)?.['answers']).toMatchObject({ line: 'Sorry for any inconvenience.' });
    expect(note).toContain('## Coaching notes\n\n**On your words** (What will you say first?): "any inconvenience" - That is the apology every company sends.\n\n- Better: Name what you did and what it cost them.');
    expect(result.stderr.replace(/\s+/g, ' ')).toContain('On your words (line): "any inconvenience": That is the apology every company sends.');
  });

  it('apply to answers from a file too: in the note and the summary on stderr', async () => {
    const { playbook, notes } = setup();
    const result = await runCli(['prep', playbook, '--no-input', '--set', 'customer=Acme', '--set', 'line=The wrong parts were shipped.', '--set', 'next=I call on Friday.'], {
      env: { COACH_NOTES_DIR: notes },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('**On your words** (What will you say first?): "were shipped" - That hides who failed.');
    expect(result.stderr.replace(/\s+/g, ' ')).toContain('On your words (line): "were shipped": That hides who failed.');
    expect(result.stderr).toContain('Better: Say who did it.');
  });
});
