/**
 * A next step as a person writes it on one line, `what - who - by when` ("Send the revised quote
 * - Sam - next friday"): what is to be done, who owns it and when it is due. The due date may be
 * said as people say it; it is read to YYYY-MM-DD before the answer is checked (supplied-dates.ts,
 * the prompter), so a recorded step always carries a calendar date.
 */
import type { Phase, Playbook } from '../playbook/schema.js';
import { oneLine } from '../text/text-lines.js';
import type { Answers } from './answers.js';
import { calendarDateProblem, isIsoDateShape } from './calendar-date.js';

export interface NextStep {
  what: string;
  owner: string;
  due: string;
}

/** The separator: a dash with a space each side (hyphenated words such as on-site stay whole). */
const SEPARATOR = /\s+[-–—]\s+/;

export const NEXT_STEP_FORMAT = 'what - who - by when, e.g. "Send the revised quote - Sam - next friday"';

/** The entry's parts, or undefined when it has fewer than three. */
export function splitNextStep(entry: string): NextStep | undefined {
  const parts = entry.trim().split(SEPARATOR);
  if (parts.length < 3) return undefined;
  const due = parts.pop()?.trim() ?? '';
  const owner = parts.pop()?.trim() ?? '';
  const what = parts.join(' - ').trim();
  return what === '' || owner === '' || due === '' ? undefined : { what, owner, due };
}

export const joinNextStep = (step: NextStep): string => `${step.what} - ${step.owner} - ${step.due}`;

/** Why a recorded entry is not a next step with a calendar due date, or undefined when it is one. */
export function nextStepProblem(entry: string): string | undefined {
  const step = splitNextStep(entry);
  if (!step) return `${JSON.stringify(entry)} must be written as ${NEXT_STEP_FORMAT}`;
  if (!isIsoDateShape(step.due)) return `${JSON.stringify(entry)}: the due date ${JSON.stringify(step.due)} must be a date`;
  const problem = calendarDateProblem(step.due);
  return problem === undefined ? undefined : `${JSON.stringify(entry)}: the due date ${step.due} is not a date: ${problem}`;
}

/**
 * A debrief's next steps (the answers to its `entries: next-steps` questions) as a section of
 * follow-ups: one `- [ ]` per step, with its owner and due date. A prep has none.
 */
export function nextStepsSection(playbook: Playbook, phase: Phase, answers: Answers): string[] {
  if (phase !== 'debrief') return [];
  const questions = (playbook.debrief?.steps ?? []).flatMap((step) => step.questions).filter((question) => question.entries === 'next-steps');
  const steps = questions.flatMap((question) => {
    const answer = answers[question.id];
    return Array.isArray(answer) ? answer.flatMap((entry) => splitNextStep(entry) ?? []) : [];
  });
  if (steps.length === 0) return [];
  return ['## Next steps', steps.map((step) => `- [ ] ${oneLine(step.what)} (owner: ${oneLine(step.owner)}; due ${step.due})`).join('\n')];
}
