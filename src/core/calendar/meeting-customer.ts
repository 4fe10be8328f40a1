/**
 * Who a calendar meeting is with, guessed conservatively, with the reason, so the person sees
 * where the name came from and can change it. A guess is made only when one answer stands out:
 * a customer of earlier notes named in the title or matching an attendee's domain, else one
 * outside company that the title names and an attendee's address confirms. Anything less (an
 * internal meeting, two companies in the title, a free-mail address) gives no customer.
 */
import { nameKey } from '../text/name-key.js';
import type { Meeting } from './meeting.js';

export interface CustomerGuess {
  customer: string;
  reason: string;
}

/** Addresses that say nothing about a company. */
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
]);

/** Parts of a domain that are not a company's name: `mail.fabrikam.co.uk` names fabrikam. */
const NOT_A_NAME = new Set(['www', 'mail', 'email', 'co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'ltd', 'plc', 'inc', 'nhs']);

/** The longest run of words kept from a title, as "St Mary's Trust" or "Tailspin Toys". */
const MAX_RUN = 4;

/**
 * `known`: the customers of the notes already saved, spelt as the user spelt them. `ownEmail`:
 * the calendar owner's address when the file says it, whose company is never the customer.
 */
export function guessCustomer(meeting: Meeting, known: readonly string[], ownEmail?: string): CustomerGuess | undefined {
  const ownDomain = ownEmail?.split('@')[1]?.toLowerCase();
  const domains = [...new Set(meeting.attendees.flatMap((person) => domainOf(person.email) ?? []))].filter((domain) => !FREE_MAIL.has(domain));
  const runs = titleRuns(meeting.summary);

  const knownByKey = new Map(known.filter((name) => nameKey(name) !== '').map((name) => [nameKey(name), name]));
  const namedKnown = unique(runs.flatMap((run) => knownByKey.get(run.key) ?? []));
  if (namedKnown.length === 1 && namedKnown[0]) return { customer: namedKnown[0], reason: 'a customer of your notes, named in the title' };
  if (namedKnown.length > 1) return undefined;
  const domainKnown = unique(domains.flatMap((domain) => domainNames(domain).flatMap((part) => knownByKey.get(nameKey(part)) ?? [])));
  if (domainKnown.length === 1 && domainKnown[0]) return { customer: domainKnown[0], reason: 'a customer of your notes, from an attendee\'s address' };

  // A company's own meeting has one domain: nobody outside is there to be the customer.
  const outside = domains.filter((domain) => domain !== ownDomain);
  if (domains.length < 2 && ownDomain === undefined) return undefined;
  const matches = outside.flatMap((domain) => {
    const run = longest(runs.filter((candidate) => domainNames(domain).some((part) => namesCompany(candidate.key, part))));
    return run ? [{ domain, run }] : [];
  });
  const [only] = matches;
  if (matches.length !== 1 || !only) return undefined;
  return { customer: only.run.text, reason: `named in the title, and ${only.domain} is an attendee's address` };
}

/** A run of the title's words stands for a company when it is the domain's name, or its first word (`northwind` of northwind-traders). */
function namesCompany(runKey: string, part: string): boolean {
  if (runKey === nameKey(part)) return true;
  const first = nameKey(part.split('-')[0] ?? '');
  return runKey.length >= 4 && runKey === first;
}

function domainOf(email: string | undefined): string | undefined {
  const domain = email?.split('@')[1]?.toLowerCase();
  return domain === undefined || domain === '' ? undefined : domain;
}

/** The labels of a domain that could be a company's name, the top-level domain left out. */
function domainNames(domain: string): string[] {
  return domain
    .split('.')
    .slice(0, -1)
    .filter((label) => label.length >= 3 && !NOT_A_NAME.has(label));
}

interface Run {
  text: string;
  key: string;
  words: number;
}

/** Every run of one to four consecutive words of the title, punctuation at its ends trimmed. */
function titleRuns(title: string): Run[] {
  const words = title.split(/\s+/).filter((word) => word !== '');
  const runs: Run[] = [];
  for (let start = 0; start < words.length; start += 1) {
    for (let length = 1; length <= MAX_RUN && start + length <= words.length; length += 1) {
      const text = words
        .slice(start, start + length)
        .join(' ')
        .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      const key = nameKey(text);
      if (key.length >= 3) runs.push({ text, key, words: length });
    }
  }
  return runs;
}

const longest = (runs: Run[]): Run | undefined => runs.reduce<Run | undefined>((best, run) => (best === undefined || run.words > best.words ? run : best), undefined);
const unique = (names: string[]): string[] => [...new Set(names)];

/** Whether a title names this customer in so many words: how a saved prep is matched to a meeting. */
export function titleNames(title: string, customer: string): boolean {
  const key = nameKey(customer);
  return key !== '' && titleRuns(title).some((run) => run.key === key);
}
