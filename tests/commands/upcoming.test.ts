import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { playbooksDir, writeNote } from '../helpers/notes.js';
import { repoPath } from '../helpers/playbooks.js';
import { Capture, FakeTerminal, runCli, tempDir } from '../helpers/run-cli.js';

const calendar = repoPath('tests/fixtures/calendar/google-calendar.ics');
/** Friday 27 November 2026, 13:00 in Berlin: the week ahead crosses into December. */
const clock = { now: new Date('2026-11-27T12:00:00Z'), timeZone: 'Europe/Berlin' };

function setup() {
  const notes = join(tempDir(), 'notes');
  return { notes, args: ['--notes-dir', notes, '--playbooks', playbooksDir()] };
}

describe('coach upcoming: the next seven days of a calendar, and which meetings have a prep', () => {
  it('lists the week in the user zone across the month end, and marks the meeting already prepared', async () => {
    const { notes, args } = setup();
    writeNote(notes, '2026-12-01-northwind-meeting-check-prep', { customer: 'Northwind', title: 'Northwind renewal: pricing concerns', date: '2026-12-01' });
    // The same customer on another day is another meeting.
    writeNote(notes, '2026-11-20-tailspin-toys-meeting-check-prep', { customer: 'Tailspin Toys', date: '2026-11-20' });
    const result = await runCli(['upcoming', calendar, ...args], clock);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('Meetings from Fri 27 Nov 2026 to Thu 3 Dec 2026 (Europe/Berlin), 1 of 4 prepared:\n');
    expect(result.stdout.split('\n')).toEqual([
      'Tue 1 Dec  01:00-02:00  prepared  Northwind renewal: pricing concerns  · Northwind · 19:00 America/New_York · prep: 2026-12-01-northwind-meeting-check-prep',
      'Tue 1 Dec  20:00-20:30  no prep   Tailspin Toys weekly check-in (after their QBR)  · Tailspin Toys · 14:00 America/New_York',
      'Wed 2 Dec  all day      no prep   Fabrikam site visit  · Fabrikam',
      'Wed 2 Dec  10:00-11:00  no prep   Pipeline review',
      '',
    ]);
  });

  it('at a terminal a meeting too long for a row goes on under its title, between words, the prep id whole', async () => {
    const { notes, args } = setup();
    writeNote(notes, '2026-12-01-northwind-meeting-check-prep', { customer: 'Northwind', title: 'Northwind renewal: pricing concerns', date: '2026-12-01' });
    const stdout = new Capture({ isTTY: true });
    stdout.columns = 80;
    const result = await runCli(['upcoming', calendar, '--no-input', ...args], { ...clock, stdout });
    expect(result.stdout.split('\n').slice(0, 4)).toEqual([
      'Tue 1 Dec  01:00-02:00  prepared  Northwind renewal: pricing concerns ·',
      '                                  Northwind · 19:00 America/New_York · prep:',
      '                                  2026-12-01-northwind-meeting-check-prep',
      'Tue 1 Dec  20:00-20:30  no prep   Tailspin Toys weekly check-in (after their',
    ]);
    expect(result.stdout).toContain('\nWed 2 Dec  all day      no prep   Fabrikam site visit  · Fabrikam\n');
  });

  it('a prep under the customer name the title gives counts, whatever its own title', async () => {
    const { notes, args } = setup();
    writeNote(notes, '2026-12-02-fabrikam-meeting-check-prep', { customer: 'Fabrikam', title: 'Walk the plant', date: '2026-12-02' });
    const result = await runCli(['upcoming', calendar, '--json', ...args], clock);
    const rows = JSON.parse(result.stdout) as { title: string; prep: string | null }[];
    expect(rows.map((row) => [row.title, row.prep])).toEqual([
      ['Northwind renewal: pricing concerns', null],
      ['Tailspin Toys weekly check-in (after their QBR)', null],
      ['Fabrikam site visit', '2026-12-02-fabrikam-meeting-check-prep'],
      ['Pipeline review', null],
    ]);
  });

  it('--json gives each meeting with its times, customer, attendees and prep', async () => {
    const { args } = setup();
    const result = await runCli(['upcoming', calendar, '--json', ...args], clock);
    expect(result.code).toBe(0);
    const [first] = JSON.parse(result.stdout);
    expect(first).toEqual({
      date: '2026-12-01',
      start: '01:00',
      endDate: '2026-12-01',
      end: '02:00',
      allDay: false,
      startsAt: '2026-12-01T00:00:00.000Z',
      endsAt: '2026-12-01T01:00:00.000Z',
      written: '19:00 America/New_York',
      title: 'Northwind renewal: pricing concerns',
      customer: 'Northwind',
      customerReason: "named in the title, and northwind-traders.com is an attendee's address",
      attendees: ['Dana Whitfield <dana.whitfield@northwind-traders.com>', 'Sam Carter <sam.carter@contoso.com>'],
      location: null,
      recurring: false,
      uid: '8h2j4k6m8n0p2r4t6v8x0z2b4d@google.com',
      prep: null,
      prepPath: null,
    });
  });

  it('the week after: the series at 09:00 New York time, the meeting eight days out not yet', async () => {
    const { args } = setup();
    const result = await runCli(['upcoming', calendar, ...args], { now: new Date('2026-12-03T23:30:00Z'), timeZone: 'America/New_York' });
    expect(result.stderr).toBe('Meetings from Thu 3 Dec 2026 to Wed 9 Dec 2026 (America/New_York), 0 of 1 prepared:\n');
    expect(result.stdout).toBe('Tue 8 Dec  09:00-09:30  no prep   Tailspin Toys weekly check-in  · Tailspin Toys\n');
  });

  it('a week without meetings says so', async () => {
    const { args } = setup();
    // In June only the weekly series is left, at 09:00 New York summer time.
    const june = await runCli(['upcoming', calendar, ...args], { now: new Date('2027-06-01T08:00:00Z'), timeZone: 'Europe/Berlin' });
    expect(june.stdout.split('\n').map((line) => line.slice(0, 23))).toEqual(['Tue 1 Jun  15:00-15:30 ', 'Thu 3 Jun  15:00-15:30 ', '']);
    const quiet = join(tempDir(), 'quiet.ics');
    writeFileSync(quiet, readFileSync(calendar, 'utf8').replace('RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=TU,TH\r\n', ''));
    const none = await runCli(['upcoming', quiet, ...args], { now: new Date('2027-06-01T08:00:00Z'), timeZone: 'Europe/Berlin' });
    expect(none.stderr).toBe(`coach: no meetings in ${quiet} from Tue 1 Jun 2027 to Mon 7 Jun 2027 (Europe/Berlin)\n`);
  });

  it('a file that is not a calendar is one line and exit 4', async () => {
    const { args } = setup();
    const result = await runCli(['upcoming', repoPath('package.json'), ...args], clock);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`coach: ${repoPath('package.json')}: is not a calendar file (iCalendar files begin with BEGIN:VCALENDAR); export the meeting or the calendar again from your calendar app as an .ics file\n`);
  });
});

describe('coach upcoming at a terminal: one keystroke starts the missing prep', () => {
  it('Enter on the first meeting without a prep starts it, filled from the calendar; the list then shows it prepared', async () => {
    const { notes, args } = setup();
    writeNote(notes, '2026-12-01-northwind-meeting-check-prep', { customer: 'Northwind', title: 'Northwind renewal: pricing concerns', date: '2026-12-01' });
    const terminal = new FakeTerminal();
    const done = runCli(['upcoming', calendar, '--playbook', 'meeting-check', ...args], { terminal, stdoutIsTTY: true, ...clock });
    await terminal.waitFor('Start the prep of a meeting?');
    terminal.press('enter');
    await terminal.answer('Who is the customer? (Tailspin Toys)', '');
    // At 80 columns the invitation's title, offered as the default, goes on the row below the question.
    await terminal.answer('What is the meeting? (optional)\n(Tailspin Toys weekly check-in (after their QBR))', '');
    await terminal.answer('Date of the meeting (YYYY-MM-DD or e.g. tomorrow) (2026-12-01)', '');
    await terminal.answer('What do they need?', 'the rollout dates in writing');
    await terminal.answer('Are you ready?', '');
    await terminal.save();
    const result = await done;
    expect(result.code).toBe(0);
    expect(terminal.text).toContain('coach: from google-calendar.ics: "Tailspin Toys weekly check-in (after their QBR)", Tue 1 Dec 2026, 20:00-20:30 (14:00 America/New_York)');
    const saved = readFileSync(join(notes, '2026-12-01-tailspin-toys-meeting-check-prep.md'), 'utf8');
    expect(parseFrontMatter(saved)).toMatchObject({
      customer: 'Tailspin Toys',
      title: 'Tailspin Toys weekly check-in (after their QBR)',
      date: '2026-12-01',
      attendees: ['Maria Lopez <maria.lopez@tailspin-toys.com>', 'Sam Carter <sam.carter@contoso.com>'],
      answers: { need: 'the rollout dates in writing' },
    });

    const again = await runCli(['upcoming', calendar, ...args], clock);
    expect(again.stderr).toContain('2 of 4 prepared');
    expect(again.stdout).toContain('Tue 1 Dec  20:00-20:30  prepared  Tailspin Toys weekly check-in (after their QBR)');
  });

  it('"Not now" leaves everything as it was', async () => {
    const { notes, args } = setup();
    const terminal = new FakeTerminal();
    const done = runCli(['upcoming', calendar, ...args], { terminal, stdoutIsTTY: true, ...clock });
    await terminal.waitFor('Start the prep of a meeting?');
    terminal.press('up');
    terminal.press('enter');
    const result = await done;
    expect(result.code).toBe(0);
    expect(existsSync(notes) ? readdirSync(notes) : []).toEqual([]);
  });

  it('with --no-input or --json, or its list piped on, it only lists, even at a terminal', async () => {
    for (const [flags, stdoutIsTTY] of [[['--no-input'], true], [['--json'], true], [[], false]] as const) {
      const { args } = setup();
      const terminal = new FakeTerminal();
      const result = await runCli(['upcoming', calendar, ...flags, ...args], { terminal, stdoutIsTTY, ...clock });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Fabrikam site visit');
      expect(terminal.text).not.toContain('Start the prep');
    }
  });

  it('a --playbook that does not exist is refused before a meeting is picked', async () => {
    const { args } = setup();
    const terminal = new FakeTerminal();
    const result = await runCli(['upcoming', calendar, '--playbook', 'meeting-chek', ...args], { terminal, stdoutIsTTY: true, ...clock });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no playbook "meeting-chek" (did you mean "meeting-check"?)');
    expect(terminal.text).not.toContain('Start the prep');
  });
});
