import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { playbooksDir, writeNote } from '../helpers/notes.js';
import { repoPath } from '../helpers/playbooks.js';
import { FakeTerminal, runCli, tempDir } from '../helpers/run-cli.js';

const googleInvite = repoPath('tests/fixtures/calendar/google-invite.ics');
const outlookInvite = repoPath('tests/fixtures/calendar/outlook-invite.ics');
const NOW = new Date('2026-12-01T10:00:00Z');

function setup() {
  const dir = tempDir();
  const notes = join(dir, 'notes');
  return { dir, notes, args: ['--notes-dir', notes, '--playbooks', playbooksDir()] };
}

const savedNote = (notes: string): Record<string, unknown> => {
  const [name] = readdirSync(notes);
  return parseFrontMatter(readFileSync(join(notes, name ?? ''), 'utf8')) ?? {};
};

describe('coach prep --ics: the meeting from a calendar invitation', () => {
  it('fills the title, date, customer and attendees from a Google invitation, and says what it filled', async () => {
    const { notes, args } = setup();
    const result = await runCli(['prep', 'meeting-check', '--ics', googleInvite, '--set', 'need=a price they can defend', '--no-input', ...args], { now: NOW, timeZone: 'Europe/Berlin' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('coach: from google-invite.ics: "Northwind renewal: pricing concerns", Tue 8 Dec 2026, 15:00-16:00 (09:00 America/New_York)');
    expect(result.stderr).toContain("coach:   customer: Northwind (named in the title, and northwind-traders.com is an attendee's address)");
    expect(result.stderr).toContain('coach:   attendees: Dana Whitfield, Sam Carter, priya.nair@contoso.com');
    expect(readdirSync(notes)).toEqual(['2026-12-08-northwind-meeting-check-prep.md']);
    expect(savedNote(notes)).toMatchObject({
      customer: 'Northwind',
      title: 'Northwind renewal: pricing concerns',
      date: '2026-12-08',
      attendees: ['Dana Whitfield <dana.whitfield@northwind-traders.com>', 'Sam Carter <sam.carter@contoso.com>', 'priya.nair@contoso.com'],
    });
    expect(result.stdout).toContain('**Attendees:** Dana Whitfield, Sam Carter, priya.nair@contoso.com');
  });

  it('dates the meeting where the user is: 09:00 in New York is already the next day in Sydney', async () => {
    const { notes, args } = setup();
    const result = await runCli(['prep', 'meeting-check', '--ics', googleInvite, '--set', 'need=x', '--no-input', ...args], { now: NOW, timeZone: 'Australia/Sydney' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Wed 9 Dec 2026, 01:00-02:00 (09:00 America/New_York)');
    expect(savedNote(notes)).toMatchObject({ date: '2026-12-09' });
  });

  it('reads an Outlook invitation with Windows zone names', async () => {
    const { notes, args } = setup();
    const result = await runCli(['prep', 'meeting-check', '--ics', outlookInvite, '--set', 'need=a new rollout date', '--no-input', ...args], { now: new Date('2026-11-25T10:00:00Z'), timeZone: 'America/New_York' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('"Fabrikam escalation: delayed rollout", Mon 30 Nov 2026, 10:00-11:00 (16:00 W. Europe Standard Time)');
    expect(savedNote(notes)).toMatchObject({ customer: 'Fabrikam', date: '2026-11-30', attendees: expect.arrayContaining(['Lehmann, Anke <anke.lehmann@fabrikam.de>']) });
  });

  it('a recurring invitation prepares its next meeting, EXDATE skipped', async () => {
    const { notes, args } = setup();
    const series = join(tempDir(), 'series.ics');
    const weekly = 'RRULE:FREQ=WEEKLY;COUNT=6;INTERVAL=1;BYDAY=MO;WKST=MO\r\nEXDATE;TZID=W. Europe Standard Time:20261207T160000\r\n';
    writeFileSync(series, readFileSync(outlookInvite, 'utf8').replace('CLASS:PUBLIC\r\n', `${weekly}CLASS:PUBLIC\r\n`));
    // Tuesday 1 December: the first meeting (30 November) is over, the next (7 December) cancelled.
    const result = await runCli(['prep', 'meeting-check', '--ics', series, '--set', 'need=x', '--no-input', ...args], { now: NOW, timeZone: 'America/New_York' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('"Fabrikam escalation: delayed rollout", Mon 14 Dec 2026, 10:00-11:00 (16:00 W. Europe Standard Time)');
    expect(savedNote(notes)).toMatchObject({ date: '2026-12-14' });
  });

  it('what the command line says wins over the invitation', async () => {
    const { notes, args } = setup();
    const result = await runCli(['prep', 'meeting-check', '--ics', googleInvite, '--customer', 'Northwind Traders', '--date', '2026-12-07', '--set', 'need=x', '--no-input', ...args], { now: NOW });
    expect(result.code).toBe(0);
    expect(savedNote(notes)).toMatchObject({ customer: 'Northwind Traders', date: '2026-12-07', title: 'Northwind renewal: pricing concerns' });
  });

  it('names the customer as earlier notes spell it', async () => {
    const { notes, args } = setup();
    writeNote(notes, '2026-11-02-northwind-traders-meeting-check-prep', { customer: 'Northwind Traders', date: '2026-11-02' });
    const result = await runCli(['prep', 'meeting-check', '--ics', googleInvite, '--set', 'need=x', '--no-input', ...args], { now: NOW });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("customer: Northwind Traders (a customer of your notes, from an attendee's address)");
  });

  it('without a customer it can tell, asks for one', async () => {
    const { args } = setup();
    const dir = tempDir();
    const invite = join(dir, 'internal.ics');
    writeFileSync(invite, readFileSync(googleInvite, 'utf8').replace('SUMMARY:Northwind renewal: pricing concerns', 'SUMMARY:Renewal prep'));
    const result = await runCli(['prep', 'meeting-check', '--ics', invite, '--set', 'need=x', '--no-input', ...args], { now: NOW });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('coach:   customer: not clear from the invitation');
    expect(result.stderr).toContain('1 required answer is missing for meeting-check: customer.');
  });

  it('at a terminal the invitation gives the defaults, which the person keeps or changes', async () => {
    const { notes, args } = setup();
    const terminal = new FakeTerminal();
    const done = runCli(['prep', 'meeting-check', '--ics', googleInvite, ...args], { terminal, now: NOW, timeZone: 'Europe/Berlin' });
    await terminal.waitFor('Who is the customer? (Northwind)');
    terminal.type('Northwind Traders');
    terminal.press('enter');
    await terminal.answer('What is the meeting? (optional) (Northwind renewal: pricing concerns)', '');
    await terminal.answer('Date of the meeting (YYYY-MM-DD or e.g. tomorrow) (2026-12-08)', '');
    await terminal.answer('What do they need?', 'a price they can defend');
    await terminal.answer('Are you ready?', '');
    await terminal.save();
    const result = await done;
    expect(result.code).toBe(0);
    expect(savedNote(notes)).toMatchObject({ customer: 'Northwind Traders', title: 'Northwind renewal: pricing concerns', date: '2026-12-08' });
  });

  it('a file with several meetings is refused without a terminal, listing them', async () => {
    const { args } = setup();
    const calendar = repoPath('tests/fixtures/calendar/google-calendar.ics');
    const result = await runCli(['prep', 'meeting-check', '--ics', calendar, '--set', 'need=x', '--no-input', ...args], { now: new Date('2026-11-27T12:00:00Z'), timeZone: 'Europe/Berlin' });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([
      `coach: ${calendar} holds 5 meetings to come, not one invitation; export just the one to prepare, or run coach upcoming ${calendar} to pick one:`,
      'coach:   Tue 1 Dec 2026, 01:00-02:00 (19:00 America/New_York)  Northwind renewal: pricing concerns',
      'coach:   Tue 1 Dec 2026, 20:00-20:30 (14:00 America/New_York)  Tailspin Toys weekly check-in (after their QBR)',
      'coach:   Wed 2 Dec 2026, all day  Fabrikam site visit',
      'coach:   Wed 2 Dec 2026, 10:00-11:00  Pipeline review',
      'coach:   Thu 10 Dec 2026, 14:00-15:00 (13:00 UTC)  Fabrikam contract signing',
    ]);
  });

  it('a file with several meetings asks which one at a terminal', async () => {
    const { notes, args } = setup();
    const terminal = new FakeTerminal();
    const calendar = repoPath('tests/fixtures/calendar/google-calendar.ics');
    const done = runCli(['prep', 'meeting-check', '--ics', calendar, ...args], { terminal, now: new Date('2026-11-27T12:00:00Z'), timeZone: 'Europe/Berlin' });
    await terminal.waitFor('Which one are you preparing?');
    terminal.press('down');
    terminal.press('enter');
    await terminal.answer('Who is the customer? (Tailspin Toys)', '');
    await terminal.answer('What is the meeting?', '');
    await terminal.answer('Date of the meeting', '');
    await terminal.answer('What do they need?', 'a firm date');
    await terminal.answer('Are you ready?', '');
    await terminal.save();
    expect((await done).code).toBe(0);
    expect(savedNote(notes)).toMatchObject({ customer: 'Tailspin Toys', title: 'Tailspin Toys weekly check-in (after their QBR)', date: '2026-12-01' });
  });
});

describe('coach prep --ics with a file it cannot use: one line, the file named, a non-zero exit, no note', () => {
  const tryFile = async (path: string) => {
    const { notes, args } = setup();
    const result = await runCli(['prep', 'meeting-check', '--ics', path, '--set', 'need=x', '--no-input', ...args], { now: NOW });
    expect(() => readdirSync(notes)).toThrow();
    return result;
  };

  it('a missing file', async () => {
    const path = join(tempDir(), 'invite.ics');
    const result = await tryFile(path);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`coach: ${path}: cannot read the calendar file: no such file or directory\n`);
  });

  it('a FIFO is refused at once rather than waited on', async () => {
    const path = join(tempDir(), 'invite.ics');
    execFileSync('mkfifo', [path]);
    const result = await tryFile(path);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`coach: ${path}: the calendar file must be a regular file\n`);
  });

  it('an empty file, a file that is not a calendar, a broken line', async () => {
    const dir = tempDir();
    const cases: [string, string, string][] = [
      ['empty.ics', '', 'empty.ics: is empty;'],
      ['mail.ics', 'From: dana@northwind-traders.com\nSubject: Renewal\n', 'mail.ics: is not a calendar file'],
      ['broken.ics', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART 20261208T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n', 'broken.ics:4: is not valid iCalendar'],
      ['cancel.ics', readFileSync(googleInvite, 'utf8').replace('METHOD:REQUEST', 'METHOD:CANCEL'), 'cancel.ics: is a cancellation (METHOD:CANCEL), not an invitation'],
    ];
    for (const [name, text, message] of cases) {
      const path = join(dir, name);
      writeFileSync(path, text);
      const result = await tryFile(path);
      expect(result.code).toBe(4);
      expect(result.stderr.split('\n').filter((line) => line !== '')).toEqual([expect.stringContaining(`coach: ${join(dir, message)}`)]);
    }
  });
});
