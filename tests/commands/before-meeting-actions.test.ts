/**
 * Actions that make sense only before the meeting (a flag marked `before_meeting`) stay on the
 * prep and its card, and its debrief neither asks about them nor carries them as follow-ups.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionsAfterMeeting } from '../../src/core/session/prep-actions.js';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { repoPath } from '../helpers/playbooks.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

const answers = repoPath('tests/fixtures/answers/two-questions.yaml');
const BLOCK_TIME = 'Block fifteen minutes after the meeting so it can run long';
const VENT = 'Let them vent without interrupting or correcting';

describe('actions that belong before the meeting', () => {
  it('are left out of what a debrief carries, once each', () => {
    const flags = [
      { actions: ['Book a room', 'Say it early'] , before_meeting: true as const },
      { actions: ['Say it early', 'Send the summary'] },
      { actions: ['Send the summary', 'Call back'] },
    ];
    expect(actionsAfterMeeting(flags)).toEqual(['Send the summary', 'Call back']);
  });

  it('stay on the prep and its card, and never come back as follow-ups of its debrief', async () => {
    const notes = tempDir();
    const env = { COACH_NOTES_DIR: notes };
    const prep = await runCli(['prep', 'two-questions', '--answers', answers, '--set', 'time_cleared=no', '--no-input', '-q'], { env });
    expect(prep.code, prep.stderr).toBe(0);
    expect(prep.stdout).toContain(`- [ ] ${BLOCK_TIME}`);
    expect(parseFrontMatter(prep.stdout)?.['flags']).toContainEqual(expect.objectContaining({ id: 'no-time', before_meeting: true }));
    expect((await runCli(['card', '--markdown'], { env })).stdout).toContain(`- [ ] ${BLOCK_TIME}`);

    const debrief = await runCli(
      ['debrief', '--last', '--no-input', '-q', '--set', 'need_met=yes', '--set', 'helpful_met=yes', '--set', 'mode_used=listening', '--set', 'left_feeling=relieved', '--set', 'adjustment=none', '--format', 'json'],
      { env },
    );
    expect(debrief.code, debrief.stderr).toBe(0);
    const data = JSON.parse(debrief.stdout) as { actions: { done: string[]; open: string[] } };
    expect(data.actions.open).toContain(VENT);
    expect(data.actions.open).not.toContain(BLOCK_TIME);
    const file = readdirSync(notes).find((name) => name.endsWith('-debrief.md')) ?? '';
    const saved = readFileSync(join(notes, file), 'utf8');
    expect(saved).toContain(`- [ ] ${VENT}`);
    expect(saved).not.toContain(BLOCK_TIME);
  });
});
