/**
 * Calendar files (iCalendar, .ics) as Google Calendar and Outlook export them, read with ical.js
 * into plain meetings in the user's zone. ical.js has no time-zone database: a TZID resolves
 * through a VTIMEZONE in the file, else the time would float in the process's zone, which is not
 * the user's in a test or on a server. So every time that is not anchored by the file is placed
 * here, explicitly: a floating time (no TZID, RFC 5545's "wherever you are") and an all-day date
 * are the user's zone; a TZID without a VTIMEZONE is read as that IANA zone when it is one
 * (@date-fns/tz, over Intl), and as the user's zone with a warning when it is not. Repeats are
 * expanded only as far as asked: ical.js's iterator never ends by itself. Loaded lazily
 * (flow/calendar-file.ts), only by the commands that read a calendar.
 */
import { TZDate } from '@date-fns/tz';
import ICAL from 'ical.js';
import type { LocalTime, Meeting, Participant } from '../core/calendar/meeting.js';
import { addDays } from '../core/session/calendar-date.js';
import { collapseWhitespace } from '../core/text/text-lines.js';
import { FileError } from '../errors.js';

type Component = InstanceType<typeof ICAL.Component>;
type IcalEvent = InstanceType<typeof ICAL.Event>;
type IcalTime = InstanceType<typeof ICAL.Time>;
type Property = InstanceType<typeof ICAL.Property>;

interface CalendarEvent {
  uid: string;
  summary: string;
  /** The line of its BEGIN:VEVENT, for messages. */
  line: number;
  recurring: boolean;
  cancelled: boolean;
  /** Its meetings that overlap [from, to), milliseconds since the epoch, in order. */
  meetingsBetween(from: number, to: number): Meeting[];
  /** The first meeting not yet over at `now`; else, for a meeting in the past, the last one. */
  nearestMeeting(now: number): Meeting | undefined;
}

export interface Calendar {
  /** METHOD: REQUEST for an invitation, PUBLISH for an export, CANCEL for a cancellation. */
  method: string | undefined;
  /** Google names an exported calendar after its owner's address (X-WR-CALNAME). */
  ownerEmail: string | undefined;
  /** One per UID, in file order: a series and its changed instances are one event. */
  events: CalendarEvent[];
  /** Times coach had to guess at, said once each; filled as meetings are expanded. */
  warnings: string[];
}

/** A series is expanded at most this many steps: FREQ=MINUTELY since 1990 must not hang coach. */
const MAX_STEPS = 20_000;
/** How far ahead nearestMeeting looks for the next meeting of a series. */
const LOOK_AHEAD_MS = 400 * 24 * 60 * 60 * 1000;
const CALENDAR_RESOURCES = /(^|\.)resource\.calendar\.google\.com$/i;

const AGAIN = 'export the meeting or the calendar again from your calendar app as an .ics file';

export function readCalendar(text: string, name: string, zone: string): Calendar {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new FileError(name, `is empty; ${AGAIN}`);
  const firstLine = body.trimStart().split(/\r?\n/, 1)[0] ?? '';
  if (!/^BEGIN:VCALENDAR\s*$/i.test(firstLine)) {
    throw new FileError(name, `is not a calendar file (iCalendar files begin with BEGIN:VCALENDAR); ${AGAIN}`);
  }
  let parsed: unknown;
  try {
    parsed = ICAL.parse(body);
  } catch (error) {
    throw parseError(error, body, name);
  }
  // One calendar parses to its jCal array; several in one file (concatenated exports), to a list of them.
  const roots = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  const calendars = roots.map((root) => new ICAL.Component(root as never)).filter((root) => root.name === 'vcalendar');
  const vevents = calendars.flatMap((calendar) => calendar.getAllSubcomponents('vevent'));
  if (vevents.length === 0) throw new FileError(name, `holds no meetings (no VEVENT); ${AGAIN}`);

  const lines = body.split(/\r?\n/);
  const eventLines = lines.flatMap((line, index) => (/^BEGIN:VEVENT\s*$/i.test(line) ? [index + 1] : []));
  const warnings: string[] = [];
  const context: ReadContext = { name, zone, warnings, warned: new Set() };
  const byUid = new Map<string, { master?: Component; line: number; exceptions: Component[] }>();
  vevents.forEach((vevent, index) => {
    const line = eventLines[index] ?? 0;
    const uid = textOf(vevent, 'uid') ?? `line-${line}`;
    const entry = byUid.get(uid) ?? { line, exceptions: [] };
    if (vevent.hasProperty('recurrence-id')) entry.exceptions.push(vevent);
    else entry.master ??= vevent;
    byUid.set(uid, entry);
  });

  const events: CalendarEvent[] = [];
  for (const [uid, entry] of byUid) {
    // A changed instance sent on its own (an invitation to one meeting of a series) is a meeting.
    const components = entry.master ? [{ master: entry.master, exceptions: entry.exceptions }] : entry.exceptions.map((one) => ({ master: one, exceptions: [] }));
    for (const { master, exceptions } of components) events.push(calendarEvent(uid, master, exceptions, entry.line, context));
  }
  const calendarName = calendars.map((calendar) => textOf(calendar, 'x-wr-calname')).find((value) => value !== undefined);
  return {
    method: calendars.map((calendar) => textOf(calendar, 'method')).find((value) => value !== undefined)?.toUpperCase(),
    ownerEmail: calendarName && /^[^\s@]+@[^\s@]+$/.test(calendarName) ? calendarName.toLowerCase() : undefined,
    events,
    warnings,
  };
}

/** Midnight at the start of `date` (YYYY-MM-DD) in `zone`, in milliseconds since the epoch. */
export function startOfDay(date: string, zone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, day, 0, 0, 0, zone).getTime();
}

interface ReadContext {
  name: string;
  zone: string;
  warnings: string[];
  warned: Set<string>;
}

function calendarEvent(uid: string, master: Component, exceptions: Component[], line: number, context: ReadContext): CalendarEvent {
  const where = `${context.name}:${line}`;
  const summary = collapseWhitespace(textOf(master, 'summary') ?? '');
  let event: IcalEvent;
  try {
    if (!master.hasProperty('dtstart')) throw new Error('it has no start (DTSTART)');
    // Only this UID's changed instances: by default ical.js would take every RECURRENCE-ID in the file.
    event = new ICAL.Event(master, { strictExceptions: true, exceptions });
    // ical.js reads values when first asked: a start it cannot read is found here, with its line.
    void event.startDate.toString();
  } catch (error) {
    throw new FileError(where, `the meeting "${summary}" cannot be read: ${reason(error)}; ${AGAIN}`);
  }
  const cancelled = isCancelled(master);
  const meetings = (until: number): Meeting[] => {
    if (cancelled) return [];
    try {
      return expand(event, master, exceptions, until, context, summary);
    } catch (error) {
      if (error instanceof FileError) throw error;
      throw new FileError(where, `the meeting "${summary}" cannot be read: ${reason(error)}; ${AGAIN}`);
    }
  };
  return {
    uid,
    summary,
    line,
    recurring: event.isRecurring(),
    cancelled,
    meetingsBetween: (from, to) => meetings(to).filter((meeting) => meeting.endsAt > from && meeting.startsAt < to).sort(byStart),
    nearestMeeting: (now) => {
      const all = meetings(now + LOOK_AHEAD_MS).sort(byStart);
      return all.find((meeting) => meeting.endsAt > now) ?? all.at(-1);
    },
  };
}

const byStart = (a: Meeting, b: Meeting): number => a.startsAt - b.startsAt || a.summary.localeCompare(b.summary);

/** Every meeting of the series that starts before `until`, changed instances and EXDATEs applied. */
function expand(event: IcalEvent, master: Component, exceptions: Component[], until: number, context: ReadContext, summary: string): Meeting[] {
  // One meeting is its own start and end: ical.js's iterator yields nothing for a changed instance sent alone.
  if (!event.isRecurring()) {
    const meeting = meetingOf(master, event.startDate, event.endDate, false, context);
    return meeting.startsAt < until ? [meeting] : [];
  }
  const masterZone = zoneParameter(master);
  const changed = new Set(exceptions.map((exception) => instantOf(new ICAL.Event(exception).recurrenceId, zoneParameter(exception, 'recurrence-id'), context)));
  const found: Meeting[] = [];
  const iterator = event.iterator();
  for (let steps = 0; ; steps += 1) {
    const next: IcalTime | undefined = iterator.next();
    if (!next) break;
    const at = instantOf(next, masterZone, context);
    if (at >= until) break;
    if (steps >= MAX_STEPS) {
      warnOnce(context, `${context.name}: "${summary}" repeats too often; coach read its first ${MAX_STEPS} meetings only`);
      break;
    }
    // A changed instance is listed from its own VEVENT below, wherever it was moved to.
    if (changed.has(at)) continue;
    const details = event.getOccurrenceDetails(next);
    found.push(meetingOf(details.item.component, details.startDate, details.endDate, true, context));
  }
  for (const exception of exceptions) {
    if (isCancelled(exception)) continue;
    const instance = new ICAL.Event(exception);
    const meeting = meetingOf(exception, instance.startDate, instance.endDate, true, context);
    if (meeting.startsAt < until) found.push(meeting);
  }
  return found;
}

function meetingOf(component: Component, startTime: IcalTime, endTime: IcalTime, recurring: boolean, context: ReadContext): Meeting {
  const tzid = zoneParameter(component);
  const startsAt = instantOf(startTime, tzid, context);
  let endsAt = instantOf(endTime, zoneParameter(component, component.hasProperty('dtend') ? 'dtend' : 'dtstart'), context);
  let start: LocalTime;
  let end: LocalTime;
  if (startTime.isDate) {
    start = { date: startTime.toString() };
    // DTEND of an all-day meeting is the day after its last; a missing one means one day.
    if (endsAt <= startsAt) endsAt = startOfDay(addDays(start.date, 1), context.zone);
    end = { date: localTime(endsAt - 1, context.zone).date };
  } else {
    if (endsAt < startsAt) endsAt = startsAt;
    start = localTime(startsAt, context.zone);
    end = localTime(endsAt, context.zone);
  }
  const participants = people(component);
  return {
    uid: textOf(component, 'uid') ?? '',
    summary: collapseWhitespace(textOf(component, 'summary') ?? ''),
    location: collapseWhitespace(textOf(component, 'location') ?? '') || undefined,
    start,
    end,
    startsAt,
    endsAt,
    written: writtenTime(startTime, tzid, start),
    organizer: participants.organizer,
    attendees: participants.attendees,
    recurring,
  };
}

/**
 * The instant a time names. Anchored times (UTC, or a zone the file defines) are ical.js's to
 * convert; a floating time or an all-day date is the user's zone; an undefined TZID is an IANA
 * zone when Intl knows it, else the user's zone, said once.
 */
function instantOf(time: IcalTime, tzid: string | undefined, context: ReadContext): number {
  if (!time.isDate && time.zone !== ICAL.Timezone.localTimezone) return time.toUnixTime() * 1000;
  const zone = time.isDate || tzid === undefined ? context.zone : resolveZone(tzid, context);
  return new TZDate(time.year, time.month - 1, time.day, time.isDate ? 0 : time.hour, time.isDate ? 0 : time.minute, time.isDate ? 0 : time.second, zone).getTime();
}

function resolveZone(tzid: string, context: ReadContext): string {
  if (isIanaZone(tzid)) return tzid;
  warnOnce(context, `${context.name}: the time zone "${tzid}" is not defined in the file (no VTIMEZONE) and is not one coach knows; its times are read as ${context.zone} time`);
  return context.zone;
}

function isIanaZone(tzid: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tzid });
    return true;
  } catch {
    return false;
  }
}

/** `09:00 America/New_York`, when the file's clock says another time than the user's; nothing for floating times. */
function writtenTime(time: IcalTime, tzid: string | undefined, local: LocalTime): string | undefined {
  if (time.isDate) return undefined;
  const named = time.zone === ICAL.Timezone.utcTimezone ? 'UTC' : tzid;
  const clock = `${pad(time.hour)}:${pad(time.minute)}`;
  const sameClock = clock === local.time && `${time.year}-${pad(time.month)}-${pad(time.day)}` === local.date;
  return named === undefined || sameClock ? undefined : `${clock} ${named}`;
}

function localTime(at: number, zone: string): LocalTime {
  const local = new TZDate(at, zone);
  return { date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`, time: `${pad(local.getHours())}:${pad(local.getMinutes())}` };
}

/** The organizer and the invited people, organizer first, each address once; rooms left out. */
function people(component: Component): { organizer?: Participant; attendees: Participant[] } {
  const organizerProperty = component.getFirstProperty('organizer');
  const organizer = organizerProperty ? participant(organizerProperty) : undefined;
  const attendees: Participant[] = organizer ? [organizer] : [];
  const seen = new Set(organizer?.email === undefined ? [] : [organizer.email.toLowerCase()]);
  for (const property of component.getAllProperties('attendee')) {
    const person = participant(property);
    if (!person) continue;
    const key = person.email?.toLowerCase();
    if (key !== undefined && seen.has(key)) continue;
    if (key !== undefined) seen.add(key);
    attendees.push(person);
  }
  return { ...(organizer ? { organizer } : {}), attendees };
}

function participant(property: Property): Participant | undefined {
  const cutype = String(property.getParameter('cutype') ?? '').toUpperCase();
  if (cutype === 'RESOURCE' || cutype === 'ROOM') return undefined;
  const address = String(property.getFirstValue() ?? '')
    .replace(/^mailto:/i, '')
    .trim();
  const email = /^[^\s@]+@[^\s@]+$/.test(address) ? address : undefined;
  if (email && CALENDAR_RESOURCES.test(email.split('@')[1] ?? '')) return undefined;
  const cn = property.getParameter('cn');
  const name = typeof cn === 'string' && cn.trim() !== '' && cn.trim().toLowerCase() !== email?.toLowerCase() ? collapseWhitespace(cn) : undefined;
  if (name === undefined && email === undefined) return undefined;
  const declined = String(property.getParameter('partstat') ?? '').toUpperCase() === 'DECLINED';
  return { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(declined ? { declined } : {}) };
}

function zoneParameter(component: Component, property = 'dtstart'): string | undefined {
  const value = component.getFirstProperty(property)?.getParameter('tzid');
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isCancelled(component: Component): boolean {
  return textOf(component, 'status')?.toUpperCase() === 'CANCELLED';
}

function textOf(component: Component, property: string): string | undefined {
  const value = component.getFirstPropertyValue(property);
  return typeof value === 'string' ? value : undefined;
}

function warnOnce(context: ReadContext, message: string): void {
  if (context.warned.has(message)) return;
  context.warned.add(message);
  context.warnings.push(message);
}

const pad = (n: number): string => String(n).padStart(2, '0');
const reason = (error: unknown): string => collapseWhitespace(error instanceof Error ? error.message : String(error)).slice(0, 200);

/**
 * ical.js names the offending line's text but not its number: the number is found by looking
 * for that text at the start of a line of the file.
 */
function parseError(error: unknown, text: string, name: string): FileError {
  const message = error instanceof Error ? error.message : String(error);
  if (/began but did not end/.test(message)) return new FileError(name, `is cut short (a BEGIN without its END); ${AGAIN}`);
  const quoting = /^(invalid line \([^)]*\)|Invalid parameters in|Missing parameter value in|Empty parameter name in)\s+["']([\s\S]*)["']$/.exec(message);
  const needle = quoting?.[2]?.slice(0, 40);
  const index = needle === undefined || needle === '' ? -1 : text.split(/\r?\n/).findIndex((line) => line.startsWith(needle));
  const what = quoting?.[1] ?? reason(error);
  return new FileError(index >= 0 ? `${name}:${index + 1}` : name, `is not valid iCalendar (${what}); ${AGAIN}`);
}
