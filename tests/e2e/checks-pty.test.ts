/**
 * A check on the words under a real pseudo-terminal, in the built CLI: the message and the better
 * way appear right after the typed answer, the answer can be said again, and Enter keeps it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { KEYS, PtySession } from '../helpers/pty.js';
import { tempDir } from '../helpers/run-cli.js';

describe('checks under a real terminal', () => {
  it('coach on a typed answer, take the rephrase, and keep words on Enter', async () => {
    const notes = tempDir();
    const session = PtySession.coach(['prep', 'two-questions', '--no-review'], { env: { COACH_NOTES_DIR: notes } });
    await session.answer('Who is the customer?', 'Initech');
    await session.answer('What is the meeting?', '');
    await session.waitFor('Date of the meeting');
    session.press(KEYS.enter);
    await session.answer('? What do they need from me in this meeting?', 'Get the renewal signed this quarter');
    await session.waitFor('Say it another way, or press Enter to keep your words');
    const coached = (await session.screen()).all.map((line) => line.text).join('\n');
    expect(coached).toContain('Coach: "Get the renewal", "signed": That is your agenda, not their need.');
    expect(coached).toContain('Better: Write what they need from you, in their terms');
    await session.type('Proof that the fix holds before their peak season');
    session.press(KEYS.enter);
    await session.answer('their need has changed', '');
    await session.waitFor('What emotional state');
    session.press(KEYS.down);
    session.press(KEYS.down);
    session.press(KEYS.enter);
    await session.answer('Which emotional signals', '');
    await session.answer('How can I be helpful to them', 'show the monitoring data first');
    await session.waitFor('Which mode will you lead with?');
    session.press(KEYS.enter);
    await session.answer('which steps forward or options', 'a weekly check-in');
    await session.answer('empathetic statement', 'I hear you.');
    await session.waitFor('Say it another way, or press Enter to keep your words');
    session.press(KEYS.enter);
    await session.answer('honestly agree with them about', 'the second outage was our fault');
    await session.answer('2.', '');
    await session.answer('How will you reassure them', 'the root cause is fixed');
    await session.answer('cleared your calendar', 'y');
    await session.answer('on paper', 'n');
    const { exitCode } = await session.exited;
    expect(exitCode).toBe(0);

    const [name] = readdirSync(notes);
    const note = readFileSync(join(notes, name ?? ''), 'utf8');
    expect(parseFrontMatter(note)?.['answers']).toMatchObject({ need: 'Proof that the fix holds before their peak season', empathy_line: 'I hear you.' });
    expect(note).toContain('**On your words** (What specific, empathetic statement can you make about what they are going through?): "I hear you" - That is the line everyone uses');
    expect(note).not.toContain('That is your agenda');
  });
});
