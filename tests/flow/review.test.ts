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
