import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/playbooks.js';
import { Capture, runCli, tempDir } from '../helpers/run-cli.js';

const answers = repoPath('tests/fixtures/answers/two-questions.yaml');

async function savedPrep(notes: string): Promise<void> {
  const result = await runCli(['prep', 'two-questions', '--answers', answers, '--no-input', '-q'], { env: { COACH_NOTES_DIR: notes } });
  expect(result.code).toBe(0);
}

describe('coach card', () => {
  it('prints the newest prep as a card with its answers and actions', async () => {
    const notes = tempDir();
    await savedPrep(notes);
    const result = await runCli(['card'], { env: { COACH_NOTES_DIR: notes } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Acme Corp - Renewal after the outage · 2026-11-22');
    expect(result.stdout).toContain('      a firm date for the fix');
    expect(result.stdout).toContain('[ ] Let them vent without interrupting or correcting');
  });

  it('fits the terminal it is shown on: 100 columns wide on a 100-column terminal, every action whole at 40', async () => {
    const notes = tempDir();
    await savedPrep(notes);
    for (const columns of [100, 40]) {
      const stdout = new Capture({ isTTY: true });
      stdout.columns = columns;
      const result = await runCli(['card'], { env: { COACH_NOTES_DIR: notes }, stdout });
      expect(result.code).toBe(0);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines[0]).toBe('─'.repeat(columns));
      for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(columns);
      expect(result.stdout.replace(/\s+/g, ' ')).toContain('[ ] Let them vent without interrupting or correcting');
      expect(result.stdout).not.toContain('more in the note');
    }
  });

  it('takes a session id, and a debrief id gives its prep card', async () => {
    const notes = tempDir();
    await savedPrep(notes);
    const env = { COACH_NOTES_DIR: notes };
    expect((await runCli(['debrief', '--last', '--no-input', '-q', '--set', 'need_met=yes', '--set', 'helpful_met=yes', '--set', 'mode_used=listening', '--set', 'left_feeling=relieved', '--set', 'adjustment=none'], { env })).code).toBe(0);
    const byPrep = await runCli(['card', '2026-11-22-acme-corp-two-questions-prep'], { env });
    const byDebrief = await runCli(['card', '2026-11-22-acme-corp-two-questions-debrief'], { env });
    expect(byPrep.code).toBe(0);
    expect(byDebrief.stdout).toBe(byPrep.stdout);
  });

  it('prints a blank method card for a playbook id, in Markdown with --markdown', async () => {
    const result = await runCli(['card', 'take-the-stick', '--markdown'], { env: { COACH_NOTES_DIR: tempDir() } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('## Meeting card: Take the stick - win back a key account (method card)');
    expect(result.stdout).toContain('- No selling until the fix has earned back their trust.');
  });

  it('names both kinds of thing it looked for when nothing matches', async () => {
    const result = await runCli(['card', 'acme'], { env: { COACH_NOTES_DIR: tempDir() } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('coach: no saved session or playbook "acme"; see `coach history` for sessions and `coach playbooks` for playbooks\n');
  });

  it('takes a missing .md for a note that is not there, not for a playbook it cannot read', async () => {
    const cwd = tempDir();
    const result = await runCli(['card', './meeting.md'], { cwd, env: { COACH_NOTES_DIR: tempDir() } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`coach: no note at ${join(cwd, 'meeting.md')}; run \`coach history\` to see the saved sessions and their ids\n`);
  });
});
