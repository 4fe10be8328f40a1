import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeTerminal, runCli, tempDir } from '../helpers/run-cli.js';

describe('harness smoke', () => {
  it('runs an interactive prep through the fake terminal', async () => {
    const notes = tempDir();
    const terminal = new FakeTerminal();
    const done = runCli(['prep', 'two-questions'], { terminal, env: { COACH_NOTES_DIR: notes } });
    await terminal.answer('Who is the customer?', 'Acme');
    await terminal.answer('What is the meeting?', '');
    await terminal.answer('Date of the meeting', '');
    await terminal.answer('What do they need from me', 'a date');
    await terminal.answer('changed during the meeting', '');
    await terminal.waitFor('What emotional state');
    terminal.press('enter');
    await terminal.answer('Which emotional signals', '');
    await terminal.answer('How can I be helpful', 'listen');
    await terminal.waitFor('Which mode');
    terminal.press('enter');
    await terminal.answer('reassure them', 'we have a fix');
    await terminal.waitFor('cleared your calendar');
    terminal.type('y');
    terminal.press('enter');
    await terminal.waitFor('on paper');
    terminal.press('enter');
    const result = await done;
    expect(result.code).toBe(0);
    expect(readdirSync(notes)).toEqual(['2026-11-22-acme-two-questions-prep.md']);
    writeFileSync(join(notes, 'x'), '');
  });
});
