/**
 * A draft's answers against the playbook as it is now. Answers that still fit a question are
 * supplied (the same seam as --answers, so the scripted prompter replays them); questions that
 * are new, or whose answer no longer fits, are asked; answers to questions the playbook no longer
 * has are never dropped: they go in the note under "Unmapped answers".
 */
import { emptyAnswers, type AnswerValue, type Answers } from '../../core/session/answers.js';
import { coerceAnswer } from '../../core/session/coerce-answer.js';
import type { Question } from '../../core/playbook/schema.js';
import type { SuppliedAnswers } from '../../core/session/supplied-answers.js';
import type { Draft } from './draft-file.js';
import { isContextId } from '../../core/playbook/context-ids.js';

export interface DraftAnswers {
  supplied: SuppliedAnswers;
  /** Optional questions reached and left empty: they stay empty rather than being asked again. */
  skipped: Set<string>;
  unmapped: Answers;
  /** Ids whose question changed so that the old answer no longer fits; asked again. */
  refitted: string[];
}

export function answersFromDraft(draft: Draft, questions: ReadonlyMap<string, Question>, origin: string): DraftAnswers {
  const supplied: SuppliedAnswers = new Map();
  const skipped = new Set<string>();
  const unmapped = emptyAnswers();
  const refitted: string[] = [];
  const given: Answers = Object.assign(emptyAnswers(), draft.unmapped ?? {}, draft.answers);
  const ids = [...new Set([...draft.asked, ...Object.keys(given)])];

  for (const id of ids) {
    // A debrief of a saved prep carries its meeting in the draft's context, not as questions.
    if (draft.context && isContextId(id)) continue;
    const value: AnswerValue | undefined = given[id];
    const question = questions.get(id);
    if (!question) {
      if (value !== undefined) unmapped[id] = value;
      continue;
    }
    if (value === undefined) {
      // Skipped before; skipped again, unless the question has become required.
      if (!question.required) skipped.add(id);
      continue;
    }
    const result = coerceAnswer(question, value, false);
    if (result.ok) {
      supplied.set(id, { raw: value, origin });
    } else {
      unmapped[id] = value;
      refitted.push(id);
    }
  }
  return { supplied, skipped, unmapped, refitted };
}

/**
 * What a resumed session is given: the draft's answers win over an answers file (the draft is
 * what the person typed), and --set and the named options win over both (an explicit correction).
 */
export function withDraftAnswers(fromDraft: SuppliedAnswers | undefined, given: SuppliedAnswers): SuppliedAnswers {
  if (!fromDraft) return given;
  const merged: SuppliedAnswers = new Map(given);
  for (const [id, answer] of fromDraft) {
    if (given.get(id)?.origin.startsWith('--') !== true) merged.set(id, answer);
  }
  return merged;
}

/** The note's section for answers no question took, so nothing typed is ever lost. */
export function unmappedSection(unmapped: Answers): string[] {
  const entries = Object.entries(unmapped);
  if (entries.length === 0) return [];
  const blocks = ['## Unmapped answers', '_Given to questions this version of the playbook no longer asks in this form._'];
  for (const [id, value] of entries) blocks.push(`**${id}**`, renderValue(value));
  return [blocks.join('\n\n')];
}

function renderValue(value: AnswerValue): string {
  if (Array.isArray(value)) return value.length === 0 ? '_None._' : value.map((item) => `- ${item.replace(/[\r\n\u2028\u2029]+/g, ' ')}`).join('\n');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value)
    .split(/\r?\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}
