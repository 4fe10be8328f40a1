/**
 * Dates as people say them ("tomorrow", "next tuesday", "in 3 days", "8 Dec"), read against the
 * day the caller names as today, never the clock. Why a library (chrono-node) and not patterns:
 * people's phrasings are endless and the library is maintained. It costs start-up time, so it is
 * imported only here, and only when a date is not already written as YYYY-MM-DD.
 */
import { calendarDateProblem, isIsoDateShape, MONTHS, notADate } from './calendar-date.js';

export type SpokenDate = { ok: true; date: string } | { ok: false; message: string };

const EXAMPLES = 'write it as YYYY-MM-DD, or as today, tomorrow, next tuesday, in 3 days, 8 Dec';

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The calendar date `text` names, as YYYY-MM-DD, counting forward from `today` (YYYY-MM-DD):
 * "8 Dec" said on 30 December is next year's. The whole text must be a date: "meet on 2026-02-30
 * or tomorrow" is refused, not read as tomorrow.
 */
export async function readSpokenDate(text: string, today: string): Promise<SpokenDate> {
  const said = text.trim();
  if (isIsoDateShape(said)) {
    const problem = calendarDateProblem(said);
    return problem === undefined ? { ok: true, date: said } : { ok: false, message: notADate(said, problem) };
  }
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const chrono = await import('chrono-node/en');
  // Noon UTC read in UTC (timezone 0): the reference day is `today` whatever the machine's zone.
  // biome-ignore lint/style/noRestrictedGlobals: calendar arithmetic on the given date, not the clock
  const reference = { instant: new Date(Date.UTC(year, month - 1, day, 12)), timezone: 0 };
  const results = chrono.parse(said, reference, { forwardDate: true });
  const [first] = results;
  if (!first || results.length !== 1 || first.index !== 0 || first.text.length !== said.length) {
    const part = first && first.text !== said ? `: only ${JSON.stringify(first.text)} reads as a date` : '';
    return { ok: false, message: `is not a date coach can read (got ${JSON.stringify(said)})${part}; ${EXAMPLES}` };
  }
  const start = first.start;
  return { ok: true, date: `${start.get('year')}-${pad(start.get('month') ?? 1)}-${pad(start.get('day') ?? 1)}` };
}

/** "Tue 8 Dec 2026": how a resolved date is echoed, so a person sees which day they got. */
export function describeDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // biome-ignore lint/style/noRestrictedGlobals: calendar arithmetic on the given date, not the clock
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${day} ${MONTHS[month - 1]} ${year}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
