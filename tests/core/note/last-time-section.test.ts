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
  ...fields,
});

describe('lastTimeBlocks', () => {
  it('names the note each open follow-up is in, in brackets, with its owner and due date when it has them', () => {
    const blocks = lastTimeBlocks(
      last({
        followUps: [
          { line: 40, text: 'Book finance', owner: 'Sam', due: '2026-12-10', note: '2026-11-20-acme-debrief' },
          { line: 41, text: 'Have your statement ready: a month without the line has cost you real money.', note: '2026-11-20-acme-debrief' },
        ],
      }),
    );
    expect(blocks).toEqual([
      '_From the debrief of 2026-11-20 - Renewal (2026-11-20-acme-debrief)._',
      '**Still open:**',
      [
        '- Book finance (owner: Sam; due 2026-12-10; in 2026-11-20-acme-debrief)',
        '- Have your statement ready: a month without the line has cost you real money. (in 2026-11-20-acme-debrief)',
      ].join('\n'),
    ]);
  });

  it('is empty when the last meeting left nothing to recall', () => {
    expect(lastTimeBlocks(last({}))).toEqual([]);
  });
});
