/**
 * A meeting from a calendar as the start of a prep: its title, date and customer become the
 * context answers, offered (suggested, never imposed: a person at a terminal keeps or changes
 * each), its attendees go into the note, and the lines that say what was filled, and from where.
 */
import type { SuppliedAnswers } from '../session/supplied-answers.js';
import { describeDate } from '../session/spoken-date.js';
import type { CustomerGuess } from './meeting-customer.js';
import { participantLabel, type Meeting } from './meeting.js';

export interface InviteFill {
  supplied: SuppliedAnswers;
  /** For the note: `Dana Whitfield <dana@northwind.example>`, those who declined left out. */
  attendees: string[];
  /** What was filled, one line each, for the person to see before the first question. */
  shown: string[];
}

export function fillFromMeeting(meeting: Meeting, guess: CustomerGuess | undefined, file: string): InviteFill {
  const origin = `${file} (the invitation)`;
  const supplied: SuppliedAnswers = new Map();
  if (guess) supplied.set('customer', { raw: guess.customer, origin, suggested: true });
  if (meeting.summary !== '') supplied.set('title', { raw: meeting.summary, origin, suggested: true });
  supplied.set('date', { raw: meeting.start.date, origin, suggested: true });
  const attending = meeting.attendees.filter((person) => !person.declined);
  const shown = [
    `from ${file}: ${meeting.summary === '' ? '(no title)' : JSON.stringify(meeting.summary)}, ${whenText(meeting)}`,
    `  customer: ${guess ? `${guess.customer} (${guess.reason})` : 'not clear from the invitation'}`,
  ];
  if (attending.length > 0) shown.push(`  attendees: ${attending.map((person) => person.name ?? person.email).join(', ')}`);
  return { supplied, attendees: attending.map(participantLabel), shown };
}

/** `Tue 8 Dec 2026, 15:00-16:00 (09:00 America/New_York)`, or `Wed 2 Dec 2026, all day`. */
export function whenText(meeting: Meeting): string {
  const day = describeDate(meeting.start.date);
  if (meeting.start.time === undefined) {
    return meeting.end.date === meeting.start.date ? `${day}, all day` : `${day} to ${describeDate(meeting.end.date)}, all day`;
  }
  const end = meeting.end.date === meeting.start.date ? `-${meeting.end.time}` : '';
  return `${day}, ${meeting.start.time}${end}${meeting.written ? ` (${meeting.written})` : ''}`;
}
