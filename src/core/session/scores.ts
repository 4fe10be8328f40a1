/**
 * Readiness and reflection scores: a number from the answers, read against the playbook's bands,
 * and told truthfully: each result names what did not count in the playbook's own words, and a
 * top verdict ("Ready") never stands beside an open watch-out unless the playbook says why.
 */
import type { Answers } from './answers.js';
import { choiceLabel, choiceValue, scaleBounds } from './coerce-answer.js';
import { conditionRefs, evaluateCondition } from './conditions.js';
import { raisedFlags } from './flags.js';
import { withoutPlaceholders } from './placeholder-answer.js';
import { conditionScope } from './prep-scope.js';
import { describeCondition } from '../playbook/describe-condition.js';
import type { Band, Question, Score, Walk } from '../playbook/schema.js';

export interface ScoreResult {
  id: string;
  title: string;
  value: number;
  max: number;
  verdict: string;
  advice?: string | undefined;
  /** What did not count, in the playbook's words and order: "no owner for the fix". */
  missing: string[];
  /** The open watch-outs (the first sentence of each) that keep the verdict below the top band. */
  held_back?: string[] | undefined;
  /** The playbook's reasons why the top verdict stands beside an open watch-out. */
  despite?: string[] | undefined;
}

interface Computed {
  value: number;
  max: number;
  missing: string[];
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

/** Bands from the highest `min` down. */
const sortedBands = (bands: readonly Band[]): Band[] => [...bands].sort((a, b) => b.min - a.min);

function measure(score: Score, questions: ReadonlyMap<string, Question>, answers: Answers): Computed {
  if (score.count) {
    const failed = score.count.filter((item) => !evaluateCondition(item, answers));
    // The question types only word what failed without words of its own; a map of them all, made
    // for every score whether or not one failed, cost a long playbook a pass over its questions.
    const types = failed.some((item) => item.missing === undefined) ? new Map([...questions].map(([id, question]) => [id, question.type] as const)) : undefined;
    return {
      value: score.count.length - failed.length,
      max: score.count.length,
      missing: failed.map(({ missing, ...condition }) => missing ?? `not: ${describeCondition(condition, types)}`),
    };
  }
  if (score.sum) {
    const result: Computed = { value: 0, max: 0, missing: [] };
    for (const id of score.sum) {
      const question = questions.get(id);
      const top = question ? numericTop(question) : 0;
      const value = numericValue(answers[id]);
      result.value += value;
      result.max += top;
      if (value < top) {
        const words = score.missing?.[id] ?? question?.prompt ?? id;
        result.missing.push(question?.type === 'confirm' ? words : `${words} (${value} of ${top})`);
      }
    }
    return result;
  }
  const id = score.selected ?? '';
  const picked = answers[id];
  const chosen = new Set(Array.isArray(picked) ? picked : []);
  const choices = questions.get(id)?.choices ?? [];
  const absent = choices.filter((choice) => !chosen.has(choiceValue(choice)));
  return {
    value: choices.length - absent.length,
    max: choices.length,
    missing: absent.map((choice) => score.missing?.[choiceValue(choice)] ?? choiceLabel(choice)),
  };
}

/** The answer ids a score counts, sums or reads the choices of (not its `when`, read unfiltered). */
function scoreRefs(score: Score): string[] {
  if (score.count) return score.count.flatMap(conditionRefs);
  if (score.sum) return score.sum;
  return score.selected === undefined ? [] : [score.selected];
}

const firstSentence = (text: string): string => text.trim().split(/(?<=[.!?])\s+/)[0] ?? text;

/**
 * The scores whose `when` holds (a score without one always applies). `answers` are the walk's
 * own, with the prep's in a debrief, as flags read them.
 */
export function computeScores(walk: Walk, answers: Answers, prepAnswers?: Answers): ScoreResult[] {
  const scope = conditionScope(answers, prepAnswers);
  // Only the questions the scores read are looked up, so only they are mapped, not every question
  // of a long playbook.
  const refs = new Set(walk.scores.flatMap(scoreRefs));
  const questions = new Map<string, Question>();
  for (const step of walk.steps) {
    const list = step.questions;
    // An index, not for-of, over every question: the iterator made a result object for each.
    for (let index = 0; index < list.length; index++) {
      const question = list[index] as Question;
      if (refs.has(question.id)) questions.set(question.id, question);
    }
  }
  const counted = conditionScope(withoutPlaceholders(answers, questions, refs), prepAnswers);
  const watchOuts = raisedFlags(walk, answers, prepAnswers).filter(({ flag }) => flag.level !== 'tip');
  const holding = watchOuts.filter(({ flag }) => flag.ready_despite === undefined).map(({ fired }) => firstSentence(fired.message));
  const reasons = watchOuts.flatMap(({ flag }) => flag.ready_despite ?? []);

  return walk.scores
    .filter((score) => !score.when || evaluateCondition(score.when, scope))
    .map((score) => {
      const { value, max, missing } = measure(score, questions, counted);
      const [top, ...lower] = sortedBands(score.bands);
      let band = [top, ...lower].find((candidate) => candidate !== undefined && value >= candidate.min);
      const atTop = band !== undefined && band === top;
      // The top verdict waits while a watch-out is open; the one below it says what is left to do.
      const held = score.held ?? lower[0];
      const capped = atTop && holding.length > 0 && held !== undefined;
      if (capped) band = { min: band?.min ?? 0, ...held };
      return {
        id: score.id,
        title: score.title,
        value,
        max,
        verdict: band?.verdict ?? '',
        advice: band?.advice,
        missing,
        ...(capped ? { held_back: holding } : {}),
        ...(atTop && !capped && reasons.length > 0 ? { despite: reasons } : {}),
      };
    });
}

/**
 * The lines under a score, the same in the terminal and the note: what is missing, the open
 * watch-outs that hold it back, and the playbook's reason a top verdict stands beside one.
 */
export function scoreDetails(result: Pick<ScoreResult, 'missing' | 'held_back' | 'despite'>): string[] {
  const lines: string[] = [];
  if (result.missing.length > 0) lines.push(`Missing: ${result.missing.join(', ')}`);
  for (const open of result.held_back ?? []) lines.push(`Held back while this is open: ${open}`);
  for (const reason of result.despite ?? []) lines.push(`Ready despite the watch-out: ${reason}`);
  return lines;
}

/** `██████░░` — a gauge that reads the same in a terminal, a note and a printout. */
export function gauge(result: Pick<ScoreResult, 'value' | 'max'>, width = 8): string {
  const filled = result.max > 0 ? Math.round((Math.max(0, Math.min(result.value, result.max)) / result.max) * width) : 0;
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}
