/**
 * A calendar file the user names (`coach prep --ics`, `coach upcoming`): read through the safe
 * reader (a regular file only, never a FIFO, at most MAX_CALENDAR_BYTES, strict UTF-8), then
 * parsed in the user's zone. ical.js loads here, on first use, so no other command pays for it.
 */
import { resolve } from 'node:path';
import type { Calendar } from '../formats/ics-calendar.js';
import { userTimeZone, type Io } from '../io.js';
import { readNotesIndex } from '../store/notes/notes-index.js';
import { readTextFile } from '../store/files/read-text-file.js';

/** A whole calendar exported over years is a few MiB; an invitation is a few KiB. */
const MAX_CALENDAR_BYTES = 32 * 1024 * 1024;

export async function readCalendarFile(path: string, io: Io): Promise<Calendar> {
  const text = readTextFile(resolve(io.cwd, path), 'the calendar file', MAX_CALENDAR_BYTES);
  const { readCalendar } = await import('../formats/ics-calendar.js');
  return readCalendar(text, path, userTimeZone(io));
}

/** Midnight at the start of `date` where the user is, in milliseconds since the epoch. */
export async function startOfLocalDay(date: string, io: Io): Promise<number> {
  const { startOfDay } = await import('../formats/ics-calendar.js');
  return startOfDay(date, userTimeZone(io));
}

/** The customers of the saved notes, each once, as the user spelt them: names a meeting may be with. */
export async function knownCustomers(notesDir: string, cacheDir: string | undefined): Promise<string[]> {
  // Broken notes are `coach history`'s to report; here they only cost a name to match.
  const notes = await readNotesIndex(notesDir, () => undefined, { cacheDir });
  return [...new Set(notes.map((note) => note.customer).filter((customer) => customer !== ''))];
}
