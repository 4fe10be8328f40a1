/**
 * `coach upcoming <calendar.ics>`: the meetings of the next seven days (today and the six after,
 * from the run's clock, in the user's zone), each with whether a prep is saved for it, read from
 * the notes index. At a terminal one keystroke starts the prep of a meeting that has none, its
 * title, date, attendees and customer filled from the calendar; with --json, --no-input, or
 * stdin or stdout not a terminal it only lists.
 */
import { basename } from 'node:path';
import { fillFromMeeting, whenText } from '../core/calendar/invite-answers.js';
import { guessCustomer, type CustomerGuess } from '../core/calendar/meeting-customer.js';
import { participantLabel, type Meeting } from '../core/calendar/meeting.js';
import { prepFor } from '../core/calendar/prepared-meeting.js';
import { addDays } from '../core/session/calendar-date.js';
import { describeDate } from '../core/session/spoken-date.js';
import { readCalendarFile, startOfLocalDay } from '../flow/calendar-file.js';
import { warnSkipped } from '../flow/skipped-note-warning.js';
import { localToday, userTimeZone, writeOut } from '../io.js';
import { readNotesIndex, type NoteSummary } from '../store/notes/notes-index.js';
import { loadPlaybook } from '../store/playbooks/playbook-library.js';
import { column, visibleLength } from '../terminal/fit.js';
import { sanitizeForTerminal as safe } from '../terminal/sanitize.js';
import { terminalStreams } from '../terminal/terminal-streams.js';
import { wrapAfter } from '../terminal/wrap.js';
import type { CommandContext } from './command-context.js';

export interface UpcomingOptions {
  playbook?: string | undefined;
  json?: true | undefined;
  input: boolean;
  notesDir?: string | undefined;
  playbooks?: string[] | undefined;
}

/** Today and the six days after it. */
const DAYS = 7;
const NOT_NOW = '';

interface Listed {
  meeting: Meeting;
  guess: CustomerGuess | undefined;
  prep: NoteSummary | undefined;
}

export async function upcomingCommand(file: string, options: UpcomingOptions, context: CommandContext): Promise<void> {
  const { io } = context;
  const calendar = await readCalendarFile(file, io);
  const today = localToday(io);
  const last = addDays(today, DAYS - 1);
  const until = await startOfLocalDay(addDays(today, DAYS), io);
  const notes = await readNotesIndex(context.notesDir, warnSkipped(io), { cacheDir: context.cacheDir });
  const known = [...new Set(notes.map((note) => note.customer).filter((customer) => customer !== ''))];
  const meetings = calendar.events.flatMap((event) => event.meetingsBetween(io.now().getTime(), until)).sort((a, b) => a.startsAt - b.startsAt);
  const listed: Listed[] = meetings.map((meeting) => {
    const guess = guessCustomer(meeting, known, calendar.ownerEmail);
    return { meeting, guess, prep: prepFor(meeting, guess, notes) };
  });
  for (const warning of calendar.warnings) io.stderr.write(`coach: warning: ${safe(warning)}\n`);

  if (options.json) {
    await writeOut(io.stdout, `${JSON.stringify(listed.map(asJson), null, 2)}\n`);
    return;
  }
  const span = `${describeDate(today)} to ${describeDate(last)} (${userTimeZone(io)})`;
  if (listed.length === 0) {
    io.stderr.write(`coach: no meetings in ${safe(file)} from ${span}\n`);
    return;
  }
  const prepared = listed.filter((item) => item.prep).length;
  io.stderr.write(`Meetings from ${span}, ${prepared} of ${listed.length} prepared:\n`);
  // On a terminal a meeting too long for a row goes on under its title, between words: the terminal
  // broke it anywhere, inside a prep's id. A file or a pipe gets a line each.
  const columns = io.stdout.isTTY ? (io.stdout.columns ?? 80) : undefined;
  await writeOut(io.stdout, listed.map((item) => fitted(line(item), columns)).join(''));

  const missing = listed.filter((item) => !item.prep);
  // A list piped on (`coach upcoming cal.ics | grep Acme`) is only a list.
  if (!options.input || io.stdin.isTTY !== true || io.stdout.isTTY !== true || missing.length === 0) return;
  // A playbook named wrong is said now, not after a meeting was picked.
  if (options.playbook !== undefined) await loadPlaybook(options.playbook, context.playbooks);
  const chalk = await context.colour();
  const { pickOne } = await import('../prompters/inquirer.js');
  const picked = await pickOne(terminalStreams(io), chalk, 'Start the prep of a meeting?', [
    ...missing.map((item, index) => ({ value: String(index), name: `${whenText(item.meeting)}  ${item.meeting.summary || '(no title)'}` })),
    { value: NOT_NOW, name: 'Not now' },
  ]);
  const chosen = picked === NOT_NOW ? undefined : missing[Number(picked)];
  if (!chosen) return;
  const { prepCommand } = await import('./prep.js');
  const sessionOptions = { input: true, save: true, review: true, notesDir: options.notesDir, playbooks: options.playbooks };
  await prepCommand(options.playbook, sessionOptions, context, fillFromMeeting(chosen.meeting, chosen.guess, basename(file)));
}

/** The day, time and prep columns before a meeting's title. */
const TITLE_COLUMN = 11 + 13 + 10;

/** A line from `line`, with what does not fit in `columns` on rows under the title. */
function fitted(text: string, columns: number | undefined): string {
  const body = text.slice(0, -1);
  if (columns === undefined || visibleLength(body) <= columns) return text;
  return `${wrapAfter(body.slice(0, TITLE_COLUMN), body.slice(TITLE_COLUMN), columns)}\n`;
}

/** `Tue 1 Dec  20:00-20:30  no prep   Tailspin Toys weekly check-in  · Tailspin Toys`. */
function line({ meeting, guess, prep }: Listed): string {
  const day = describeDate(meeting.start.date).replace(/ \d{4}$/, '');
  const time = meeting.start.time === undefined ? 'all day' : `${meeting.start.time}-${meeting.end.date === meeting.start.date ? meeting.end.time : '…'}`;
  const extras = [guess?.customer, meeting.written, prep ? `prep: ${prep.id}` : undefined].filter((part) => part !== undefined);
  return `${column(day, 11)}${column(time, 13)}${column(prep ? 'prepared' : 'no prep', 10)}${safe(meeting.summary || '(no title)')}${extras.length > 0 ? `  · ${safe(extras.join(' · '))}` : ''}\n`;
}

function asJson({ meeting, guess, prep }: Listed): object {
  return {
    date: meeting.start.date,
    start: meeting.start.time ?? null,
    endDate: meeting.end.date,
    end: meeting.end.time ?? null,
    allDay: meeting.start.time === undefined,
    startsAt: new Date(meeting.startsAt).toISOString(),
    endsAt: new Date(meeting.endsAt).toISOString(),
    written: meeting.written ?? null,
    title: meeting.summary,
    customer: guess?.customer ?? null,
    customerReason: guess?.reason ?? null,
    attendees: meeting.attendees.filter((person) => !person.declined).map(participantLabel),
    location: meeting.location ?? null,
    recurring: meeting.recurring,
    uid: meeting.uid,
    prep: prep?.id ?? null,
    prepPath: prep?.path ?? null,
  };
}
