/**
 * Which customer a name typed on the command line means, among the customers of the saved notes:
 * the same name in any case or punctuation (name-key.ts), else the one name it is a unique start
 * of. Several starting with it are listed; none gets the nearest name as a hint.
 */
import { closest } from './closest.js';
import { nameKey } from './name-key.js';

export type CustomerMatch = { customer: string } | { candidates: string[] } | { hint?: string | undefined };

/** `customers`: the names as the notes spell them; the first spelling of a key is the one shown. */
export function matchCustomer(typed: string, customers: readonly string[]): CustomerMatch {
  const key = nameKey(typed);
  const byKey = new Map<string, string>();
  for (const name of customers) {
    const nameK = nameKey(name);
    if (nameK !== '' && !byKey.has(nameK)) byKey.set(nameK, name);
  }
  if (key === '') return {};
  const exact = byKey.get(key);
  if (exact !== undefined) return { customer: exact };
  const starting = [...byKey].filter(([candidate]) => candidate.startsWith(key)).map(([, name]) => name);
  if (starting.length === 1 && starting[0] !== undefined) return { customer: starting[0] };
  if (starting.length > 1) return { candidates: starting.sort() };
  // A slip in the start of a long name ("st marx" for St Mary's Trust) is as near as one in a whole name.
  const starts = new Map<string, string>();
  for (const [candidate, name] of byKey) {
    starts.set(candidate, name);
    if (!starts.has(candidate.slice(0, key.length))) starts.set(candidate.slice(0, key.length), name);
  }
  const near = closest(key, [...starts.keys()]);
  return { hint: near === undefined ? undefined : starts.get(near) };
}
