/**
 * Walks of every shipped playbook, sampled over all its branches: fast-check draws the answers
 * (every choice, yes and no, empty lists, placeholder text, skipped optional questions) from a
 * fixed seed, so the same few hundred walks run every time and a property holds on all of them.
 * A debrief is walked against the answers of a sampled prep.
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import type { Answers } from '../../src/core/session/answers.js';
import { choiceValue, scaleBounds } from '../../src/core/session/coerce-answer.js';
import type { Phase, Playbook, Question, Walk } from '../../src/core/playbook/schema.js';
import { repoPath, shippedPlaybook, walkWith, type ScriptedWalk } from '../helpers/playbooks.js';

const SENTENCES = ['Priya re-runs the billing export by Friday 12 December.', 'They lost two days of orders in their busiest week.', 'x'];

const NEXT_STEPS = ['Send the revised plan - Sam - 2026-12-08', 'Call their operations lead - Priya - 2026-12-10'];

function answerFor(question: Question): fc.Arbitrary<unknown> {
  const choices = (question.choices ?? []).map(choiceValue);
  switch (question.type) {
    case 'confirm':
      return fc.boolean();
    case 'select':
      return fc.constantFrom(...choices);
    case 'multi':
      return fc.subarray(choices, { minLength: 1 });
    case 'number':
      return fc.integer({ min: question.min ?? 0, max: question.max ?? 10 });
    case 'scale':
      return fc.integer(scaleBounds(question));
    case 'list': {
      const entries = question.entries === 'next-steps' ? NEXT_STEPS : SENTENCES;
      return fc.array(fc.constantFrom(...entries), { minLength: question.required ? 1 : 0, maxLength: 3 });
    }
    case 'date':
      return fc.constant('2026-12-05');
    default:
      return fc.constantFrom(...SENTENCES);
  }
}

/** Answers to every question of a walk; an optional one is sometimes left out. */
function answersFor(walk: Walk): fc.Arbitrary<Record<string, unknown>> {
  const questions = walk.steps.flatMap((step) => step.questions);
  const entries = questions.map((question) => {
    const answer = answerFor(question);
    return question.required ? answer : fc.option(answer, { nil: undefined });
  });
  return fc.tuple(...entries).map((values) => {
    const answers: Record<string, unknown> = {};
    questions.forEach((question, i) => {
      if (values[i] !== undefined) answers[question.id] = values[i];
    });
    return answers;
  });
}

export interface SampledWalk {
  playbook: Playbook;
  phase: Phase;
  walk: ScriptedWalk;
  /** The questions this walk asked, context ones included, and in a debrief the prep's as `prep.<id>`. */
  reached: Set<string>;
  prepAnswers?: Answers | undefined;
}

const shippedIds = readdirSync(repoPath('playbooks'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.replace(/\.yaml$/, ''));

const asked = (walk: ScriptedWalk): string[] => walk.events.flatMap((event) => (event.type === 'answer' ? [event.id] : []));

/** `runs` sampled walks of each phase of the playbook, the same on every run. */
export async function sampledWalks(playbook: Playbook, runs = 300): Promise<SampledWalk[]> {
  const preps = fc.sample(answersFor(playbook.prep), { numRuns: runs, seed: 20261201 });
  const walks: SampledWalk[] = [];
  for (const answers of preps) {
    const walk = await walkWith(playbook, answers);
    walks.push({ playbook, phase: 'prep', walk, reached: new Set(asked(walk)) });
  }
  if (playbook.debrief) {
    const debriefs = fc.sample(answersFor(playbook.debrief), { numRuns: runs, seed: 20261202 });
    for (const [i, answers] of debriefs.entries()) {
      const prepAnswers = walks[i]?.walk.answers ?? {};
      const walk = await walkWith(playbook, answers, { phase: 'debrief', prepAnswers });
      const reached = new Set([...asked(walk), ...Object.keys(prepAnswers).map((id) => `prep.${id}`)]);
      walks.push({ playbook, phase: 'debrief', walk, reached, prepAnswers });
    }
  }
  return walks;
}

export const shippedPlaybooks = (): Playbook[] => shippedIds.map(shippedPlaybook);
