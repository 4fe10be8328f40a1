/**
 * `coach prep --ics invite.ics`: the meeting an invitation file describes, as the answers it
 * suggests for the prep. An invitation holds one meeting (a series counts as one, and its next
 * meeting is the one prepared); a file with several asks which at a terminal and otherwise
 * refuses, listing them, since guessing would prepare the wrong meeting.
 */
import { basename } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { fillFromMeeting, whenText, type InviteFill } from '../core/calendar/invite-answers.js';
import { guessCustomer } from '../core/calendar/meeting-customer.js';
import type { Meeting } from '../core/calendar/meeting.js';
import { FileError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { sanitizeForTerminal as safe } from '../terminal/sanitize.js';
import { terminalStreams } from '../terminal/terminal-streams.js';
import { knownCustomers, readCalendarFile } from './calendar-file.js';

/** How many meetings a refusal lists before it counts the rest. */
const LISTED = 5;

export async function fillFromInvite(path: string, io: Io, chalk: ChalkInstance, canAsk: boolean, notes: { dir: string; cacheDir: string | undefined }): Promise<InviteFill> {
  const calendar = await readCalendarFile(path, io);
  if (calendar.method === 'CANCEL') throw new FileError(path, 'is a cancellation (METHOD:CANCEL), not an invitation: that meeting is off');
  const now = io.now().getTime();
  const meetings = calendar.events.flatMap((event) => {
    const meeting = event.nearestMeeting(now);
    return meeting ? [meeting] : [];
  }).sort((a, b) => a.startsAt - b.startsAt);
  if (meetings.length === 0) throw new FileError(path, 'holds only cancelled meetings; export the meeting again from your calendar app as an .ics file');
  // Of a file with several meetings, those still to come are the ones a person may prepare.
  const ahead = meetings.filter((meeting) => meeting.endsAt > now);
  const offered = ahead.length > 0 ? ahead : meetings;
  const meeting = offered.length === 1 ? offered[0] : await pickMeeting(path, offered, ahead.length > 0, io, chalk, canAsk);
  if (!meeting) throw new Error('no meeting picked');
  for (const warning of calendar.warnings) io.stderr.write(`coach: warning: ${safe(warning)}\n`);
  const guess = guessCustomer(meeting, await knownCustomers(notes.dir, notes.cacheDir).catch(() => []), calendar.ownerEmail);
  return fillFromMeeting(meeting, guess, basename(path));
}

async function pickMeeting(path: string, meetings: Meeting[], toCome: boolean, io: Io, chalk: ChalkInstance, canAsk: boolean): Promise<Meeting | undefined> {
  const count = `${meetings.length} meetings${toCome ? ' to come' : ''}`;
  const label = (meeting: Meeting): string => `${whenText(meeting)}  ${meeting.summary || '(no title)'}`;
  if (!canAsk) {
    const listed = meetings.slice(0, LISTED).map((meeting) => `  ${label(meeting)}`);
    const more = meetings.length > LISTED ? [`  and ${meetings.length - LISTED} more`] : [];
    throw new UsageError(
      [`${path} holds ${count}, not one invitation; export just the one to prepare, or run coach upcoming ${path} to pick one:`, ...listed, ...more].join('\n'),
    );
  }
  const { pickOne } = await import('../prompters/inquirer.js');
  const index = await pickOne(
    terminalStreams(io),
    chalk,
    `${basename(path)} holds ${count}. Which one are you preparing?`,
    meetings.map((meeting, at) => ({ value: String(at), name: label(meeting) })),
  );
  return meetings[Number(index)];
}
