/**
 * "From last time" under a real pseudo-terminal, in the built CLI: right after the customer is
 * named, before the next question, the screen shows what the last debrief left; last time's
 * role is the default and Enter keeps it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { localDate } from '../../src/io.js';
import { ACCOUNT_CHECK } from '../helpers/notes.js';
import { KEYS, PtySession } from '../helpers/pty.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

describe('From last time under a real terminal', () => {
  it('shows the last debrief once the customer is named, and offers last time\'s role', async () => {
    const dir = tempDir();
    const notes = join(dir, 'notes');
    writeFileSync(join(dir, 'account-check.yaml'), ACCOUNT_CHECK);
    const env = { COACH_NOTES_DIR: notes, COACH_PLAYBOOKS_PATH: dir };
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, 'customer: Initech\nrole: Head of IT\nneed: A date\n');
    expect((await runCli(['prep', 'account-check', '--answers', answers, '--date', '2026-11-20', '--no-input', '-q'], { env })).code).toBe(0);
    writeFileSync(answers, 'landed: deal\nfelt: calm\nlesson: Show the monitoring first\nnext_steps: [Send the contract - me - 2026-12-01]\n');
    expect((await runCli(['debrief', '--last', '--answers', answers, '--no-input', '-q'], { env })).code).toBe(0);

    // The child runs on the real clock: the meeting's date is given.
    const session = PtySession.coach(['prep', 'account-check', '--no-review', '--date', '2026-12-02'], { env });
    await session.answer('Who is the customer?', 'INITECH');
    await session.waitFor('What is the meeting?');
    const shown = (await session.screen()).all.map((line) => line.text).join('\n');
    expect(shown.indexOf('From last time with Initech')).toBeGreaterThan(shown.indexOf('Who is the customer?'));
    expect(shown.indexOf('From last time with Initech')).toBeLessThan(shown.indexOf('What is the meeting?'));
    expect(shown).toContain('Lessons: Show the monitoring first');
    // A blank row between the recollection and the next question's help.
    const rows = shown.split('\n');
    expect(rows[rows.findIndex((row) => row.includes('A few words you will recognise')) - 1]?.trim()).toBe('');
    // Overdue once the child's own clock (the machine's, or CI's shifted one) is past its due date.
    const due = localDate(new Date()) > '2026-12-01' ? 'overdue since' : 'due';
    expect(shown.replace(/\s+/g, ' ')).toContain(`Send the contract (owner: me; ${due} 2026-12-01)`);
    session.press(KEYS.enter);
    await session.waitFor('(Head of IT)');
    session.press(KEYS.enter);
    await session.answer('What do they need?', 'The contract signed');
    const { exitCode } = await session.exited;
    expect(exitCode).toBe(0);
    expect(readdirSync(notes)).toContain('2026-12-02-initech-account-check-prep.md');
    const note = readFileSync(join(notes, '2026-12-02-initech-account-check-prep.md'), 'utf8');
    expect(parseFrontMatter(note)?.['answers']).toEqual({ role: 'Head of IT', need: 'The contract signed' });
    expect(note).toContain('**Lessons:** Show the monitoring first');
  });
});
