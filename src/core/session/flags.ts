import type { Answers } from './answers.js';
import { evaluateCondition } from './conditions.js';
import { interpolate, templateRefs } from './interpolate.js';
import { conditionScope } from './prep-scope.js';
import type { Action, Flag, Walk } from '../playbook/schema.js';

/** A flag whose condition held, with its message and actions filled in from the answers. */
export interface FiredFlag {
  id?: string | undefined;
  level: Flag['level'];
  message: string;
  actions: string[];
  /** Recorded in a prep's note: its actions belong before the meeting and never become follow-ups. */
  before_meeting?: true | undefined;
}

/** The template of an action, whether it is one line or one line per entry. */
export const actionText = (action: Action): string => (typeof action === 'string' ? action : action.text);

/** The answers an action reads: those in its text, and the list it makes one line per entry of. */
export const actionRefs = (action: Action): string[] =>
  typeof action === 'string' ? templateRefs(action) : [...templateRefs(action.text), action.per_entry];

/** An action as checklist lines: one, or one per entry of its list answer (none when the list is empty). */
function fillAction(action: Action, answers: Answers, prepAnswers?: Answers): string[] {
  if (typeof action === 'string') return [interpolate(action, answers, prepAnswers)];
  const entries = answers[action.per_entry];
  const list = Array.isArray(entries) ? entries : entries === undefined ? [] : [String(entries)];
  return list.map((entry) => interpolate(action.text, { ...answers, [action.per_entry]: entry }, prepAnswers));
}

export function fireFlag(flag: Flag, answers: Answers, prepAnswers?: Answers): FiredFlag {
  return {
    ...(flag.id ? { id: flag.id } : {}),
    level: flag.level,
    message: interpolate(flag.message, answers, prepAnswers),
    actions: flag.actions.flatMap((action) => fillAction(action, answers, prepAnswers)),
    ...(flag.before_meeting === true ? { before_meeting: true as const } : {}),
  };
}

/** The flags a finished set of answers raises, each with the playbook's flag it came from, in order. */
export function raisedFlags(walk: Walk, answers: Answers, prepAnswers?: Answers): { flag: Flag; fired: FiredFlag }[] {
  const scope = conditionScope(answers, prepAnswers);
  return walk.flags.filter((flag) => evaluateCondition(flag.when, scope)).map((flag) => ({ flag, fired: fireFlag(flag, answers, prepAnswers) }));
}

/** The flags a finished set of answers raises, in the playbook's order. */
export function computeFlags(walk: Walk, answers: Answers, prepAnswers?: Answers): FiredFlag[] {
  return raisedFlags(walk, answers, prepAnswers).map(({ fired }) => fired);
}
