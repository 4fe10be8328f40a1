/**
 * A customer's notes as meetings: a prep with every debrief that names it, a debrief whose prep is
 * gone as a meeting of its own, oldest first; and what the next prep recalls of them.
 */
import { describe, expect, it } from 'vitest';
import { accountMeetings, lastTimeOf, type AccountNote } from '../../../src/core/note/account.js';
import { noneRemembered } from '../../../src/core/note/remembered.js';

const note = (id: string, fields: Partial<AccountNote>): AccountNote => ({
  id,
  kind: 'prep',
  playbook: 'two-questions',
  date: '2026-11-20',
  scores: [],
  remembered: noneRemembered(),
  carried: {},
  followUps: [],
  ...fields,
});

const prep = note('p1', { created: '2026-11-19T10:00:00Z', scores: [{ title: 'Readiness', verdict: 'Ready', value: 5, max: 5 }], carried: { role: 'CFO' } });
const first = note('d1', { kind: 'debrief', prep: 'p1', created: '2026-11-20T17:00:00Z', remembered: { ...noneRemembered(), lesson: ['Bring finance in'] }, followUps: [{ line: 40, text: 'Send the quote', owner: 'me', due: '2026-11-25' }] });
const second = note('d2', { kind: 'debrief', prep: 'p1', created: '2026-11-21T09:00:00Z', remembered: { ...noneRemembered(), feeling: ['Calm'] } });
const orphan = note('d0', { kind: 'debrief', prep: 'gone', date: '2026-11-02', created: '2026-11-02T12:00:00Z', followUps: [{ line: 9, text: 'Call back' }] });
const later = note('p2', { date: '2026-12-02', created: '2026-11-22T09:30:00Z' });

describe('accountMeetings', () => {
  it('puts each debrief with its prep, keeps one whose prep is gone, oldest first', () => {
    const meetings = accountMeetings([later, second, prep, orphan, first]);
    expect(meetings.map((meeting) => [meeting.date, meeting.prep, meeting.debriefs])).toEqual([
      ['2026-11-02', undefined, ['d0']],
      ['2026-11-20', 'p1', ['d1', 'd2']],
      ['2026-12-02', 'p2', []],
    ]);
    expect(meetings[1]).toMatchObject({ readiness: ['Readiness: Ready (5/5)'], remembered: { lesson: ['Bring finance in'], feeling: ['Calm'] } });
    expect(meetings[1]?.followUps).toEqual([{ line: 40, text: 'Send the quote', owner: 'me', due: '2026-11-25', note: 'd1' }]);
  });
});

describe('lastTimeOf', () => {
  it('recalls the debrief saved last, every open follow-up, and the newest answer to each carry question', () => {
    expect(lastTimeOf('Acme', [later, second, prep, orphan, first], '2026-11-22')).toEqual({
      customer: 'Acme',
      from: { id: 'd2', kind: 'debrief', date: '2026-11-20', title: undefined },
      remembered: { ...noneRemembered(), feeling: ['Calm'] },
      followUps: [
        { line: 9, text: 'Call back', note: 'd0' },
        { line: 40, text: 'Send the quote', owner: 'me', due: '2026-11-25', note: 'd1' },
      ],
      answers: { role: 'CFO' },
      answersFrom: { role: 'p1' },
      today: '2026-11-22',
    });
  });

  it('recalls a prep when there is no debrief yet, and nothing for no notes', () => {
    const newer = note('p3', { created: '2026-11-23T09:00:00Z', carried: { role: 'CEO' } });
    expect(lastTimeOf('Acme', [prep, newer], '2026-11-22')).toMatchObject({ from: { id: 'p3', kind: 'prep' }, answers: { role: 'CEO' }, answersFrom: { role: 'p3' } });
    expect(lastTimeOf('Acme', [], '2026-11-22')).toBeUndefined();
  });
});
