/**
 * The questions coach asks on its own (meeting context, triage, prep actions) are written as plain
 * data so that a session never loads the schema; the schema must still accept each one unchanged.
 */
import { describe, expect, it } from 'vitest';
import { contextStep } from '../../../src/core/session/context.js';
import { prepActionsStep } from '../../../src/core/session/prep-actions.js';
import { Question } from '../../../src/core/playbook/schema.js';
import { triageStep } from '../../../src/core/session/triage.js';

describe('built-in questions', () => {
  const questions = [...contextStep('2026-11-22').questions, ...triageStep.questions, ...prepActionsStep(['Call back']).questions];
  it.each(questions.map((question) => [question.id, question] as const))('%s is a valid question as written', (_id, question) => {
    expect(Question.parse(question)).toEqual(question);
  });
});
