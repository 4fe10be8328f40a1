/**
 * Runs a question's checks on the words of its answer: what a human coach does in the room. Pure:
 * the linguistic detectors (src/language/) are handed in as functions, loaded only by a caller
 * whose checks name one, so the phrase checks never wait for a library.
 */
import type { Answers } from '../session/answers.js';
import type { Check, DetectorName, Question, Walk } from '../playbook/schema.js';
import { findPhrases } from './phrases.js';

/** Where a linguistic detector found something in a text. */
export interface DetectorHit {
  text: string;
  start: number;
  end: number;
}

type LinguisticDetector = (text: string) => DetectorHit[];
export type Detectors = Readonly<Partial<Record<DetectorName, LinguisticDetector>>>;

export interface CheckFinding {
  /** The question whose answer raised it. */
  question: string;
  message: string;
  better: string;
  /** The words that raised it, as written; empty for a check on what is missing. */
  found: string[];
}

/** The detectors these checks need, so a caller loads them only then. */
export function detectorsNeeded(checks: readonly Check[]): DetectorName[] {
  return [...new Set(checks.flatMap((check) => (check.detector ? [check.detector] : [])))];
}

/** Every question of a walk that has checks, in order. */
function checkedQuestions(walk: Walk): Question[] {
  return walk.steps.flatMap((step) => step.questions.filter((question) => question.checks !== undefined));
}

export function checkAnswer(question: Pick<Question, 'id' | 'checks'>, text: string, detectors: Detectors): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const check of question.checks ?? []) {
    if (check.unless && findPhrases(text, check.unless).length > 0) continue;
    const found = lookFor(check, text, detectors);
    if (found) findings.push({ question: question.id, message: check.message, better: check.better, found: [...new Set(found)] });
  }
  return findings;
}

/** The words found, or undefined when the check stays quiet. */
function lookFor(check: Check, text: string, detectors: Detectors): string[] | undefined {
  if (check.missing) return findPhrases(text, check.missing).length === 0 ? [] : undefined;
  const hits = check.phrases ? findPhrases(text, check.phrases).map((hit) => hit.text) : [];
  if (check.detector) {
    const detect = detectors[check.detector];
    if (!detect) throw new Error(`the "${check.detector}" detector was not loaded`);
    hits.push(...detect(text).map((hit) => hit.text));
  }
  return hits.length > 0 ? hits : undefined;
}

/** The checks' findings on every answered question of a walk. */
export function checkAnswers(walk: Walk, answers: Readonly<Answers>, detectors: Detectors): CheckFinding[] {
  return checkedQuestions(walk).flatMap((question) => {
    const value = answers[question.id];
    return typeof value === 'string' ? checkAnswer(question, value, detectors) : [];
  });
}

/** The detectors the answered, checked questions of a walk need. */
export function detectorsForAnswers(walk: Walk, answers: Readonly<Answers>): DetectorName[] {
  return [...new Set(checkedQuestions(walk).flatMap((question) => (typeof answers[question.id] === 'string' ? detectorsNeeded(question.checks ?? []) : [])))];
}
