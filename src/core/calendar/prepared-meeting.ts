/**
 * Which saved prep, if any, is for a meeting of the calendar: one of the same date whose title is
 * the meeting's (a prep started from the invitation has it), or whose customer is the one the
 * meeting is with, by the guess or by name in the meeting's title.
 */
import { nameKey } from '../text/name-key.js';
import type { Meeting } from './meeting.js';
import { titleNames, type CustomerGuess } from './meeting-customer.js';

export interface SavedPrep {
  id: string;
  kind: string;
  customer: string;
  title?: string | undefined;
  date: string;
}

export function prepFor<P extends SavedPrep>(meeting: Meeting, guess: CustomerGuess | undefined, notes: readonly P[]): P | undefined {
  const title = nameKey(meeting.summary);
  const customer = guess === undefined ? undefined : nameKey(guess.customer);
  return notes.find(
    (note) =>
      note.kind === 'prep' &&
      note.date === meeting.start.date &&
      ((title !== '' && nameKey(note.title ?? '') === title) || (customer !== undefined && nameKey(note.customer) === customer) || titleNames(meeting.summary, note.customer)),
  );
}
