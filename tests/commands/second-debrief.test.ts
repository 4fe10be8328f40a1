/**
 * A prep that already has a debrief gets a second one only on purpose, on every path: named on
 * the command line it asks at a terminal and refuses without one, naming --again; --again adds
 * it with a word about the first.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/playbooks.js';
import { FakeTerminal, runCli, tempDir } from '../helpers/run-cli.js';

const PREP = '2026-11-22-acme-corp-two-questions-prep';
const DEBRIEF = '2026-11-22-acme-corp-two-questions-debrief';

async function debriefedPrep() {
  const dir = tempDir();
  const notes = join(dir, 'notes');
  const env = { COACH_NOTES_DIR: notes };
  const answers = join(dir, 'debrief.yaml');
  writeFileSync(answers, 'need_met: "yes"\nhelpful_met: "yes"\nmode_used: listening\nleft_feeling: relieved\nadjustment: none\n');
  expect((await runCli(['prep', 'two-questions', '--answers', repoPath('tests/fixtures/answers/two-questions.yaml'), '--no-input', '-q'], { env })).code).toBe(0);
  expect((await runCli(['debrief', PREP, '--answers', answers, '--no-input', '-q'], { env })).code).toBe(0);
  const debriefs = () => readdirSync(notes).filter((name) => name.includes('debrief')).sort();
  return { env, answers, debriefs };
}

describe('a second debrief of one prep', () => {
  it('is refused without a terminal, naming --again, and nothing is written', async () => {
    const { env, answers, debriefs } = await debriefedPrep();
    const refused = await runCli(['debrief', 'acme corp', '--answers', answers, '--no-input'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`coach: ${PREP} already has a debrief, ${DEBRIEF}; to add another debrief of it: coach debrief ${PREP} --again (coach show ${DEBRIEF} shows the one there is)\n`);
    expect(debriefs()).toEqual([`${DEBRIEF}.md`]);
  });

  it('--again adds it, saying which debrief is there already', async () => {
    const { env, answers, debriefs } = await debriefedPrep();
    const again = await runCli(['debrief', PREP, '--again', '--answers', answers, '--no-input', '-q'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`coach: ${PREP} already has a debrief, ${DEBRIEF}; adding another (--again)`);
    expect(debriefs()).toHaveLength(2);
  });

  it('asks at a terminal: no stops with nothing written, yes goes on to the debrief', async () => {
    const { env, debriefs } = await debriefedPrep();
    const stop = new FakeTerminal();
    const stopped = runCli(['debrief', PREP], { terminal: stop, env });
    await stop.waitFor(`coach: ${PREP} already has a debrief, ${DEBRIEF}`);
    await stop.waitFor('Add another debrief of it?');
    stop.press('enter');
    const result = await stopped;
    expect(result.code).toBe(2);
    expect(debriefs()).toHaveLength(1);

    const go = new FakeTerminal();
    const going = runCli(['debrief', PREP], { terminal: go, env });
    await go.waitFor('Add another debrief of it?');
    go.press('down');
    go.press('enter');
    await go.waitFor('Did you give them what they needed from the meeting?');
    go.press('c', { ctrl: true });
    expect((await going).code).toBe(130);
  });
});
