/**
 * The prep's actions come back in its debrief: one built-in question asks which got done, and the
 * rest are carried into the debrief as follow-ups. The question is a step appended to the debrief
 * walk, so typed, supplied (--set done_actions=1,3) and --no-input answers all go through the same
 * prompter and the same check as the playbook's own questions.
 */
import type { Answers } from './answers.js';
import type { FiredFlag } from './flags.js';
import type { Playbook, Question, Step } from '../playbook/schema.js';
import { oneLine } from '../text/text-lines.js';

/** The answer id; a playbook may not use it in its debrief. */
export const DONE_ACTIONS_ID = 'done_actions';
/** Not a valid playbook step id (it has a colon), so no playbook step can be mistaken for it. */
export const PREP_ACTIONS_STEP_ID = 'coach:prep-actions';

export interface CarriedActions {
  done: string[];
  open: string[];
}

/** Every action of the prep's flags, once each, in the order the prep listed them. */
export function prepActions(flags: readonly Pick<FiredFlag, 'actions'>[]): string[] {
  return [...new Set(flags.flatMap((flag) => flag.actions.map((action) => action.trim()).filter((action) => action !== '')))];
}

/**
 * The prep's actions that still matter after the meeting: those of a `before_meeting` flag (book
 * the room, ask for the meeting) had their moment and do not come back in the debrief.
 */
export function actionsAfterMeeting(flags: readonly Pick<FiredFlag, 'actions' | 'before_meeting'>[]): string[] {
  const before = new Set(prepActions(flags.filter((flag) => flag.before_meeting === true)));
  return prepActions(flags.filter((flag) => flag.before_meeting !== true)).filter((action) => !before.has(action));
}

/** Choices are numbered so `--set done_actions=1,3` works whatever the actions say. */
export function prepActionsStep(actions: readonly string[]): Step {
  return {
    id: PREP_ACTIONS_STEP_ID,
    title: 'Actions from your prep',
    questions: [
      {
        id: DONE_ACTIONS_ID,
        type: 'multi',
        required: false,
        prompt: 'Which of the actions from your prep did you get done?',
        why: 'The ones left open are carried into this debrief as follow-ups.',
        choices: actions.map((action, index) => ({ value: String(index + 1), label: action })),
      } satisfies Question,
    ],
  };
}

/** The playbook with the actions question as the last debrief step; unchanged when there are none. */
export function withPrepActions(playbook: Playbook, actions: readonly string[]): Playbook {
  const debrief = playbook.debrief;
  if (!debrief || actions.length === 0) return playbook;
  return { ...playbook, debrief: { ...debrief, steps: [...debrief.steps, prepActionsStep(actions)] } };
}

/** A playbook whose debrief already asks a `done_actions` question cannot take the built-in one. */
export function usesDoneActionsId(playbook: Playbook): boolean {
  return (playbook.debrief?.steps ?? []).some((step) => step.questions.some((question) => question.id === DONE_ACTIONS_ID));
}

export function carriedActions(actions: readonly string[], answers: Answers): CarriedActions {
  const picked = answers[DONE_ACTIONS_ID];
  const doneNumbers = new Set(Array.isArray(picked) ? picked : []);
  const done: string[] = [];
  const open: string[] = [];
  for (const [index, action] of actions.entries()) (doneNumbers.has(String(index + 1)) ? done : open).push(action);
  return { done, open };
}

/** "Completed actions" and "Follow-ups" as Markdown task lists, for the debrief's body. */
export function carriedActionsSections(carried: CarriedActions): string[] {
  if (carried.done.length === 0 && carried.open.length === 0) return [];
  const sections = ['## Completed actions'];
  sections.push(carried.done.length > 0 ? carried.done.map((action) => `- [x] ${oneLine(action)}`).join('\n') : '_None of them._');
  if (carried.open.length > 0) sections.push('## Follow-ups', carried.open.map((action) => `- [ ] ${oneLine(action)}`).join('\n'));
  return sections;
}
