import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/playbooks.js';
import { PtySession } from '../helpers/pty.js';
import { tempDir } from '../helpers/run-cli.js';

describe('coach card under a real 80x24 terminal', () => {
  it("shows a saved prep's answers on one screen", async () => {
    const notes = tempDir();
    const env = { ...process.env, COACH_NOTES_DIR: notes, NO_COLOR: '1' };
    execFileSync(process.execPath, [repoPath('bin/coach.js'), 'prep', 'two-questions', '--answers', repoPath('tests/fixtures/answers/two-questions.yaml'), '--no-input', '-q'], { env, stdio: 'ignore' });
    const session = PtySession.coach(['card'], { env: { COACH_NOTES_DIR: notes }, cols: 80, rows: 24 });
    expect((await session.exited).exitCode).toBe(0);
    const lines = session.text.replace(/\r/g, '').trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(session.text).toContain('a firm date for the fix');
    expect(session.text).toContain('Be understanding before being right.');
  });
});
