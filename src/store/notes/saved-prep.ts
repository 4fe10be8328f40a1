/**
 * What a debrief takes from its saved prep: the meeting, the answers (for `{{prep.id}}`) and the
 * actions of the flags it raised. The prep may have been edited by hand, so values of the wrong
 * shape are left out rather than trusted.
 */
import { emptyAnswers, type AnswerValue, type Answers } from '../../core/session/answers.js';
import type { MeetingContext } from '../../core/session/context.js';
import { actionsAfterMeeting, prepActions } from '../../core/session/prep-actions.js';
import type { SavedNoteData } from './find-session.js';

export interface SavedPrep {
  id: string;
  path: string;
  playbook: string;
  context: MeetingContext;
  /** The prep's answers and its context (`{{prep.customer}}` works too). */
  answers: Answers;
  /** Every action the prep raised, for the meeting card. */
  actions: string[];
  /** The actions that still matter after the meeting: what its debrief asks about and carries as follow-ups. */
  carried: string[];
}

export function savedPrep(note: SavedNoteData): SavedPrep {
  const { header, data } = note;
  const context: MeetingContext = { customer: header.customer, title: header.title, date: header.date };
  const answers = emptyAnswers();
  for (const [id, value] of Object.entries(context)) if (typeof value === 'string') answers[id] = value;
  for (const [id, value] of Object.entries(asRecord(data['answers']))) {
    const usable = answerValue(value);
    if (usable !== undefined) answers[id] = usable;
  }
  const flags = Array.isArray(data['flags']) ? data['flags'] : [];
  const recorded = flags.map((flag) => ({ actions: stringsOf(asRecord(flag)['actions']), before_meeting: asRecord(flag)['before_meeting'] === true ? (true as const) : undefined }));
  return { id: note.id, path: note.path, playbook: header.playbook, context, answers, actions: prepActions(recorded), carried: actionsAfterMeeting(recorded) };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function answerValue(value: unknown): AnswerValue | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return stringsOf(value);
  return undefined;
}

function stringsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean' ? [String(item)] : []));
}
