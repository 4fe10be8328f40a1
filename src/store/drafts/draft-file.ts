/**
 * A draft is an unfinished session as JSON: which playbook (and which version of it), the answers
 * so far, and the questions already asked. It is read back only through `parseDraft`
 * (draft-parse.ts), which treats the file as untrusted; writing one needs no validation, so a
 * session that only writes drafts never loads it.
 */
import { lazyCrypto } from '../files/lazy-crypto.js';
import type { AnswerValue, Answers } from '../../core/session/answers.js';
import type { Phase, Playbook } from '../../core/playbook/schema.js';

/**
 * Still 1: every field added since the first is optional, so a draft of an earlier coach reads as
 * it always did, and a new field is written only when it has something to keep (an older coach,
 * which refuses fields it does not know, still reads every draft that has none).
 */
export const DRAFT_FORMAT = 1;

export interface Draft {
  coach_draft: typeof DRAFT_FORMAT;
  playbook: { id: string; path: string; source: string; fingerprint: string };
  phase: Phase;
  started: string;
  saved: string;
  asked: string[];
  answers: Answers;
  unmapped?: Answers | undefined;
  context?: { customer: string; title?: string | undefined; date: string } | undefined;
  prepAnswers?: Answers | undefined;
  prepId?: string | undefined;
  /** A prep started from a calendar invitation: what it gave that is not an answer (draft-invite.ts). */
  invite?: DraftInvite | undefined;
  /**
   * Written (and on disk) just before the note is saved: where it goes and its `created` stamp.
   * A draft that outlives its note (coach killed between the two) is then known to be done, and
   * `coach resume` removes it instead of saving the meeting twice.
   */
  saving?: SavingNote | undefined;
}

export interface SavingNote {
  /** The note's path as first tried; a taken name makes it `-2`, `-3`, ... */
  note: string;
  created: string;
}

export interface DraftInvite {
  /** For the note, as the invitation named them: `Dana Whitfield <dana@northwind.example>`. */
  attendees: string[];
  /** The title, date and customer it suggested, by question id, with where each came from. */
  suggested: Record<string, { value: AnswerValue; origin: string }>;
}

/** Changes whenever the phase's steps, questions, flags or scores change. */
export function playbookFingerprint(playbook: Playbook, phase: Phase): string {
  return lazyCrypto().createHash('sha256').update(JSON.stringify(playbook[phase] ?? null)).digest('hex').slice(0, 16);
}

export function serializeDraft(draft: Draft): string {
  return `${JSON.stringify(draft, null, 2)}\n`;
}
