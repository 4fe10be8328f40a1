import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../../src/core/playbook/parse-playbook.js';
import { walkWith } from '../../helpers/playbooks.js';

const playbook = parsePlaybook(
  `
id: branching
title: Branching
summary: A small playbook to walk.
source: Tests
prep:
  steps:
    - id: mood
      title: Mood
      guidance: Meeting {{customer}}.
      questions:
        - { id: state, type: select, prompt: State?, choices: [calm, angry] }
        - id: vent
          type: text
          prompt: How will you let {{customer}} vent?
          when: { answer: state, equals: angry }
        - { id: note, type: text, prompt: Anything else?, required: false }
    - id: calm-step
      title: Calm only
      when: { answer: state, equals: calm }
      questions:
        - { id: agenda, type: list, prompt: Agenda? }
    - id: time
      title: Time
      questions:
        - { id: minutes, type: number, prompt: Minutes?, default: 30, min: 5, max: 120 }
  flags:
    - id: angry
      when: { answer: state, equals: angry }
      level: warn
      message: "{{customer}} is angry; plan: {{vent}}"
      actions: ["Let them vent"]
    - id: no-note
      when: { answer: note, answered: false }
      level: tip
      message: No extra note.
  scores:
    - id: prepared
      title: Prepared
      count:
        - { answer: vent, answered: true }
        - { answer: agenda, answered: true }
        - { answer: minutes, gte: 30 }
      bands:
        - { min: 2, verdict: Ready }
        - { min: 0, verdict: Not ready }
`,
  'branching.yaml',
);

describe('walkPlaybook', () => {
  it('asks the angry branch, skips the calm step, and records only what was asked', async () => {
    const result = await walkWith(playbook, { state: 'angry', vent: 'ten quiet minutes', agenda: ['ignored'] });
    expect(result.answers).toEqual({ state: 'angry', vent: 'ten quiet minutes', minutes: 30 });
    expect(result.context).toEqual({ customer: 'Acme', title: undefined, date: '2026-11-22' });
    expect(result.missing).toEqual([]);
    expect(result.flags.map((flag) => flag.id)).toEqual(['angry', 'no-note']);
    expect(result.flags[0]?.message).toBe('Acme is angry; plan: ten quiet minutes');
    // 2 of 3 reaches Ready, but the open warn holds it one band down; the unnamed item is described.
    expect(result.scores).toEqual([
      {
        id: 'prepared',
        title: 'Prepared',
        value: 2,
        max: 3,
        verdict: 'Not ready',
        advice: undefined,
        missing: ['not: agenda is answered'],
        held_back: ['Acme is angry; plan: ten quiet minutes'],
      },
    ]);
  });

  it('takes the calm branch, where the vent question is neither asked nor required', async () => {
    const result = await walkWith(playbook, { state: 'calm', agenda: ['intro', 'next steps'], note: 'bring coffee', minutes: '15' });
    expect(result.answers).toEqual({ state: 'calm', note: 'bring coffee', agenda: ['intro', 'next steps'], minutes: 15 });
    expect(result.flags).toEqual([]);
    expect(result.scores[0]).toMatchObject({ value: 1, verdict: 'Not ready' });
  });

  it('lists every missing required answer instead of stopping at the first', async () => {
    const result = await walkWith(playbook, { customer: '', state: 'calm' });
    expect(result.missing).toEqual(['customer', 'agenda']);
  });

  it('numbers the steps this walk takes (the skipped one is not counted), fills guidance and prompts, and shows a flag as soon as its answers are settled', async () => {
    const result = await walkWith(playbook, { state: 'angry', vent: 'listen', note: 'x' });
    const trace = result.events.map((event) =>
      event.type === 'step' ? `step ${event.number}/${event.total} ${event.title}: ${event.guidance ?? ''}` : event.type === 'flag' ? `flag ${event.flag.id}` : event.type === 'answer' ? `answer ${event.id}` : 'last time',
    );
    expect(trace).toEqual([
      'step 0/2 The meeting: ',
      'answer customer',
      'answer title',
      'answer date',
      'step 1/2 Mood: Meeting Acme.',
      'answer state',
      'answer vent',
      'flag angry',
      'answer note',
      'step 2/2 Time: ',
      'answer minutes',
    ]);
  });

  it('says when more steps may follow than the total counts: a step ahead waits on an answer not yet given, so "2 of 2" is never followed by "3 of 3"', async () => {
    const headings = async (answers: Record<string, unknown>): Promise<string[]> =>
      (await walkWith(playbook, answers)).events.flatMap((event) => (event.type === 'step' ? [`${event.number}/${event.total}${event.more ? '+' : ''}`] : []));
    // The calm step waits on `state`, asked in Mood: until then the total may grow.
    expect(await headings({ state: 'calm', agenda: ['pricing'] })).toEqual(['0/2+', '1/2+', '2/3', '3/3']);
    expect(await headings({ state: 'angry', vent: 'listen' })).toEqual(['0/2+', '1/2+', '2/2']);
  });

  it('fills {{prep.id}} from the prep in a debrief', async () => {
    const withDebrief = parsePlaybook(
      `
id: loop
title: Loop
summary: s
source: t
prep:
  steps: [{ id: a, title: A, questions: [{ id: need, type: text, prompt: Need? }] }]
debrief:
  steps:
    - id: b
      title: B
      guidance: You wrote {{prep.need}}.
      questions: [{ id: met, type: confirm, prompt: "Did you give them {{prep.need}}?" }]
  flags:
    - { when: { answer: met, equals: false }, level: warn, message: "Still owed: {{prep.need}}" }
`,
      'loop.yaml',
    );
    const result = await walkWith(withDebrief, { met: 'no' }, { phase: 'debrief', prepAnswers: { need: 'a date' } });
    expect(result.events).toContainEqual({ type: 'step', number: 1, total: 1, title: 'B', guidance: 'You wrote a date.' });
    expect(result.flags[0]?.message).toBe('Still owed: a date');
  });
});
