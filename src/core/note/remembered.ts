/**
 * What a note's answers are to the account, by the playbook's `remember` marks: how the meeting
 * came out, what was agreed, the lessons and how they felt, each as lines a person reads (choice
 * labels, list entries, Yes/No); and a prep's answers marked `carry`, to offer at the next prep.
 */
import { choiceLabel, choiceValue } from '../session/coerce-answer.js';
import { emptyAnswers, type AnswerValue, type Answers } from '../session/answers.js';
import type { Phase, Playbook, Question, Remembered } from '../playbook/schema.js';
import { oneLine } from '../text/text-lines.js';

export type RememberedLines = Record<Remembered, string[]>;

export const noneRemembered = (): RememberedLines => ({ outcome: [], agreed: [], lesson: [], feeling: [] });

/** Each playbook's questions per phase, gathered once: an account reads a thousand notes of a few playbooks. */
const gathered = new WeakMap<Playbook, Partial<Record<Phase, Question[]>>>();

function questionsOf(playbook: Playbook, phase: Phase): Question[] {
  let phases = gathered.get(playbook);
  if (phases === undefined) {
    phases = {};
    gathered.set(playbook, phases);
  }
  let questions = phases[phase];
  if (questions === undefined) {
    questions = (playbook[phase]?.steps ?? []).flatMap((step) => step.questions);
    phases[phase] = questions;
  }
  return questions;
}

export function rememberedLines(playbook: Playbook, phase: Phase, answers: Readonly<Record<string, unknown>>): RememberedLines {
  const lines = noneRemembered();
  for (const question of questionsOf(playbook, phase)) {
    if (question.remember === undefined) continue;
    const found = answerLines(question, answers[question.id]);
    // "Yes" or "Strained" says little on its own; free text and lists say it themselves.
    const framed = question.type === 'text' || question.type === 'long' || question.type === 'list' ? found : found.map((line) => `${oneLine(question.prompt)} ${line}`);
    lines[question.remember].push(...framed);
  }
  return lines;
}

/** The prep's answers to its `carry` questions, by id. */
export function carriedAnswers(playbook: Playbook, answers: Readonly<Record<string, unknown>>): Answers {
  const carried = emptyAnswers();
  for (const question of questionsOf(playbook, 'prep')) {
    const value = answers[question.id];
    if (question.carry && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) carried[question.id] = value as AnswerValue;
  }
  return carried;
}

function answerLines(question: Question, value: unknown): string[] {
  const label = (text: string): string => {
    const choice = question.choices?.find((candidate) => choiceValue(candidate) === text);
    return choice ? choiceLabel(choice) : text;
  };
  if (typeof value === 'boolean') return [value ? 'Yes' : 'No'];
  if (typeof value === 'number') return [String(value)];
  if (typeof value === 'string') return value.trim() === '' ? [] : [label(value)];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map(label);
  return [];
}
