import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoPath } from '../helpers/playbooks.js';
import { KEYS, PtySession } from '../helpers/pty.js';
import { tempDir } from '../helpers/run-cli.js';

type Situation = [name: string, expected: string, answers: [failed: string, upset: string, wrong: string, negative: string]];

const situations: Situation[] = [
  ['a routine meeting', 'two-questions', ['n', 'n', 'n', 'n']],
  ['an account the company failed', 'take-the-stick', ['y', 'y', 'n', 'n']],
  ['an irate customer', 'listen-to-understand', ['n', 'y', 'n', 'n']],
  ['a customer who is wrong', 'customer-is-wrong', ['n', 'n', 'y', 'n']],
  ['a meeting turning negative', 'turn-around', ['n', 'n', 'n', 'y']],
];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const titleOf = (id: string): string => (parse(readFileSync(repoPath(`playbooks/${id}.yaml`), 'utf8')) as { title: string }).title;

describe('which method fits, under a real terminal', () => {
  it.each(situations)('%s -> %s, preselected in the picker', async (_name, expected, [failed, upset, wrong, negative]) => {
    const session = PtySession.coach(['prep', '--no-save'], { env: { COACH_NOTES_DIR: tempDir() } });
    await session.answer('let this account down', failed);
    await session.answer('upset or angry with you right now', upset);
    await session.answer('wrong about something', wrong);
    await session.answer('stuck in negativity', negative);
    await session.waitFor(`Recommended: ${expected} - `);
    await session.waitFor('Which playbook fits this meeting?');
    // The cursor in the picker is on the recommended playbook (by its title, as listed).
    const picker = await session.waitForScreen((screen) => screen.drawn.some((row) => row.startsWith('❯ ')));
    expect(picker.drawn.filter((row) => row.startsWith('❯ '))).toEqual([expect.stringMatching(new RegExp(`^❯ ${escapeRegExp(titleOf(expected))}( - .*)? \\(recommended\\)$`))]);
    session.press(KEYS.enter);
    await session.waitFor('Who is the customer?');
    // Taken as it stood, the pick starts that playbook: its title heads the session.
    expect((await session.screen()).drawn).toContain(titleOf(expected));
    session.press(KEYS.ctrlC);
    expect((await session.exited).exitCode).toBe(130);
  });
});
