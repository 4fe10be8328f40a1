import { describe, expect, it } from 'vitest';
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

describe('which method fits, under a real terminal', () => {
  it.each(situations)('%s -> %s, preselected in the picker', async (_name, expected, [failed, upset, wrong, negative]) => {
    const session = PtySession.coach(['prep', '--no-save'], { env: { COACH_NOTES_DIR: tempDir() } });
    await session.answer('let this account down', failed);
    await session.answer('upset or angry with you right now', upset);
    await session.answer('wrong about something', wrong);
    await session.answer('stuck in negativity', negative);
    await session.waitFor(`Recommended: ${expected} - `);
    await session.waitFor('Which playbook fits this meeting?');
    session.press(KEYS.enter);
    await session.waitFor('Who is the customer?');
    session.press(KEYS.ctrlC);
    expect((await session.exited).exitCode).toBe(130);
  });
});
