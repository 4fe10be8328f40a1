/**
 * A draft is an unfinished session as JSON: which playbook (and which version of it), the answers
 * so far, and the questions already asked. It is read back only through `parseDraft`
 * (draft-parse.ts), which treats the file as untrusted; writing one needs no validation, so a
 * session that only writes drafts never loads it.
 */
import { lazyCrypto } from '../files/lazy-crypto.js';
import type { Answers } from '../../core/session/answers.js';
import type { Phase, Playbook } from '../../core/playbook/schema.js';

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

/** Changes whenever the phase's steps, questions, flags or scores change. */
export function playbookFingerprint(playbook: Playbook, phase: Phase): string {
  return lazyCrypto().createHash('sha256').update(JSON.stringify(playbook[phase] ?? null)).digest('hex').slice(0, 16);
}

export function serializeDraft(draft: Draft): string {
  return `${JSON.stringify(draft, null, 2)}\n`;
}
