/** The "From last time" section as Markdown: what a prep recalls of the customer's last meeting. */
import { describe, expect, it } from 'vitest';
import type { LastTime } from '../../../src/core/note/account.js';
import { lastTimeBlocks } from '../../../src/core/note/last-time-section.js';
import { noneRemembered } from '../../../src/core/note/remembered.js';

const last = (fields: Partial<LastTime>): LastTime => ({
  customer: 'Acme',
  from: { id: '2026-11-20-acme-debrief', kind: 'debrief', date: '2026-11-20', title: 'Renewal' },
  remembered: noneRemembered(),
  followUps: [],
  answers: {},
  answersFrom: {},
  today: '2026-11-22',
  ...fields,
});

describe('lastTimeBlocks', () => {
  it('gives an open follow-up its owner and due date in brackets, and the note it is in only when that is not the one the section names', () => {
    const blocks = lastTimeBlocks(
      last({
        followUps: [
          { line: 12, text: 'Send the audit report', note: '2026-10-02-acme-debrief' },
          { line: 40, text: 'Book finance', owner: 'Sam', due: '2026-12-10', note: '2026-11-20-acme-debrief' },
          { line: 41, text: 'Have your statement ready: a month without the line has cost you real money.', note: '2026-11-20-acme-debrief' },
        ],
      }),
    );
    expect(blocks).toEqual([
      '_From the debrief of 2026-11-20 - Renewal (2026-11-20-acme-debrief)._',
      '**Still open:**',
      [
        '- Send the audit report (in 2026-10-02-acme-debrief)',
        '- Book finance (owner: Sam; due 2026-12-10)',
        '- Have your statement ready: a month without the line has cost you real money.',
      ].join('\n'),
    ]);
  });

  it('puts a follow-up due before the day of the prep first, and says it is overdue', () => {
    const blocks = lastTimeBlocks(
      last({
        today: '2026-12-02',
        followUps: [
          { line: 40, text: 'Book finance', owner: 'Sam', due: '2026-12-10', note: '2026-11-20-acme-debrief' },
          { line: 41, text: 'Send the fix schedule', owner: 'Sam', due: '2026-11-28', note: '2026-11-20-acme-debrief' },
          { line: 42, text: 'Call their CFO', owner: 'me', due: '2026-12-02', note: '2026-11-20-acme-debrief' },
        ],
      }),
    );
    expect(blocks.at(-1)).toBe(
      ['- Send the fix schedule (owner: Sam; overdue since 2026-11-28)', '- Book finance (owner: Sam; due 2026-12-10)', '- Call their CFO (owner: me; due 2026-12-02)'].join('\n'),
    );
  });

  it('says how many answers are offered again and from which prep, not the ids of their questions', () => {
    const blocks = lastTimeBlocks(
      last({
        answers: { role: 'Head of nursing', sponsor: 'Dana', budget: 'Q3' },
        answersFrom: { role: '2026-11-20-acme-prep', sponsor: '2026-11-20-acme-prep', budget: '2026-10-01-acme-prep' },
      }),
    );
    expect(blocks.at(-1)).toBe('_Offered again as defaults: 2 answers from 2026-11-20-acme-prep; an answer from 2026-10-01-acme-prep._');
    expect(blocks.join('\n')).not.toContain('sponsor');
  });

  it('is empty when the last meeting left nothing to recall', () => {
    expect(lastTimeBlocks(last({}))).toEqual([]);
  });
});
