/**
 * A note is dated the user's local day, and `created` is the UTC instant. The zone is the Io's
 * (here each test names its own), else the machine's (TZ): both paths of localDate are checked,
 * the machine's against Intl in whatever zone this suite runs in, and the built CLI is run in two
 * zones a day apart on its own (real or faked) clock.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { localDate } from '../../src/io.js';
import { ANSWERS, spawnCoach } from '../adversarial/helpers.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

describe('localDate', () => {
  it.each([
    ['Pacific/Honolulu', '2026-11-23T09:29:00Z', '2026-11-22'], // 23:29 local, UTC is the next day
    ['Pacific/Honolulu', '2026-11-23T10:00:00Z', '2026-11-23'], // local midnight
    ['Pacific/Kiritimati', '2026-11-22T09:59:00Z', '2026-11-22'], // 23:59 local
    ['Pacific/Kiritimati', '2026-11-22T10:30:00Z', '2026-11-23'], // 00:30 local, UTC is the day before
    ['America/St_Johns', '2026-11-23T02:59:00Z', '2026-11-22'], // UTC-3:30: 23:29 local
    ['America/St_Johns', '2026-11-23T03:30:00Z', '2026-11-23'], // local midnight
    ['Europe/Berlin', '2026-03-28T23:30:00Z', '2026-03-29'], // 00:30 CET, the night summer time starts
    ['Europe/Berlin', '2026-03-29T22:30:00Z', '2026-03-30'], // 00:30 CEST
    ['UTC', '2026-12-31T23:59:59.999Z', '2026-12-31'],
  ])('in %s, %s is %s', (zone, instant, expected) => {
    expect(localDate(new Date(instant), zone)).toBe(expected);
  });

  it("in the machine's zone (none given) agrees with Intl in that zone, every half hour of a year", () => {
    // An empty or unknown TZ is ICU's Etc/Unknown, which keeps UTC's time (and Intl refuses it).
    const resolved = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    const zone = resolved === 'Etc/Unknown' ? 'UTC' : resolved;
    const start = Date.UTC(2026, 0, 1);
    const differ: string[] = [];
    for (let t = start; t < start + 366 * 86_400_000; t += 30 * 60_000) {
      const date = new Date(t);
      if (localDate(date) !== localDate(date, zone)) differ.push(`${date.toISOString()}: ${localDate(date)} vs ${localDate(date, zone)}`);
    }
    expect(differ, `machine zone ${zone}`).toEqual([]);
  });
});

describe('the date of a note', () => {
  const prep = ['prep', 'two-questions', '--answers', ANSWERS, '--no-input', '-q'];

  it.each([
    ['Pacific/Honolulu', '2026-11-23T09:30:00Z', '2026-11-22'], // 23:30 local
    ['Pacific/Kiritimati', '2026-11-22T10:30:00Z', '2026-11-23'], // 00:30 local
    ['America/St_Johns', '2026-11-23T03:00:00Z', '2026-11-22'], // 23:30 local
  ])('in %s at %s is the local day, %s, and created is that UTC instant', async (timeZone, instant, day) => {
    const notes = join(tempDir(), 'notes');
    const result = await runCli(prep, { env: { COACH_NOTES_DIR: notes }, now: new Date(instant), timeZone });
    expect(result.code, result.stderr).toBe(0);
    const name = `${day}-acme-corp-two-questions-prep.md`;
    expect(readdirSync(notes)).toEqual([name]);
    expect(parseFrontMatter(readFileSync(join(notes, name), 'utf8'))).toMatchObject({ date: day, created: new Date(instant).toISOString() });
  });

  it('made by the built CLI is the local day of its TZ, on its own clock (npm run build first)', async () => {
    // UTC+14 and UTC-10 are a whole day apart: at any moment their dates differ by exactly one.
    const days: string[] = [];
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Honolulu']) {
      const notes = join(tempDir(), 'notes');
      mkdirSync(notes);
      const before = localDate(new Date(), zone);
      const result = await spawnCoach(prep, { env: { COACH_NOTES_DIR: notes, TZ: zone } });
      const after = localDate(new Date(), zone);
      expect(result.code, result.stderr).toBe(0);
      const [name = ''] = readdirSync(notes);
      expect([before, after]).toContain(name.slice(0, 10));
      expect(parseFrontMatter(readFileSync(join(notes, name), 'utf8'))?.['date']).toBe(name.slice(0, 10));
      days.push(name.slice(0, 10));
    }
    const [east = '', west = ''] = days;
    expect(Date.parse(`${east}T00:00:00Z`) - Date.parse(`${west}T00:00:00Z`)).toBe(86_400_000);
  });
});
