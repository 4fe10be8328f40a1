import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCalendar, startOfDay } from '../../src/formats/ics-calendar.js';
import { FileError } from '../../src/errors.js';
import { repoPath } from '../helpers/playbooks.js';

const fixture = (name: string): string => readFileSync(repoPath(`tests/fixtures/calendar/${name}`), 'utf8');

/** The meetings of [now, the start of `untilDate`) in `zone`, as the user would read them. */
function meetings(text: string, zone: string, now: string, untilDate: string) {
  const calendar = readCalendar(text, 'calendar.ics', zone);
  const until = startOfDay(untilDate, zone);
  return calendar.events
    .flatMap((event) => event.meetingsBetween(Date.parse(now), until))
    .sort((a, b) => a.startsAt - b.startsAt)
    .map((meeting) => ({ date: meeting.start.date, time: meeting.start.time, summary: meeting.summary, written: meeting.written }));
}

/** A small calendar around one VEVENT body, CRLF as the RFC says. */
const calendarWith = (...lines: string[]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//coach tests//EN', 'BEGIN:VEVENT', 'UID:one@test', 'SUMMARY:Acme call', ...lines, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

describe('a Google Calendar export read in the user zone', () => {
  const google = fixture('google-calendar.ics');

  it('lists a week across the month end: a weekly series with its moved instance, an EXDATE skipped, an evening in New York on the next day in Berlin', () => {
    expect(meetings(google, 'Europe/Berlin', '2026-11-27T12:00:00Z', '2026-12-04')).toEqual([
      // 19:00 on Monday 30 November in New York is 01:00 on Tuesday 1 December in Berlin.
      { date: '2026-12-01', time: '01:00', summary: 'Northwind renewal: pricing concerns', written: '19:00 America/New_York' },
      // The series' Tuesday 09:00 was moved to 14:00 (RECURRENCE-ID) and renamed; Thursday 3 December is an EXDATE.
      { date: '2026-12-01', time: '20:00', summary: 'Tailspin Toys weekly check-in (after their QBR)', written: '14:00 America/New_York' },
      { date: '2026-12-02', time: undefined, summary: 'Fabrikam site visit', written: undefined },
      { date: '2026-12-02', time: '10:00', summary: 'Pipeline review', written: undefined },
    ]);
  });

  it('goes on with the series the week after, at 09:00 New York time in whichever zone the user is', () => {
    const week = (zone: string) => meetings(google, zone, '2026-12-04T08:00:00Z', '2026-12-11').filter((meeting) => meeting.summary.startsWith('Tailspin'));
    expect(week('Europe/Berlin').map((meeting) => `${meeting.date} ${meeting.time}`)).toEqual(['2026-12-08 15:00', '2026-12-10 15:00']);
    expect(week('UTC').map((meeting) => `${meeting.date} ${meeting.time}`)).toEqual(['2026-12-08 14:00', '2026-12-10 14:00']);
    expect(week('Asia/Tokyo').map((meeting) => `${meeting.date} ${meeting.time}`)).toEqual(['2026-12-08 23:00', '2026-12-10 23:00']);
  });

  it("follows the file's daylight-saving rules: between the American and the European change the gap is five hours, not six", () => {
    const march = meetings(google, 'Europe/Berlin', '2027-03-15T00:00:00Z', '2027-03-19').filter((meeting) => meeting.summary.startsWith('Tailspin'));
    expect(march.map((meeting) => `${meeting.date} ${meeting.time}`)).toEqual(['2027-03-16 14:00', '2027-03-18 14:00']);
  });

  it('leaves out cancelled meetings, and says whose calendar it is', () => {
    const calendar = readCalendar(google, 'google-calendar.ics', 'Europe/Berlin');
    expect(calendar.ownerEmail).toBe('sam.carter@contoso.com');
    const woodgrove = calendar.events.find((event) => event.summary === 'Woodgrove intro call');
    expect(woodgrove?.cancelled).toBe(true);
    expect(woodgrove?.meetingsBetween(Date.parse('2026-11-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z'))).toEqual([]);
  });
});

describe('invitations as Google Calendar and Outlook send them', () => {
  it('Google: the meeting, its zone, the people invited without the room', () => {
    const calendar = readCalendar(fixture('google-invite.ics'), 'invite.ics', 'Europe/Berlin');
    expect(calendar.method).toBe('REQUEST');
    const meeting = calendar.events[0]?.nearestMeeting(Date.parse('2026-12-01T10:00:00Z'));
    expect(meeting).toMatchObject({
      summary: 'Northwind renewal: pricing concerns',
      start: { date: '2026-12-08', time: '15:00' },
      end: { date: '2026-12-08', time: '16:00' },
      written: '09:00 America/New_York',
      organizer: { name: 'Dana Whitfield', email: 'dana.whitfield@northwind-traders.com' },
    });
    expect(meeting?.attendees).toEqual([
      { name: 'Dana Whitfield', email: 'dana.whitfield@northwind-traders.com' },
      { name: 'Sam Carter', email: 'sam.carter@contoso.com' },
      { email: 'priya.nair@contoso.com' },
    ]);
  });

  it('Outlook: a Windows zone name resolves through the VTIMEZONE in the file, CRLF and folded lines read', () => {
    const calendar = readCalendar(fixture('outlook-invite.ics'), 'invite.ics', 'America/New_York');
    const meeting = calendar.events[0]?.nearestMeeting(Date.parse('2026-11-25T10:00:00Z'));
    expect(meeting).toMatchObject({
      summary: 'Fabrikam escalation: delayed rollout',
      start: { date: '2026-11-30', time: '10:00' },
      written: '16:00 W. Europe Standard Time',
      location: 'Microsoft Teams Meeting',
    });
    expect(meeting?.attendees.map((person) => person.name)).toEqual(['Jonas Weber', 'Sam Carter', 'Lehmann, Anke', 'Priya Nair']);
  });
});

describe('times the file does not anchor are placed in the user zone, never the machine zone', () => {
  it('a floating time (no TZID) is that wall-clock time where the user is', () => {
    const text = calendarWith('DTSTART:20261208T090000', 'DTEND:20261208T100000');
    const at = (zone: string) => readCalendar(text, 'c.ics', zone).events[0]?.nearestMeeting(Date.parse('2026-12-01T00:00:00Z'));
    expect(new Date(at('Asia/Tokyo')?.startsAt ?? 0).toISOString()).toBe('2026-12-08T00:00:00.000Z');
    expect(new Date(at('America/New_York')?.startsAt ?? 0).toISOString()).toBe('2026-12-08T14:00:00.000Z');
    expect(at('America/New_York')).toMatchObject({ start: { date: '2026-12-08', time: '09:00' }, written: undefined });
  });

  it('a TZID with no VTIMEZONE is read as that IANA zone when it is one', () => {
    const text = calendarWith('DTSTART;TZID=America/Chicago:20261208T090000', 'DTEND;TZID=America/Chicago:20261208T100000');
    const calendar = readCalendar(text, 'c.ics', 'Europe/Berlin');
    const meeting = calendar.events[0]?.nearestMeeting(Date.parse('2026-12-01T00:00:00Z'));
    expect(new Date(meeting?.startsAt ?? 0).toISOString()).toBe('2026-12-08T15:00:00.000Z');
    expect(meeting).toMatchObject({ start: { date: '2026-12-08', time: '16:00' }, written: '09:00 America/Chicago' });
    expect(calendar.warnings).toEqual([]);
  });

  it('an unknown TZID is read as the user zone, and says so', () => {
    const text = calendarWith('DTSTART;TZID=Olympus Mons Time:20261208T090000', 'DTEND;TZID=Olympus Mons Time:20261208T100000');
    const calendar = readCalendar(text, 'c.ics', 'Europe/Berlin');
    const meeting = calendar.events[0]?.nearestMeeting(Date.parse('2026-12-01T00:00:00Z'));
    expect(new Date(meeting?.startsAt ?? 0).toISOString()).toBe('2026-12-08T08:00:00.000Z');
    expect(calendar.warnings).toEqual([
      'c.ics: the time zone "Olympus Mons Time" is not defined in the file (no VTIMEZONE) and is not one coach knows; its times are read as Europe/Berlin time',
    ]);
  });

  it('one changed instance of a series sent on its own (RECURRENCE-ID, no RRULE here) is a meeting', () => {
    const text = calendarWith('RECURRENCE-ID:20261208T140000Z', 'DTSTART:20261209T160000Z', 'DTEND:20261209T170000Z');
    const calendar = readCalendar(text, 'c.ics', 'UTC');
    expect(calendar.events.map((event) => event.nearestMeeting(Date.parse('2026-12-01T00:00:00Z'))?.start)).toEqual([{ date: '2026-12-09', time: '16:00' }]);
  });

  it('an all-day meeting keeps its date in any zone', () => {
    const text = calendarWith('DTSTART;VALUE=DATE:20261202', 'DTEND;VALUE=DATE:20261203');
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const meeting = readCalendar(text, 'c.ics', zone).events[0]?.nearestMeeting(Date.parse('2026-11-20T00:00:00Z'));
      expect([meeting?.start, meeting?.end]).toEqual([{ date: '2026-12-02' }, { date: '2026-12-02' }]);
    }
  });

  it('a series that repeats every minute is expanded only as far as asked, with an end', () => {
    const text = calendarWith('DTSTART:20200101T000000Z', 'DURATION:PT1M', 'RRULE:FREQ=MINUTELY');
    const calendar = readCalendar(text, 'c.ics', 'UTC');
    const found = calendar.events[0]?.meetingsBetween(Date.parse('2020-01-01T00:10:00Z'), Date.parse('2020-01-01T00:13:00Z'));
    expect(found?.map((meeting) => meeting.start.time)).toEqual(['00:10', '00:11', '00:12']);
    expect(calendar.events[0]?.meetingsBetween(Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-01-02T00:00:00Z'))).toEqual([]);
    expect(calendar.warnings[0]).toContain('repeats too often');
  });
});

describe('files that are not a usable calendar: one line naming the file and what to do', () => {
  const problem = (text: string): string => {
    try {
      readCalendar(text, 'invite.ics', 'UTC');
    } catch (error) {
      expect(error).toBeInstanceOf(FileError);
      return (error as Error).message;
    }
    throw new Error('no error');
  };
  const again = 'export the meeting or the calendar again from your calendar app as an .ics file';

  it.each([
    ['empty', '', `invite.ics: is empty; ${again}`],
    ['blank lines', '\r\n \r\n', `invite.ics: is empty; ${again}`],
    ['not a calendar', 'Subject: Meeting\r\n\r\nSee you Tuesday.\r\n', `invite.ics: is not a calendar file (iCalendar files begin with BEGIN:VCALENDAR); ${again}`],
    ['a contact card', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dana\r\nEND:VCARD\r\n', `invite.ics: is not a calendar file (iCalendar files begin with BEGIN:VCALENDAR); ${again}`],
    ['no meetings', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:x\r\nSUMMARY:Call Dana\r\nEND:VTODO\r\nEND:VCALENDAR\r\n', `invite.ics: holds no meetings (no VEVENT); ${again}`],
    ['cut short', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n', `invite.ics: is cut short (a BEGIN without its END); ${again}`],
  ])('%s', (_name, text, message) => {
    expect(problem(text)).toBe(message);
  });

  it('a broken line is named by its number', () => {
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:x', 'this line has no colon at all', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    expect(problem(text)).toMatch(/^invite\.ics:5: is not valid iCalendar \(invalid line \(no token ";" or ":"\)\); export/);
  });

  it('a meeting without a start is named by the line of its BEGIN:VEVENT', () => {
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:x', 'SUMMARY:Acme call', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    expect(problem(text)).toBe(`invite.ics:3: the meeting "Acme call" cannot be read: it has no start (DTSTART); ${again}`);
  });
});
