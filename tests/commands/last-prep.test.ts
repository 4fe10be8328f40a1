/**
 * `--last` and a bare `coach card` mean the prep saved most recently (by `created`), not the one
 * with the latest meeting date; `debrief --last` and the picker pass over preps already debriefed
 * and say so, and over a meeting still to come (after the day the debrief runs on). Each prep
 * here is saved at its own fixed instant.
 */
import { readdirSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeTerminal, runCli, tempDir, type CliOptions } from '../helpers/run-cli.js';
import { playbooksDir } from '../helpers/notes.js';

let notes: string;
let playbooks: string;
const coach = (args: string[], options: CliOptions = {}) => runCli([...args, '--playbooks', playbooks], { env: { COACH_NOTES_DIR: notes }, ...options });

async function prep(customer: string, date: string, savedAt: string): Promise<string> {
  const result = await coach(['prep', 'meeting-check', '--no-input', '-q', '--customer', customer, '--date', date, '--set', 'need=a firm date', '--set', 'ready=no'], { now: new Date(savedAt) });
  expect(result.code, result.stderr).toBe(0);
  return `${date}-${customer.toLowerCase()}-meeting-check-prep`;
}

const debrief = (args: string[], savedAt = '2026-11-22T12:00:00Z') => coach(['debrief', ...args, '--no-input', '-q', '--set', 'got_it=yes'], { now: new Date(savedAt) });
const debriefsOf = (id: string): string[] => readdirSync(notes).filter((name) => name.startsWith(id.replace(/-prep$/, '-debrief')));

beforeEach(() => {
  notes = tempDir();
  playbooks = playbooksDir();
});

describe('the prep saved most recently', () => {
  it('debrief --last and card take it, not the prep with the latest meeting date', async () => {
    await prep('Globex', '2026-12-04', '2026-11-20T09:00:00Z');
    const justPrepared = await prep('Acme', '2026-11-23', '2026-11-21T09:00:00Z');
    const card = await coach(['card']);
    expect(card.stdout).toContain('Acme · 2026-11-23');
    const result = await debrief(['--last']);
    expect(result.code, result.stderr).toBe(0);
    expect(debriefsOf(justPrepared)).toHaveLength(1);
  });

  it('debrief --last passes over a newest prep that is already debriefed, and says so', async () => {
    const older = await prep('Globex', '2026-11-20', '2026-11-19T09:00:00Z');
    const newest = await prep('Acme', '2026-11-21', '2026-11-20T09:00:00Z');
    expect((await debrief([newest])).code).toBe(0);
    const result = await coach(['debrief', '--last', '--no-input', '--set', 'got_it=yes']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`coach: the newest prep, ${newest}, is already debriefed; debriefing ${older}`);
    expect(debriefsOf(older)).toHaveLength(1);
    expect(debriefsOf(newest)).toHaveLength(1);
  });

  it('debrief --last passes over a newest prep whose meeting is still to come, and says so', async () => {
    const held = await prep('Globex', '2026-11-22', '2026-11-20T09:00:00Z');
    const friday = await prep('Acme', '2026-11-27', '2026-11-21T09:00:00Z');
    // The debrief runs on 2026-11-22: Globex met today, Acme meets on Friday.
    const result = await coach(['debrief', '--last', '--no-input', '--set', 'got_it=yes'], { now: new Date('2026-11-22T17:00:00Z') });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`coach: the newest prep, ${friday}, is for a meeting still to come (2026-11-27); debriefing ${held}`);
    expect(debriefsOf(held)).toHaveLength(1);
    expect(debriefsOf(friday)).toHaveLength(0);
  });

  it('debrief --last takes the newest prep when every open one is still to come, and says so', async () => {
    const friday = await prep('Acme', '2026-11-27', '2026-11-21T09:00:00Z');
    const result = await coach(['debrief', '--last', '--no-input', '--set', 'got_it=yes'], { now: new Date('2026-11-22T17:00:00Z') });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`coach: ${friday} is for a meeting still to come (2026-11-27); debriefing it all the same`);
    expect(debriefsOf(friday)).toHaveLength(1);
  });

  it('debrief --last refuses when every prep is debriefed, and a named prep gets another debrief', async () => {
    const id = await prep('Acme', '2026-11-21', '2026-11-20T09:00:00Z');
    expect((await debrief([id])).code).toBe(0);
    const refused = await debrief(['--last']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`every saved prep is already debriefed, the newest is ${id}; to add another debrief of it: coach debrief ${id} --again`);
    expect(debriefsOf(id)).toHaveLength(1);
    expect((await debrief([id, '--again'])).code).toBe(0);
    expect(debriefsOf(id)).toHaveLength(2);
  });

  it('the picker marks a meeting still to come and starts on the newest one that has happened', async () => {
    await prep('Globex', '2026-11-20', '2026-11-19T09:00:00Z');
    await prep('Acme', '2026-11-27', '2026-11-21T09:00:00Z');
    const terminal = new FakeTerminal();
    const run = coach(['debrief'], { terminal, now: new Date('2026-11-22T17:00:00Z') });
    await terminal.waitFor('Which meeting are you debriefing?');
    await terminal.waitFor('still to come');
    expect(terminal.text).toContain('  2026-11-27  Acme  (meeting-check)  still to come');
    expect(terminal.text).toContain('❯ 2026-11-20  Globex  (meeting-check)');
    terminal.press('c', { ctrl: true });
    expect((await run).code).toBe(130);
  });

  it('the picker lists open preps, the one saved most recently first, and counts the debriefed ones it leaves out', async () => {
    await prep('Globex', '2026-12-04', '2026-11-18T09:00:00Z');
    await prep('Acme', '2026-11-23', '2026-11-19T09:00:00Z');
    const done = await prep('Initech', '2026-11-21', '2026-11-20T09:00:00Z');
    expect((await debrief([done])).code).toBe(0);
    const terminal = new FakeTerminal();
    const run = coach(['debrief'], { terminal });
    await terminal.waitFor('Which meeting are you debriefing?');
    const screen = terminal.text;
    expect(screen).toContain('coach: 1 prep already debriefed is not listed; to add another debrief of one: coach debrief <session> --again');
    expect(screen.indexOf('2026-11-23  Acme')).toBeLessThan(screen.indexOf('2026-12-04  Globex'));
    expect(screen).not.toContain('Initech');
    terminal.press('c', { ctrl: true });
    expect((await run).code).toBe(130);
  });
});
