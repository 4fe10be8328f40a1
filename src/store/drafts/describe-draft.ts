/**
 * How a draft is named to a person, the same in the resume picker and in `coach drafts`: who the
 * meeting is with, the playbook and phase, how many answers it keeps and when it was saved. Made
 * safe for the terminal: a draft holds whatever was typed.
 */
import { sanitizeForTerminal as safe } from '../../terminal/sanitize.js';
import type { Draft } from './draft-file.js';
import type { UnreadableDraft } from './drafts.js';

/** The customer as one line, or a placeholder while the question was not answered yet. */
export function draftCustomer(draft: Draft): string {
  const customer = draft.context?.customer ?? draft.answers['customer'];
  return typeof customer === 'string' && customer.trim() !== '' ? safe(customer).replace(/\s+/g, ' ').trim() : '(customer not given yet)';
}

/** `4 answers` */
export const answersKept = (draft: Draft): string => (draft.asked.length === 1 ? '1 answer' : `${draft.asked.length} answers`);

/** `2026-11-22 09:41`, the time of the last save as it is stored (UTC). */
export const savedAt = (draft: Draft): string => draft.saved.replace('T', ' ').slice(0, 16);

/** `Acme - two-questions prep, 4 answers, saved 2026-11-22 09:41` */
export function describeDraft(draft: Draft): string {
  return safe(`${draftCustomer(draft)} - ${draft.playbook.id} ${draft.phase}, ${answersKept(draft)}, saved ${savedAt(draft)}`);
}

export function unreadableMessage(entry: UnreadableDraft): string {
  const where = entry.movedTo ? `moved it to ${entry.movedTo}` : 'left it where it is';
  // File names in .drafts and a broken file's text are data: made safe before they are shown.
  return safe(`${entry.file}: cannot read this draft (${entry.problem}); ${where}`);
}
