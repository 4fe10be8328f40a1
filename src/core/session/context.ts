/**
 * The three questions every session asks before the playbook's own: who the meeting is with, what
 * it is about, and when. They name the note and link a debrief to its prep.
 */
import type { Answers } from './answers.js';
import type { Question, Step } from '../playbook/schema.js';

export interface MeetingContext {
  customer: string;
  title?: string | undefined;
  date: string;
}

export function contextStep(today: string): Step {
  return {
    id: 'meeting',
    title: 'The meeting',
    // Plain data, not Question.parse: the schema (and zod) stay unloaded in a session.
    questions: [
      {
        id: 'customer',
        type: 'text',
        prompt: 'Who is the customer?',
        why: 'The person or account this meeting is with; it names the note.',
        required: true,
      },
      {
        id: 'title',
        type: 'text',
        prompt: 'What is the meeting?',
        why: 'A few words you will recognise later in the history.',
        required: false,
      },
      { id: 'date', type: 'date', prompt: 'Date of the meeting', default: today, required: true },
    ] satisfies Question[],
  };
}

export function contextFrom(answers: Answers): MeetingContext {
  const title = answers['title'];
  return {
    customer: String(answers['customer'] ?? ''),
    title: typeof title === 'string' ? title : undefined,
    date: String(answers['date'] ?? ''),
  };
}
