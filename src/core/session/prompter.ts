/**
 * The seam between the walk and whoever answers: a person at a terminal (prompters/inquirer.ts)
 * or an answers object (prompters/scripted.ts). The walk never knows which.
 */
import type { AnswerValue } from './answers.js';
import type { Question } from '../playbook/schema.js';

export interface AskRequest {
  /** The question with `{{id}}` already filled into its prompt and why. */
  question: Question;
  /** Where the walk is, for headers and for messages about missing answers. */
  step: { id: string; title: string; number: number; total: number; guidance?: string | undefined };
  /** The answer being changed in a review: the prompt opens with it, to be edited, not retyped. */
  previous?: AnswerValue | undefined;
  /**
   * The answer to this `carry` question in the customer's last prep: a person is offered it as
   * the default; answers given in advance are never filled from it.
   */
  carried?: AnswerValue | undefined;
}

export interface Prompter {
  /**
   * The checked answer, or undefined when an optional question is left empty. A prompter that
   * has the answer at hand (answers given in advance) returns it as it is, not in a promise: a
   * walk of 2,000 supplied answers then goes on at once, not after a pause per question.
   */
  ask(request: AskRequest): AnswerValue | undefined | Promise<AnswerValue | undefined>;
}
