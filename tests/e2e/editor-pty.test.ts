import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { repoPath } from '../helpers/playbooks.js';
import { PtySession } from '../helpers/pty.js';
import { tempDir } from '../helpers/run-cli.js';

describe('long answers under a real terminal', () => {
  it('with stdout redirected, the editor draws on the terminal and never into the note', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.md');
    const line = `node ${repoPath('bin/coach.js')} prep ${repoPath('tests/fixtures/e2e/long-answer.yaml')} --no-save > ${out}`;
    const session = PtySession.shell(line, { env: { EDITOR: repoPath('tests/fixtures/editors/writes-answer.sh'), COACH_NOTES_DIR: join(dir, 'notes') } });
    await session.answer('Who is the customer?', 'Acme');
    await session.answer('What is the meeting?', '');
    await session.answer('Date of the meeting', '');
    await session.answer('enter opens your editor', '');
    await session.save();
    expect((await session.exited).exitCode).toBe(0);
    // The editor painted on the terminal, on a row of its own.
    expect((await session.screen()).all.map((row) => row.text)).toContain('EDITOR-SCREEN');
    const note = readFileSync(out, 'utf8');
    expect(note).not.toContain('EDITOR-SCREEN');
    expect(parseFrontMatter(note)?.['answers']).toEqual({ story: 'They lost a month of production.\nThey want a named owner.' });
  });
});
