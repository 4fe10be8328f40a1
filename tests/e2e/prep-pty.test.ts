/**
 * `coach prep` end to end under a real pseudo-terminal: the built CLI, real Inquirer, a real
 * shell for redirection. What a person at a keyboard would see and get.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { KEYS, PtySession } from '../helpers/pty.js';
import { repoPath } from '../helpers/playbooks.js';
import { tempDir } from '../helpers/run-cli.js';

const ESCAPE = /\u001b/;

/** Answers every question, taking the date the prompt offers, and returns that date. */
async function answerTwoQuestions(session: PtySession): Promise<string> {
  await session.answer('Who is the customer?', 'Initech');
  await session.answer('What is the meeting?', 'Quarterly review');
  // The offered date is today by the CLI's own clock and zone: read it off the screen, so the
  // expected note follows that clock (faketime, TZ) instead of the test's.
  await session.waitFor('Date of the meeting');
  const offered = /^\? Date of the meeting \(YYYY-MM-DD or e\.g\. tomorrow\) \((\d{4}-\d{2}-\d{2})\)/;
  const asked = await session.waitForScreen((screen) => screen.drawn.some((row) => offered.test(row)));
  const date = asked.drawn.map((row) => offered.exec(row)?.[1]).find((found) => found !== undefined) ?? '';
  session.press(KEYS.enter);
  await session.answer('? What do they need from me in this meeting?', 'proof the fix holds');
  await session.answer('their need has changed', 'they ask about price');
  await session.answer('2.', '');
  await session.waitFor('What emotional state');
  session.press(KEYS.down);
  session.press(KEYS.down);
  session.press(KEYS.enter);
  await session.answer('Which emotional signals', '');
  await session.answer('How can I be helpful to them', 'show the monitoring data first');
  await session.waitFor('Which mode will you lead with?');
  session.press(KEYS.enter);
  await session.answer('which steps forward or options', 'a weekly check-in');
  await session.answer('empathetic statement', 'Two outages in a quarter is exhausting.');
  await session.answer('honestly agree with them about', 'the second outage was our fault');
  await session.answer('2.', '');
  await session.answer('How will you reassure them', 'the root cause is fixed');
  await session.answer('cleared your calendar', 'y');
  await session.answer('on paper', 'n');
  await session.save();
  return date;
}

describe('coach prep under a real terminal', () => {
  it('writes the expected note from answers typed key by key', async () => {
    const notes = tempDir();
    const session = PtySession.coach(['prep', 'two-questions'], { env: { COACH_NOTES_DIR: notes } });
    const date = await answerTwoQuestions(session);
    const { exitCode } = await session.exited;
    expect(exitCode).toBe(0);
    // What stayed on the terminal (the scrollback included): each step's heading on its own row,
    // the tip, and the answers as the prompts left them.
    const rows = (await session.screen()).all.map((line) => line.text);
    expect(rows).toContain('Step 1 of 4 - What do they need from you?');
    expect(rows.some((row) => row.trimStart().startsWith('Tip: Memory fails when a meeting heats up'))).toBe(true);
    expect(rows).toContain(`✔ Date of the meeting (YYYY-MM-DD or e.g. tomorrow) ${date}`);
    expect(rows).toContain('✔ Who is the customer? Initech');
    expect(readdirSync(notes)).toEqual([`${date}-initech-two-questions-prep.md`]);
    const note = readFileSync(join(notes, `${date}-initech-two-questions-prep.md`), 'utf8');
    expect(parseFrontMatter(note)).toMatchObject({
      customer: 'Initech',
      title: 'Quarterly review',
      date,
      answers: {
        need: 'proof the fix holds',
        need_shift_signs: ['they ask about price'],
        state: 'frustrated',
        helpful: 'show the monitoring data first',
        mode: 'listening',
        options_when_soft: 'a weekly check-in',
        time_cleared: true,
        on_paper: false,
      },
    });
    expect(note).toContain('- [ ] Write down: What do they need from me in this meeting?');
  });

  it('keeps a redirected note pure Markdown while the prompts still show on the terminal', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.md');
    const session = PtySession.shell(`node ${repoPath('bin/coach.js')} prep two-questions > ${out}`, { env: { COACH_NOTES_DIR: join(dir, 'notes') } });
    await answerTwoQuestions(session);
    expect((await session.exited).exitCode).toBe(0);
    // The prompts were drawn on the terminal (as a person sees them, answered), in colour.
    expect((await session.screen()).all.map((line) => line.text)).toContain('✔ Who is the customer? Initech');
    expect(session.raw).toMatch(ESCAPE);
    const markdown = readFileSync(out, 'utf8');
    expect(markdown).not.toMatch(ESCAPE);
    expect(markdown.startsWith('---\ncoach: 1\nkind: prep\n')).toBe(true);
    expect(markdown).toContain('# Meeting prep: Initech - Quarterly review');
    expect(markdown).not.toContain('Who is the customer?');
  });

  it('Ctrl-C exits 130 and writes nothing', async () => {
    const notes = tempDir();
    const session = PtySession.coach(['prep', 'two-questions'], { env: { COACH_NOTES_DIR: notes } });
    await session.answer('Who is the customer?', 'Initech');
    await session.waitFor('What is the meeting?');
    session.press(KEYS.ctrlC);
    const { exitCode } = await session.exited;
    expect(exitCode).toBe(130);
    expect(existsSync(notes) ? readdirSync(notes).filter((name) => name.endsWith('.md')) : []).toEqual([]);
  });

  it('honours NO_COLOR: no colour codes on the terminal, prompts still drawn', async () => {
    const colourCode = /\u001b\[(?:\d+;)*(?:3\d|4\d|9\d|1|2|3|4)m/;
    const coloured = PtySession.coach(['prep', 'two-questions', '--no-save'], { env: { COACH_NOTES_DIR: tempDir() } });
    await coloured.waitFor('Who is the customer?');
    expect(coloured.raw).toMatch(colourCode);
    coloured.press(KEYS.ctrlC);
    await coloured.exited;

    const plain = PtySession.coach(['prep', 'two-questions', '--no-save'], { env: { COACH_NOTES_DIR: tempDir(), NO_COLOR: '1' } });
    await plain.waitFor('Who is the customer?');
    expect(plain.raw).not.toMatch(colourCode);
    plain.press(KEYS.ctrlC);
    expect((await plain.exited).exitCode).toBe(130);
  });
});
