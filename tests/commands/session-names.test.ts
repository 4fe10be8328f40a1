/**
 * `show`, `card` and `debrief` take a session the way people type it: any unique start of its id,
 * or a customer name (case and punctuation aside) that names one session. An ambiguous one lists
 * the candidates instead of guessing.
 */
import { readdirSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir, type CliOptions } from '../helpers/run-cli.js';
import { playbooksDir } from '../helpers/notes.js';

let notes: string;
let playbooks: string;
const coach = (args: string[], options: CliOptions = {}) =>
  runCli(args[0] === 'show' ? args : [...args, '--playbooks', playbooks], { env: { COACH_NOTES_DIR: notes }, ...options });

async function prep(customer: string, date: string): Promise<string> {
  const result = await coach(['prep', 'meeting-check', '--no-input', '-q', '--customer', customer, '--date', date, '--set', 'need=a firm date', '--set', 'ready=no']);
  expect(result.code, result.stderr).toBe(0);
  const file = readdirSync(notes).find((name) => name.startsWith(date) && name.endsWith('-prep.md') && !name.includes('-debrief'));
  if (!file) throw new Error(`no prep saved for ${customer}`);
  return file.replace(/\.md$/, '');
}

beforeEach(() => {
  notes = tempDir();
  playbooks = playbooksDir();
});

describe('sessions named by a prefix or a customer', () => {
  it('show, card and debrief take a unique start of the id', async () => {
    const id = await prep("St Mary's Trust", '2026-12-04');
    await prep('Globex', '2026-12-05');
    const shown = await coach(['show', '2026-12-04', '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id, customer: "St Mary's Trust" });
    expect((await coach(['card', '2026-12-04-st'])).stdout).toContain("St Mary's Trust · 2026-12-04");
    const debriefed = await coach(['debrief', '2026-12-04', '--no-input', '-q', '--set', 'got_it=yes']);
    expect(debriefed.code, debriefed.stderr).toBe(0);
    // Now 2026-12-04 starts the prep's id and its debrief's: debrief and card want the prep.
    expect((await coach(['card', '2026-12-04'])).code).toBe(0);
  });

  it('take a customer name in any case and punctuation when it names one session', async () => {
    const id = await prep("St Mary's Trust", '2026-12-04');
    const shown = await coach(['show', 'ST. MARYS TRUST', '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id });
    const debriefed = await coach(['debrief', 'st marys trust', '--no-input', '-q', '--set', 'got_it=yes']);
    expect(debriefed.code, debriefed.stderr).toBe(0);
    expect(readdirSync(notes).filter((name) => name.includes('-debrief'))).toHaveLength(1);
    // The customer now has a prep and a debrief: card (which wants the prep) still finds one.
    expect((await coach(['card', "st mary's trust"])).stdout).toContain("St Mary's Trust · 2026-12-04");
  });

  it('lists the candidates of an ambiguous prefix or name, and saves nothing', async () => {
    const first = await prep('Acme', '2026-12-01');
    const second = await prep('Acme', '2026-12-02');
    const byName = await coach(['debrief', 'acme', '--no-input', '--set', 'got_it=yes']);
    expect(byName.code).toBe(2);
    expect(byName.stderr).toContain(`coach: "acme" names 2 saved sessions; give more of the id, one of:\ncoach:   ${second}\ncoach:   ${first}\n`);
    const byPrefix = await coach(['show', '2026-12-0']);
    expect(byPrefix.code).toBe(2);
    expect(byPrefix.stderr).toContain('"2026-12-0" names 2 saved sessions');
    const card = await coach(['card', 'acme']);
    expect(card.code).toBe(2);
    expect(card.stderr).toContain('"acme" names 2 saved sessions');
    expect(readdirSync(notes).filter((name) => name.includes('-debrief'))).toEqual([]);
  });

  it('lists at most ten candidates and counts the rest', async () => {
    for (let day = 10; day < 22; day++) await prep('Initech', `2026-11-${day}`);
    const result = await coach(['show', 'initech']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"initech" names 12 saved sessions');
    expect(result.stderr).toContain('coach:   ... and 2 more (coach history lists them all)');
    expect(result.stderr.split('\n').filter((line) => line.startsWith('coach:   2026-11-'))).toHaveLength(10);
  });

  it('still names the nearest id when nothing matches', async () => {
    const id = await prep('Acme', '2026-12-01');
    const result = await coach(['show', id.replace('acme', 'acne')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`(did you mean "${id}"?)`);
  });
});
