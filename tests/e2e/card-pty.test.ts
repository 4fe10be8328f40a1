import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/playbooks.js';
import { PtySession } from '../helpers/pty.js';
import { tempDir } from '../helpers/run-cli.js';
import { overflowedRows } from '../helpers/screen.js';

describe('coach card under a real 80x24 terminal', () => {
  it("shows a saved prep's answers on one screen", async () => {
    const notes = tempDir();
    const env = { ...process.env, COACH_NOTES_DIR: notes, NO_COLOR: '1' };
    // A fixed date: the card shows it, and the test must not depend on the clock or the zone.
    const prep = ['prep', 'two-questions', '--answers', repoPath('tests/fixtures/answers/two-questions.yaml'), '--date', '2027-03-05', '--no-input', '-q'];
    execFileSync(process.execPath, [repoPath('bin/coach.js'), ...prep], { env, stdio: 'ignore' });
    const session = PtySession.coach(['card'], { env: { COACH_NOTES_DIR: notes }, cols: 80, rows: 24 });
    expect((await session.exited).exitCode).toBe(0);
    const screen = await session.screen();
    // Nothing ran past the right edge, and nothing a person needs scrolled off the top: the card
    // is 24 rows and its last newline leaves the cursor below it, so only the top rule may go.
    expect(overflowedRows(screen)).toEqual([]);
    const scrolledOff = screen.all.slice(0, screen.all.length - screen.rows).map((line) => line.text);
    for (const row of scrolledOff) expect(row, 'scrolled off the screen').toMatch(/^─*$/);
    expect(screen.visible).toContain(' Acme Corp - Renewal after the outage · 2027-03-05 · The two-question sheet');
    expect(screen.visible).toContain('      a firm date for the fix');
    expect(screen.visible).toContain(' REMINDERS');
    expect(screen.visible).toContain('  • Be understanding before being right.');
    expect(screen.drawn.at(-1)).toBe(' … 3 more in the note');
  });
});
