/**
 * Scores that tell the truth, over every score of every shipped playbook: the bottom band (the
 * verdict that says things are missing or not ready) never shows when most of the score is there,
 * and an answer typed only to get past a question ("x", "tbd") earns no credit.
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../src/core/playbook/parse-playbook.js';
import { emptyAnswers, type Answers } from '../../src/core/session/answers.js';
import { computeScores } from '../../src/core/session/scores.js';
import { repoPath, shippedPlaybook } from '../helpers/playbooks.js';

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
