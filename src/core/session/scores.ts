import type { Answers } from './answers.js';
import { scaleBounds } from './coerce-answer.js';
import { evaluateCondition } from './conditions.js';
import { withoutPlaceholders } from './placeholder-answer.js';
import type { Band, Question, Score, Walk } from '../playbook/schema.js';

export interface ScoreResult {
  id: string;
  title: string;
  value: number;
  max: number;
  verdict: string;
  advice?: string | undefined;
}

function numericTop(question: Question): number {
  if (question.type === 'confirm') return 1;
  if (question.type === 'scale') return scaleBounds(question).max;
  return question.max ?? 0;
}

function numericValue(answer: Answers[string] | undefined): number {
  if (typeof answer === 'number') return answer;
  if (typeof answer === 'boolean') return answer ? 1 : 0;
  return 0;
}

/** The band with the highest `min` the value reaches; validation guarantees one starts at 0. */
function bandFor(bands: readonly Band[], value: number): Band | undefined {
  return [...bands].sort((a, b) => b.min - a.min).find((band) => value >= band.min);
}

function computeScore(score: Score, walk: Walk, answers: Answers): ScoreResult {
  const questions = new Map(walk.steps.flatMap((step) => step.questions).map((q) => [q.id, q]));
  let value = 0;
  let max = 0;
  if (score.count) {
    value = score.count.filter((condition) => evaluateCondition(condition, answers)).length;
    max = score.count.length;
  } else if (score.sum) {
    for (const id of score.sum) {
      const question = questions.get(id);
      value += numericValue(answers[id]);
      max += question ? numericTop(question) : 0;
    }
  } else if (score.selected !== undefined) {
    const picked = answers[score.selected];
    value = Array.isArray(picked) ? picked.length : 0;
    max = questions.get(score.selected)?.choices?.length ?? 0;
  }
  const band = bandFor(score.bands, value);
  return { id: score.id, title: score.title, value, max, verdict: band?.verdict ?? '', advice: band?.advice };
}

/** The scores whose `when` holds (a score without one always applies). */
export function computeScores(walk: Walk, answers: Answers): ScoreResult[] {
  const counted = withoutPlaceholders(answers, walk);
  return walk.scores.filter((score) => !score.when || evaluateCondition(score.when, answers)).map((score) => computeScore(score, walk, counted));
}

/** `██████░░` — a gauge that reads the same in a terminal, a note and a printout. */
export function gauge(result: Pick<ScoreResult, 'value' | 'max'>, width = 8): string {
  const filled = result.max > 0 ? Math.round((Math.max(0, Math.min(result.value, result.max)) / result.max) * width) : 0;
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}
