/**
 * The calendar invitation a prep started from (`coach prep --ics`, `coach upcoming`), kept in its
 * draft. The invitation is read once, when the prep starts, and what it gives that is not an
 * answer (who was invited; the title, date and customer it suggests for questions not asked yet)
 * would otherwise be lost with the process: a resumed prep must write the note an uninterrupted
 * one would have, without the file (it may be gone from Downloads, or the meeting moved since).
 */
import type { AnswerValue } from '../../core/session/answers.js';
import type { SuppliedAnswers } from '../../core/session/supplied-answers.js';
import type { Draft, DraftInvite } from './draft-file.js';

/** What a session is given from an invitation (run-session's `invite`). */
export interface SessionInvite {
  supplied: SuppliedAnswers;
  attendees: readonly string[];
}

export function draftInvite(invite: SessionInvite): DraftInvite {
  const suggested: DraftInvite['suggested'] = Object.create(null) as DraftInvite['suggested'];
  for (const [id, answer] of invite.supplied) {
    if (isAnswerValue(answer.raw)) suggested[id] = { value: answer.raw, origin: answer.origin };
  }
  return { attendees: [...invite.attendees], suggested };
}

/**
 * The invitation as the resumed session is given it. A question the draft has asked already is
 * settled by the person (their answer, or leaving it empty), so its suggestion is not offered again.
 */
export function inviteOfDraft(draft: Draft): SessionInvite | undefined {
  if (!draft.invite) return undefined;
  const asked = new Set(draft.asked);
  const supplied: SuppliedAnswers = new Map();
  for (const [id, { value, origin }] of Object.entries(draft.invite.suggested)) {
    if (!asked.has(id)) supplied.set(id, { raw: value, origin, suggested: true });
  }
  return { supplied, attendees: draft.invite.attendees };
}

function isAnswerValue(raw: unknown): raw is AnswerValue {
  if (Array.isArray(raw)) return raw.every((item) => typeof item === 'string');
  return typeof raw === 'string' || typeof raw === 'boolean' || (typeof raw === 'number' && Number.isFinite(raw));
}
