/**
 * A finished session as it is saved: the front matter's data. The Markdown body is rendered from
 * it and the playbook; the history and debrief read it back from the front matter alone.
 */
import type { Answers } from '../session/answers.js';
import type { FiredFlag } from '../session/flags.js';
import type { CarriedActions } from '../session/prep-actions.js';
import type { ScoreResult } from '../session/scores.js';
import type { Phase, Playbook } from '../playbook/schema.js';
import type { WalkResult } from '../session/walk.js';

const NOTE_FORMAT = 1;

export interface NoteData {
  coach: typeof NOTE_FORMAT;
  kind: Phase;
  playbook: string;
  customer: string;
  title?: string | undefined;
  date: string;
  /** Who was invited, when the meeting came from a calendar invitation (`coach prep --ics`). */
  attendees?: string[] | undefined;
  created: string;
  /** In a debrief: the id of the prep it reflects on. */
  prep?: string | undefined;
  answers: Answers;
  /** In a debrief of a prep with actions: which got done, and which are carried as follow-ups. */
  actions?: CarriedActions | undefined;
  flags: FiredFlag[];
  scores: ScoreResult[];
}

export function noteFromWalk(
  playbook: Playbook,
  kind: Phase,
  result: WalkResult,
  // biome-ignore lint/style/noRestrictedGlobals: the moment is given, the core reads no clock
  created: Date,
  prep?: string,
  attendees: readonly string[] = [],
): NoteData {
  return {
    coach: NOTE_FORMAT,
    kind,
    playbook: playbook.id,
    customer: result.context.customer,
    ...(result.context.title !== undefined ? { title: result.context.title } : {}),
    date: result.context.date,
    ...(attendees.length > 0 ? { attendees: [...attendees] } : {}),
    created: created.toISOString(),
    ...(prep !== undefined ? { prep } : {}),
    answers: result.answers,
    flags: result.flags,
    scores: result.scores,
  };
}
