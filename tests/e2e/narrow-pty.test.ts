import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/playbooks.js';
import { PtySession } from '../helpers/pty.js';
import { tempDir } from '../helpers/run-cli.js';

describe('a narrow terminal', () => {
  it('wraps the guidance and the coaching to 40 columns', async () => {
    const answers = join(tempDir(), 'answers.yaml');
    writeFileSync(answers, `${readFileSync(repoPath('tests/fixtures/answers/two-questions.yaml'), 'utf8')}need_shift_signs: [a price question]\nsignals: [short emails]\n`);
    const session = PtySession.coach(['prep', 'two-questions', '--answers', answers, '--no-save', '--no-review', '-o', join(tempDir(), 'note.md')], {
      env: { COACH_NOTES_DIR: tempDir() },
      cols: 40,
    });
    // Every answer is supplied but the date, so the session asks that one and shows its coaching.
    await session.answer('Date of', '');
    const { exitCode } = await session.exited;
    expect(exitCode).toBe(0);
    const coachLines = session.text
      .replace(/\r/g, '')
      .split('\n')
      .filter((line) => line.startsWith('  ') || line.startsWith('Readiness'));
    expect(coachLines.length).toBeGreaterThan(5);
    for (const line of coachLines) expect([...line].length, line).toBeLessThanOrEqual(40);
    expect(session.text).toContain('Watch out:');
  });
});
