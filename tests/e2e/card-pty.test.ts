import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/playbooks.js';
import { PtySession } from '../helpers/pty.js';
import { tempDir } from '../helpers/run-cli.js';
import { overflowedRows } from '../helpers/screen.js';

describe('coach card under a real terminal', () => {
  it.each([80, 100])("shows a saved prep's answers and every action in full, %i columns wide", async (cols) => {
    const notes = tempDir();
    const env = { ...process.env, COACH_NOTES_DIR: notes, NO_COLOR: '1' };
    // A fixed date: the card shows it, and the test must not depend on the clock or the zone.
    const prep = ['prep', 'two-questions', '--answers', repoPath('tests/fixtures/answers/two-questions.yaml'), '--date', '2027-03-05', '--no-input', '-q'];
    execFileSync(process.execPath, [repoPath('bin/coach.js'), ...prep], { env, stdio: 'ignore' });
    const session = PtySession.coach(['card'], { env: { COACH_NOTES_DIR: notes }, cols, rows: 60 });
    expect((await session.exited).exitCode).toBe(0);
    const screen = await session.screen();
    // Nothing ran past the right edge: the card is wrapped to the terminal, between words.
    expect(overflowedRows(screen)).toEqual([]);
    expect(screen.drawn[0]).toBe('─'.repeat(cols));
    expect(screen.drawn.at(-1)).toBe('─'.repeat(cols));
    const text = screen.drawn.join('\n');
    expect(text).toContain(' Acme Corp - Renewal after the outage · 2027-03-05 · The two-question sheet');
    expect(text).toContain('      a firm date for the fix');
    expect(text).toContain(' REMINDERS');
    expect(text).toContain('  • Be understanding before being right.');
    expect(text.replace(/\s+/g, ' ')).toContain('[ ] Let them vent without interrupting or correcting');
    expect(text).not.toContain('more in the note');
  });
});
