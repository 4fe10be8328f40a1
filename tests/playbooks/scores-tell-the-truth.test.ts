/**
 * Scores that tell the truth, over every score of every shipped playbook: the bottom band (the
 * verdict that says things are missing or not ready) never shows when most of the score is there,
 * an answer typed only to get past a question ("x", "tbd") earns no credit, each score names what
 * is missing, a score the branch makes meaningless is not shown, and a top verdict never stands
 * beside an open watch-out unless the playbook says why.
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../src/core/playbook/parse-playbook.js';
import { emptyAnswers, type Answers } from '../../src/core/session/answers.js';
import { computeScores } from '../../src/core/session/scores.js';
import { choiceValue } from '../../src/core/session/coerce-answer.js';
import { conditionRefs } from '../../src/core/session/conditions.js';
import { repoPath, shippedPlaybook } from '../helpers/playbooks.js';
import { sampledWalks, shippedPlaybooks, type SampledWalk } from './sampled-walks.js';

const ids = readdirSync(repoPath('playbooks'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.replace(/\.yaml$/, ''));

const everyScore = ids.flatMap((id) => {
  const playbook = shippedPlaybook(id);
  return (['prep', 'debrief'] as const).flatMap((phase) => {
    const walk = playbook[phase];
    if (!walk) return [];
    // Each score's top, read without its `when`, from the core's own arithmetic.
    const tops = computeScores({ ...walk, scores: walk.scores.map(({ when: _when, ...score }) => score) }, emptyAnswers());
    return walk.scores.map((score, i) => ({ name: `${id} ${phase} ${score.title}`, score, max: tops[i]?.max ?? 0 }));
  });
});

const bandAt = (bands: readonly { min: number; verdict: string }[], value: number) => [...bands].sort((a, b) => b.min - a.min).find((band) => value >= band.min);

describe('scores that tell the truth', () => {
  it('covers the scores of every shipped playbook', () => {
    expect(everyScore.length).toBeGreaterThanOrEqual(10);
  });

  it.each(everyScore.map((entry) => [entry.name, entry] as const))('%s: the bottom verdict never shows when most is there', (_name, { score, max }) => {
    const bottom = bandAt(score.bands, Number.NEGATIVE_INFINITY) ?? [...score.bands].sort((a, b) => a.min - b.min)[0];
    fc.assert(
      fc.property(fc.integer({ min: 0, max }), (value) => {
        if (value * 2 > max) expect(bandAt(score.bands, value)?.verdict, `${value}/${max}`).not.toBe(bottom?.verdict);
      }),
      { numRuns: Math.max(20, max * 4) },
    );
  });

  it('gives a one-character or placeholder answer no credit, and a real one full credit', () => {
    const playbook = parsePlaybook(
      `id: probe
title: Probe
summary: A probe.
source: tests
prep:
  steps:
    - id: s
      title: S
      questions:
        - { id: plan, type: long, prompt: The plan? }
        - { id: steps, type: list, prompt: The steps? }
        - { id: kind, type: select, prompt: Kind?, choices: [x, y] }
  scores:
    - id: ready
      title: Ready
      count:
        - { answer: plan, answered: true }
        - { answer: steps, gte: 2 }
        - { answer: kind, equals: x }
      bands:
        - { min: 3, verdict: Ready }
        - { min: 0, verdict: Not ready }
`,
      'probe.yaml',
    );
    const score = (plan: string, steps: string[]) => computeScores(playbook.prep, { plan, steps, kind: 'x' } as Answers)[0];
    expect(score('Priya re-runs the billing by Friday.', ['re-run billing', 'call on Monday'])).toMatchObject({ value: 3, verdict: 'Ready' });
    for (const placeholder of ['x', 'tbd', '?', '...', '-', ' n/a ']) {
      expect(score(placeholder, ['re-run billing', 'call on Monday'])?.value, placeholder).toBe(2);
      expect(score('Priya re-runs the billing by Friday.', ['re-run billing', placeholder])?.value, placeholder).toBe(2);
    }
    // A short real answer is an answer; a choice is never a placeholder.
    expect(score('No fix needed', ['none', 'ok'])?.value).toBe(3);
  });
});

/**
 * The same truths on the walks people take: a few hundred sampled walks of every shipped
 * playbook, over all its branches (the first test proves the sample takes each both ways).
 */
describe('scores that tell the truth on every branch', async () => {
  const walks = (await Promise.all(shippedPlaybooks().map((playbook) => sampledWalks(playbook)))).flat();
  const scoreOf = (sample: SampledWalk, id: string) => sample.playbook[sample.phase]?.scores.find((score) => score.id === id);
  const CONTEXT = ['customer', 'title', 'date'];

  it('samples every conditional step and question of every playbook both ways', () => {
    const gaps: string[] = [];
    for (const playbook of shippedPlaybooks()) {
      for (const phase of ['prep', 'debrief'] as const) {
        const mine = walks.filter((sample) => sample.playbook.id === playbook.id && sample.phase === phase);
        for (const step of playbook[phase]?.steps ?? []) {
          for (const item of [step, ...step.questions]) {
            if (!item.when) continue;
            const ids = 'questions' in item ? item.questions.map((q) => q.id) : [item.id];
            const taken = mine.map((sample) => ids.some((id) => sample.reached.has(id)));
            if (!taken.includes(true) || !taken.includes(false)) gaps.push(`${playbook.id} ${phase} ${'questions' in item ? 'step' : 'question'} ${item.id}`);
          }
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  it('numbers the steps 1..N on every sampled walk, the last one "N of N"', () => {
    for (const sample of walks) {
      const steps = sample.walk.events.flatMap((event) => (event.type === 'step' && event.number > 0 ? [event] : []));
      const where = `${sample.playbook.id} ${sample.phase}: ${steps.map((step) => `${step.number}/${step.total}`).join(' ')}`;
      expect(steps.map((step) => step.number), where).toEqual(steps.map((_, index) => index + 1));
      expect(steps.at(-1)?.total, where).toBe(steps.length);
    }
  });

  it('shows no score that reads a part of the playbook the walk did not reach', () => {
    const meaningless = new Set<string>();
    for (const sample of walks) {
      for (const result of sample.walk.scores) {
        const score = scoreOf(sample, result.id);
        const parts = score?.count ? score.count.map(conditionRefs) : [...(score?.sum ?? []), ...(score?.selected ? [score.selected] : [])].map((id) => [id]);
        for (const refs of parts) {
          if (!refs.some((id) => sample.reached.has(id) || CONTEXT.includes(id))) meaningless.add(`${sample.playbook.id} ${sample.phase} ${result.id}: ${refs.join(', ')}`);
        }
      }
    }
    expect([...meaningless]).toEqual([]);
  });

  it('names what is missing, in the playbook\'s words, exactly when something is', () => {
    for (const sample of walks) {
      for (const result of sample.walk.scores) {
        const score = scoreOf(sample, result.id);
        const where = `${sample.playbook.id} ${sample.phase} ${result.id} ${result.value}/${result.max}`;
        if (score?.sum) expect(result.missing.length === 0, where).toBe(result.value === result.max);
        else expect(result.missing, where).toHaveLength(result.max - result.value);
        for (const words of result.missing) expect(words, where).not.toMatch(/^not: /);
      }
    }
  });

  it('never shows a top verdict beside an open watch-out unless the playbook says why', () => {
    let capped = 0;
    let despite = 0;
    for (const sample of walks) {
      const walk = sample.playbook[sample.phase];
      const open = sample.walk.flags.filter((flag) => flag.level !== 'tip');
      const reasons = new Map((walk?.flags ?? []).flatMap((flag) => (flag.id && flag.ready_despite ? [[flag.id, flag.ready_despite] as const] : [])));
      const unexplained = open.filter((flag) => !reasons.has(flag.id ?? ''));
      for (const result of sample.walk.scores) {
        const score = scoreOf(sample, result.id);
        const where = `${sample.playbook.id} ${sample.phase} ${result.id} ${result.value}/${result.max} with ${open.map((flag) => flag.id).join(', ')}`;
        const bands = [...(score?.bands ?? [])].sort((a, b) => b.min - a.min);
        const earned = bandAt(bands, result.value);
        if (earned !== bands[0]) {
          // Below the top, the verdict is the band the number earns.
          expect(result.verdict, where).toBe(earned?.verdict);
          continue;
        }
        if (unexplained.length > 0) {
          capped += 1;
          expect(result.verdict, where).not.toBe(bands[0]?.verdict);
          expect(result.verdict, where).toBe(score?.held?.verdict ?? bands[1]?.verdict);
          expect(result.held_back, where).toEqual(unexplained.map((flag) => flag.message.split(/(?<=[.!?])\s+/)[0]));
          // Held back from the top, a full score never reads as "most is missing".
          expect(result.verdict, where).not.toBe(bands.at(-1)?.verdict);
        } else {
          expect(result.verdict, where).toBe(bands[0]?.verdict);
          const why = open.map((flag) => reasons.get(flag.id ?? ''));
          if (why.length > 0) despite += 1;
          expect(result.despite ?? [], where).toEqual(why);
        }
      }
    }
    // The sample meets both cases, so neither half of the rule is vouched for by silence.
    expect(capped).toBeGreaterThan(0);
    expect(despite).toBeGreaterThan(0);
  });

  it('gives every scored item of every shipped playbook its own words for what is missing', () => {
    const unnamed: string[] = [];
    for (const playbook of shippedPlaybooks()) {
      for (const phase of ['prep', 'debrief'] as const) {
        const walk = playbook[phase];
        for (const score of walk?.scores ?? []) {
          for (const [i, item] of (score.count ?? []).entries()) if (!item.missing) unnamed.push(`${playbook.id} ${score.id} count[${i}]`);
          const question = walk?.steps.flatMap((step) => step.questions).find((q) => q.id === score.selected);
          const parts = score.sum ?? (question?.choices ?? []).map(choiceValue);
          for (const part of parts) if (!score.missing?.[part]) unnamed.push(`${playbook.id} ${score.id} ${part}`);
        }
      }
    }
    expect(unnamed).toEqual([]);
  });

  it('never tells a customer-is-wrong debrief with the relationship intact to repair it', () => {
    const intact = walks.filter((sample) => sample.playbook.id === 'customer-is-wrong' && sample.phase === 'debrief' && ['stronger', 'same'].includes(String(sample.walk.answers['relationship_after'])));
    expect(intact.some((sample) => sample.walk.scores.some((score) => score.verdict === 'Handled badly'))).toBe(true);
    for (const sample of intact) {
      for (const score of sample.walk.scores) expect(`${score.verdict}: ${score.advice ?? ''}`).not.toMatch(/repair the relationship/i);
    }
  });
});
