import type { Answers } from './answers.js';
import { evaluateCondition } from './conditions.js';
import { interpolate } from './interpolate.js';
import { conditionScope } from './prep-scope.js';
import type { Flag, Walk } from '../playbook/schema.js';

/** A flag whose condition held, with its message and actions filled in from the answers. */
export interface FiredFlag {
  id?: string | undefined;
  level: Flag['level'];
  message: string;
  actions: string[];
  /** Recorded in a prep's note: its actions belong before the meeting and never become follow-ups. */
  before_meeting?: true | undefined;
}

export function fireFlag(flag: Flag, answers: Answers, prepAnswers?: Answers): FiredFlag {
  return {
    ...(flag.id ? { id: flag.id } : {}),
    level: flag.level,
    message: interpolate(flag.message, answers, prepAnswers),
    actions: flag.actions.map((action) => interpolate(action, answers, prepAnswers)),
    ...(flag.before_meeting === true ? { before_meeting: true as const } : {}),
  };
}

/** The flags a finished set of answers raises, in the playbook's order. */
export function computeFlags(walk: Walk, answers: Answers, prepAnswers?: Answers): FiredFlag[] {
  const scope = conditionScope(answers, prepAnswers);
  return walk.flags.filter((flag) => evaluateCondition(flag.when, scope)).map((flag) => fireFlag(flag, answers, prepAnswers));
}
