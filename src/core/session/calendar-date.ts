/**
 * A date written as YYYY-MM-DD, checked against the calendar, with the reason when it is not on
 * it: "2026-02-30" should tell the person that February 2026 has 28 days, not that the format is
 * wrong.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function isIsoDateShape(text: string): boolean {
  return ISO_DATE.test(text);
}

function daysIn(year: number, month: number): number {
  // biome-ignore lint/style/noRestrictedGlobals: calendar arithmetic on the given date, not the clock
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why `text` is not a day on the calendar ("February 2026 has 28 days"), or undefined when it is one. */
export function calendarDateProblem(text: string): string | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return 'it is not written as YYYY-MM-DD';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `there is no month ${month}`;
  const days = daysIn(year, month);
  if (day < 1 || day > days) return `${MONTH_NAMES[month - 1]} ${year} has ${days} days`;
  return undefined;
}

/** How an answer that is not on the calendar is refused, wherever it was checked. */
export const notADate = (text: string, problem: string): string => `is not a date: ${problem} (got ${JSON.stringify(text)})`;

/** The calendar date `days` after `date` (both YYYY-MM-DD): 2026-11-30 plus 1 is 2026-12-01. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // biome-ignore lint/style/noRestrictedGlobals: calendar arithmetic on the given date, not the clock
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
