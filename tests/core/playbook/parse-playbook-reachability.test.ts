/**
 * Steps never shown, questions never asked, flags that never fire: found when a playbook loads,
 * and never reported for a condition that some answers can satisfy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../../src/core/playbook/parse-playbook.js';
import type { Condition } from '../../../src/core/playbook/schema.js';
import { PlaybookError } from '../../../src/errors.js';
import { walkWith } from '../../helpers/playbooks.js';

const QUESTIONS = [
  { id: 'mood', type: 'select', prompt: 'Mood?', choices: ['calm', 'upset', 'angry'] },
  { id: 'ready', type: 'confirm', prompt: 'Ready?' },
  { id: 'seats', type: 'number', prompt: 'Seats?', min: 0, max: 50 },
  { id: 'rating', type: 'scale', prompt: 'Rating?' },
  { id: 'topics', type: 'multi', prompt: 'Topics?', choices: ['price', 'dates', 'scope'], required: false },
  { id: 'risks', type: 'list', prompt: 'Risks?', required: false },
  { id: 'notes', type: 'text', prompt: 'Notes?', required: false },
  { id: 'plan', type: 'text', prompt: 'Plan for the upset?', when: { answer: 'mood', in: ['upset', 'angry'] } },
  { id: 'budget', type: 'number', prompt: 'Budget?', when: { answer: 'plan', answered: true } },
];

function playbookText(flags: Condition[], extraSteps: unknown[] = []): string {
  const playbook = {
    id: 'probe',
    title: 'Probe',
    summary: 'A playbook to probe conditions.',
    source: 'tests',
    prep: {
      steps: [{ id: 'all', title: 'All', questions: QUESTIONS }, ...extraSteps],
      flags: flags.map((when, i) => ({ id: `f${i}`, when, level: 'tip', message: `flag ${i}` })),
    },
  };
  // JSON is YAML, so the real parser reads it.
  return JSON.stringify(playbook);
}

function problems(flags: Condition[], extraSteps: unknown[] = []): string[] {
  try {
    parsePlaybook(playbookText(flags, extraSteps), 'probe.yaml');
    return [];
  } catch (error) {
    if (error instanceof PlaybookError) return error.issues.map((issue) => issue.message);
    throw error;
  }
}

const possible: [string, Condition][] = [
  ['two texts contained together', { all: [{ answer: 'notes', includes: 'a' }, { answer: 'notes', includes: 'b' }, { not: { answer: 'notes', includes: 'a b' } }] }],
  ['a text equal to what it contains', { all: [{ answer: 'notes', equals: 'deal' }, { answer: 'notes', includes: 'EA' }] }],
  ['a list with an entry and three in all', { all: [{ answer: 'risks', includes: 'legal' }, { answer: 'risks', gte: 3 }] }],
  ['a number between close bounds', { all: [{ answer: 'seats', gte: 1.5 }, { answer: 'seats', lte: 1.6 }] }],
  ['a number at its top', { answer: 'seats', equals: 50 }],
  ['two topics of three', { answer: 'topics', gte: 2 }],
  ['an optional question left blank', { answer: 'notes', answered: false }],
  ['a conditional question not asked', { all: [{ answer: 'plan', answered: false }, { answer: 'mood', equals: 'calm' }] }],
  ['a chain of conditional questions answered', { all: [{ answer: 'budget', gte: 10 }, { answer: 'mood', equals: 'angry' }] }],
  ['an optional meeting title left out', { answer: 'title', answered: false }],
  ['a meeting on a given date', { answer: 'date', equals: '2026-11-22' }],
  ['not every mood', { not: { answer: 'mood', in: ['calm', 'upset'] } }],
];

const impossible: [string, Condition, string][] = [
  ['a confirm both yes and not yes', { all: [{ answer: 'ready', equals: true }, { not: { answer: 'ready', equals: true } }] }, '"ready is yes" and "not (ready is yes)" cannot both hold'],
  ['a number above its maximum', { answer: 'seats', gte: 51 }, '"seats is at least 51" can never hold ("seats" is from 0 to 50)'],
  ['an empty range', { all: [{ answer: 'seats', gte: 5 }, { answer: 'seats', lte: 4 }] }, '"seats is at least 5" and "seats is at most 4" cannot both hold ("seats" is from 0 to 50)'],
  ['a scale past its default top', { answer: 'rating', gte: 6 }, '"rating is at least 6" can never hold ("rating" is from 1 to 5)'],
  ['more topics than choices', { answer: 'topics', gte: 4 }, '"topics has at least 4 entries" can never hold'],
  ['two entries in a list of at most one', { all: [{ answer: 'risks', includes: 'a' }, { answer: 'risks', includes: 'b' }, { answer: 'risks', lte: 1 }] }, '"risks includes a and risks includes b and risks has at most 1 entry" can never hold'],
  ['every mood excluded', { not: { answer: 'mood', in: ['calm', 'upset', 'angry'] } }, '"not (mood is calm, upset or angry)" can never hold'],
  ['a chain back to a mood it excludes', { all: [{ answer: 'budget', answered: true }, { answer: 'mood', equals: 'calm' }] }, '"budget is answered" and "mood is calm" cannot both hold ("budget" is only asked when plan is answered)'],
  ['a required conditional question left blank when asked', { all: [{ answer: 'plan', answered: false }, { answer: 'mood', equals: 'upset' }] }, '"plan is not answered" and "mood is upset" cannot both hold ("plan" is only asked when mood is upset or angry)'],
  ['the customer not named', { answer: 'customer', answered: false }, '"customer is not answered" can never hold ("customer" is required and always asked)'],
  ['a multi that equals a choice (a multi answer is a list)', { answer: 'topics', equals: 'price' }, '"topics is price" can never hold'],
];

describe('conditions some answers can satisfy are accepted', () => {
  it.each(possible)('%s', (_name, when) => {
    expect(problems([when])).toEqual([]);
  });
});

describe('conditions no answers can satisfy are reported', () => {
  it.each(impossible)('%s', (_name, when, reason) => {
    expect(problems([when])).toEqual([`prep.flags[0].when: ${reason}, so this flag can never fire`]);
  });

  it('reports a step that cannot be shown, and not the questions inside it', () => {
    const step = { id: 'never', title: 'Never', when: { answer: 'seats', lte: -1 }, questions: [{ id: 'inside', type: 'text', prompt: 'Inside?', when: { answer: 'seats', gte: 99 } }] };
    expect(problems([], [step])).toEqual(['prep.steps[1].when: "seats is at most -1" can never hold ("seats" is from 0 to 50), so this step is never shown']);
  });

  it('reports a question whose condition its step rules out', () => {
    const step = { id: 'upset', title: 'Upset', when: { answer: 'mood', equals: 'upset' }, questions: [{ id: 'calm_too', type: 'text', prompt: 'Calm?', when: { answer: 'mood', equals: 'calm' } }] };
    expect(problems([], [step])).toEqual([
      'prep.steps[1].questions[0].when: "mood is upset" and "mood is calm" cannot both hold, so this question is never asked',
    ]);
  });

  /** Steps each shown only when the one before was answered, ending in a condition that cannot hold. */
  function chain(length: number): unknown[] {
    const steps: unknown[] = Array.from({ length }, (_, i) => ({
      id: `c${i}`,
      title: `Chain ${i}`,
      questions: [{ id: `c${i}`, type: 'number', prompt: `C${i}?`, min: 0, max: 9, ...(i > 0 ? { when: { answer: `c${i - 1}`, answered: true } } : {}) }],
    }));
    steps.push({ id: 'end', title: 'End', questions: [{ id: 'end', type: 'text', prompt: 'End?', when: { answer: `c${length - 1}`, gte: 10 } }] });
    return steps;
  }

  it('follows a chain of conditional steps to find a question never asked', () => {
    expect(problems([], chain(5))).toEqual([
      'prep.steps[6].questions[0].when: "c4 is at least 10" can never hold ("c4" is only asked when c3 is answered; "c4" is from 0 to 9), so this question is never asked',
    ]);
  });

  it('gives up quietly on a chain too long to search, rather than taking the square of its length', () => {
    expect(problems([], chain(400))).toEqual([]);
  });
});

/** Conditions over the probe questions, as a playbook author might write them. */
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ answer: fc.constant('mood'), equals: fc.constantFrom('calm', 'upset', 'angry') }),
  fc.record({ answer: fc.constant('mood'), in: fc.subarray(['calm', 'upset', 'angry'], { minLength: 1 }) }),
  fc.record({ answer: fc.constant('ready'), equals: fc.boolean() }),
  fc.record({ answer: fc.constant('seats'), gte: fc.integer({ min: -2, max: 52 }) }),
  fc.record({ answer: fc.constant('seats'), lte: fc.integer({ min: -2, max: 52 }) }),
  fc.record({ answer: fc.constant('rating'), equals: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ answer: fc.constant('topics'), includes: fc.constantFrom('price', 'dates', 'scope') }),
  fc.record({ answer: fc.constant('topics'), gte: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ answer: fc.constant('risks'), includes: fc.constantFrom('legal', 'budget') }),
  fc.record({ answer: fc.constant('risks'), lte: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ answer: fc.constant('risks'), gte: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ answer: fc.constant('notes'), includes: fc.constantFrom('price', 'ice', 'PRICE list') }),
  fc.record({ answer: fc.constant('notes'), equals: fc.constantFrom('price', 'ok') }),
  fc.record({ answer: fc.constantFrom('notes', 'plan', 'budget', 'topics', 'risks', 'title'), answered: fc.boolean() }),
  fc.record({ answer: fc.constant('budget'), gte: fc.integer({ min: 0, max: 100 }) }),
);
const condition: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node;

/** Answers a person could give; questions whose condition fails are skipped by the walk itself. */
const answers = fc.record({
  mood: fc.constantFrom('calm', 'upset', 'angry'),
  ready: fc.boolean(),
  seats: fc.integer({ min: 0, max: 50 }),
  rating: fc.integer({ min: 1, max: 5 }),
  topics: fc.subarray(['price', 'dates', 'scope']),
  risks: fc.subarray(['legal', 'budget', 'people', 'time']),
  notes: fc.constantFrom('', 'price', 'the Price List', 'ok', 'nice'),
  plan: fc.constant('listen first'),
  budget: fc.integer({ min: 0, max: 100 }),
  title: fc.constantFrom('', 'Renewal'),
});

describe('the check never invents a problem', () => {
  it('a flag that fires on some answers is never reported as unable to fire', async () => {
    await fc.assert(
      fc.asyncProperty(condition, answers, async (when, given) => {
        const reported = problems([when]).length > 0;
        if (!reported) return;
        // Reported impossible: then these answers must not make it fire.
        const playbook = parsePlaybook(playbookText([]), 'probe.yaml');
        playbook.prep.flags = [{ id: 'f0', when, level: 'tip', message: 'flag', actions: [] }];
        const walk = await walkWith(playbook, given);
        expect(walk.flags).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
