import { describe, expect, it } from 'vitest';
import { guessCustomer } from '../../../src/core/calendar/meeting-customer.js';
import type { Meeting } from '../../../src/core/calendar/meeting.js';

const meeting = (summary: string, ...emails: string[]): Meeting => ({
  uid: 'x',
  summary,
  start: { date: '2026-12-08', time: '09:00' },
  end: { date: '2026-12-08', time: '10:00' },
  startsAt: 0,
  endsAt: 0,
  attendees: emails.map((email) => ({ email })),
  recurring: false,
});

const ours = 'sam@contoso.com';

describe('who a calendar meeting is with, guessed only when one answer stands out', () => {
  it.each([
    ['the title names the company of an outside attendee', meeting('Northwind renewal: pricing', 'dana@northwind.com', ours), [], 'Northwind'],
    ['the first word of a hyphenated domain', meeting('Northwind renewal', 'dana@northwind-traders.com', ours), [], 'Northwind'],
    ['several words of the title, as written', meeting("Tailspin Toys weekly check-in", 'maria@tailspin-toys.com', ours), [], 'Tailspin Toys'],
    ['a customer of earlier notes named in the title, spelt as before', meeting('QBR with st marys trust', 'pete@nhs.net', ours), ["St Mary's Trust"], "St Mary's Trust"],
    ["a customer of earlier notes from an attendee's domain", meeting('Quarterly review', 'anke@fabrikam.de', ours), ['Fabrikam'], 'Fabrikam'],
    ['an internal meeting: one company only', meeting('Contoso pipeline review', ours, 'priya@contoso.com'), [], undefined],
    ['two companies in the title', meeting('Northwind and Fabrikam joint call', 'dana@northwind.com', 'anke@fabrikam.de', ours), [], undefined],
    ['a title that names nobody who comes', meeting('Renewal call', 'dana@northwind.com', ours), [], undefined],
    ['free mail says nothing of a company', meeting('Gmail catch-up', 'someone@gmail.com', ours), [], undefined],
  ])('%s', (_name, given, known, expected) => {
    expect(guessCustomer(given, known, undefined)?.customer).toBe(expected);
  });

  it("never guesses the calendar owner's own company", () => {
    const guess = guessCustomer(meeting('Contoso x Northwind sync', 'dana@northwind.com', ours), [], ours);
    expect(guess).toEqual({ customer: 'Northwind', reason: "named in the title, and northwind.com is an attendee's address" });
  });
});
