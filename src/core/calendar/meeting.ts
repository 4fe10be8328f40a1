/**
 * A meeting read from a calendar file, as plain data: all that coach keeps of iCalendar once
 * formats/ics-calendar.ts has parsed it, expanded its repeats and put its times in the user's zone.
 */

export interface Participant {
  name?: string | undefined;
  email?: string | undefined;
  declined?: boolean | undefined;
}

/** A calendar date and, unless the meeting lasts all day, the time of day ('HH:MM'), where the user is. */
export interface LocalTime {
  date: string;
  time?: string | undefined;
}

export interface Meeting {
  uid: string;
  summary: string;
  location?: string | undefined;
  /** In the user's zone; an all-day meeting has dates only, and `end` is its last day. */
  start: LocalTime;
  end: LocalTime;
  /** Milliseconds since the epoch: when it starts and ends, for order and for "is it over". */
  startsAt: number;
  endsAt: number;
  /** The time as the file wrote it when that was another zone: `09:00 America/New_York`. */
  written?: string | undefined;
  organizer?: Participant | undefined;
  /** The people invited, organizer first, without rooms and other resources. */
  attendees: Participant[];
  recurring: boolean;
}

/** How a participant reads in a note: `Dana Whitfield <dana@northwind.example>`, or the address alone. */
export function participantLabel(person: Participant): string {
  if (person.name && person.email) return `${person.name} <${person.email}>`;
  return person.name ?? person.email ?? '';
}
