/**
 * An answer as the person saw it when they gave it: a choice by its label, a yes or no as the
 * prompt showed it ("Yes"), a list on one line. Files keep the ids; what coach shows people (the
 * review, a resumed session, the card) shows this. Inside a sentence ("{{id}}" in a prompt) an
 * answer reads as formatAnswer gives it instead.
 */
import { formatAnswer, type AnswerValue } from './answers.js';
import { labelOfValue } from './coerce-answer.js';
import type { Question } from '../playbook/schema.js';

export function shownAnswer(question: Question, value: AnswerValue | undefined): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (question.type === 'select' && typeof value === 'string') return labelOfValue(question, value);
  if (question.type === 'multi' && Array.isArray(value)) return formatAnswer(value.map((choice) => labelOfValue(question, choice)));
  return formatAnswer(value);
}
