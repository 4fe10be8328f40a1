/**
 * Dates as people say them, read against a fixed today across a month end and a year end: the
 * reading never looks at the clock, so these hold on any day and in any zone.
 */
import { describe, expect, it } from 'vitest';
import { describeDate, readSpokenDate } from '../../../src/core/session/spoken-date.js';

describe('readSpokenDate', () => {
  it.each([
    ['today', '2026-12-30'],
    ['tomorrow', '2026-12-31'],
    ['next tuesday', '2027-01-05'],
    ['in 3 days', '2027-01-02'],
    ['8 Dec', '2027-12-08'],
    ['  Tomorrow ', '2026-12-31'],
    ['2026-12-08', '2026-12-08'],
  ])('on Wed 30 Dec 2026 (a year end), "%s" is %s', async (said, date) => {
    await expect(readSpokenDate(said, '2026-12-30')).resolves.toEqual({ ok: true, date });
  });

  it.each([
    ['tomorrow', '2026-12-01'],
    ['in 3 days', '2026-12-03'],
    ['8 Dec', '2026-12-08'],
    ['next tuesday', '2026-12-08'],
  ])('on Mon 30 Nov 2026 (a month end), "%s" is %s', async (said, date) => {
    await expect(readSpokenDate(said, '2026-11-30')).resolves.toEqual({ ok: true, date });
  });

  it('refuses a date that is not on the calendar, saying why', async () => {
    await expect(readSpokenDate('2026-02-30', '2026-11-30')).resolves.toEqual({ ok: false, message: 'is not a date: February 2026 has 28 days (got "2026-02-30")' });
    await expect(readSpokenDate('2026-13-01', '2026-11-30')).resolves.toEqual({ ok: false, message: 'is not a date: there is no month 13 (got "2026-13-01")' });
  });

  it('refuses text that only partly reads as a date', async () => {
    const result = await readSpokenDate('meet on 2026-02-30 or tomorrow', '2026-11-30');
    expect(result).toEqual({ ok: false, message: expect.stringContaining('only "tomorrow" reads as a date') });
  });

  it('refuses words that are no date, with examples of what works', async () => {
    const result = await readSpokenDate('whenever', '2026-11-30');
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^is not a date coach can read \(got "whenever"\); write it as YYYY-MM-DD, or as today, tomorrow/) });
  });

  it('describes a date with its weekday', () => {
    expect(describeDate('2027-01-05')).toBe('Tue 5 Jan 2027');
  });
});
