/**
 * Walks one phase of a playbook: the context questions, then each step whose condition holds,
 * asking the prompter every question whose condition holds. It reports progress through events
 * and never prints, reads files or touches the process.
 */
import { emptyAnswers, type AnswerValue, type Answers } from './answers.js';
import { conditionRefs, decideCondition } from './conditions.js';
import { contextFrom, contextStep, type MeetingContext } from './context.js';
import { actionRefs, computeFlags, fireFlag, type FiredFlag } from './flags.js';
import { interpolate, templateRefs } from './interpolate.js';
import { isReached } from './reached.js';
import { conditionScope, isPrepRef } from './prep-scope.js';
import type { AskRequest, Prompter } from './prompter.js';
import { computeScores, type ScoreResult } from './scores.js';
import { CONTEXT_IDS, isContextId } from '../playbook/context-ids.js';
import type { Phase, Playbook, Question, Step, Walk } from '../playbook/schema.js';
import type { LastTime } from '../note/account.js';

export type WalkEvent =
  /**
   * `total`: the steps the answers so far reach; `more` when a step still to come waits on an
   * answer not yet given, so the total may yet grow ("Step 4 of 4" was followed by "Step 5 of 7").
   */
  | { type: 'step'; number: number; total: number; more?: true; title: string; guidance?: string | undefined }
  /**
   * `answers` is the walk's own record, not a copy (a copy per answer would make a long playbook
   * cost the square of its length): read it when the event arrives, and copy what you keep.
   */
  | { type: 'answer'; id: string; value: AnswerValue | undefined; answers: Readonly<Answers> }
  | { type: 'flag'; flag: FiredFlag }
  /** Right after the customer is named, what the earlier notes of that customer recall. */
  | { type: 'last-time'; lastTime: LastTime };

export interface WalkOptions {
  playbook: Playbook;
  phase: Phase;
  prompter: Prompter;
  /** Today's date as YYYY-MM-DD, the default for the meeting date. Passed in to keep the walk pure. */
  today: string;
  /** The meeting is already known (a debrief of a saved prep): the context questions are not asked. */
  context?: MeetingContext | undefined;
  /** The prep's answers, for `{{prep.id}}` in a debrief. */
  prepAnswers?: Answers | undefined;
  onEvent?: ((event: WalkEvent) => void) | undefined;
  /** What the earlier notes of a customer recall, looked up once the customer question is answered. */
  lastTime?: ((customer: string) => Promise<LastTime | undefined>) | undefined;
}

export interface WalkResult {
  context: MeetingContext;
  /** The playbook's own answers, without the context ones. */
  answers: Answers;
  flags: FiredFlag[];
  scores: ScoreResult[];
  /** What the walk recalled of the customer's earlier notes, for the note's "From last time". */
  lastTime?: LastTime | undefined;
}

function phaseWalk(playbook: Playbook, phase: Phase): Walk {
  const walk = playbook[phase];
  if (!walk) throw new Error(`playbook "${playbook.id}" has no ${phase} walk`);
  return walk;
}

export async function walkPlaybook(options: WalkOptions): Promise<WalkResult> {
  const { playbook, phase, prompter, prepAnswers } = options;
  const emit = options.onEvent ?? (() => undefined);
  const walk = phaseWalk(playbook, phase);
  const all = emptyAnswers();
  // What conditions read: the answers so far, and in a debrief the prep's as `prep.<id>`.
  const scope = prepAnswers ? conditionScope(all, prepAnswers) : all;
  // The playbook's own answers, kept as they come rather than copied out of `all` at the end:
  // listing the keys of an object of 2,000 answers is slow, as V8 keeps such an object as a dictionary.
  const own = emptyAnswers();
  const record = (id: string, value: AnswerValue): void => {
    all[id] = value;
    if (scope !== all) scope[id] = value;
    if (!isContextId(id)) own[id] = value;
  };
  const settled = new Set<string>();
  let lastTime: LastTime | undefined;

  // A flag shows as soon as the answers given so far decide its condition and fill its message:
  // right after the answer that raised it, not after the questions that follow. Actions naming
  // answers still to come wait for the summary and the note. Each flag is looked at again only
  // when an answer it reads settles.
  const isSettled = (id: string): boolean => isPrepRef(id) || settled.has(id);
  const readers = new Map<string, number[]>();
  const pending = new Set<number>();
  walk.flags.forEach((flag, index) => {
    const reads = new Set([...conditionRefs(flag.when), ...templateRefs(flag.message), ...flag.actions.flatMap(actionRefs)].filter((id) => !isPrepRef(id)));
    for (const id of reads) {
      const flags = readers.get(id);
      if (flags) flags.push(index);
      else readers.set(id, [index]);
    }
    pending.add(index);
  });
  let touched = [...pending];
  const settle = (id: string): void => {
    if (settled.has(id)) return;
    settled.add(id);
    // Most answers are read by no flag: nothing is spread for them, not even an empty list.
    const flags = readers.get(id);
    if (flags !== undefined) touched.push(...flags);
  };
  const raiseTouchedFlags = (): void => {
    for (const index of [...new Set(touched)].sort((a, b) => a - b)) {
      const flag = walk.flags[index];
      if (!flag || !pending.has(index)) continue;
      const holds = decideCondition(flag.when, scope, isSettled);
      if (holds === false) pending.delete(index);
      if (holds !== true || !templateRefs(flag.message).every(isSettled)) continue;
      pending.delete(index);
      const ready = { ...flag, actions: flag.actions.filter((action) => actionRefs(action).every(isSettled)) };
      emit({ type: 'flag', flag: fireFlag(ready, all, prepAnswers) });
    }
    touched = [];
  };
  // Most answers touch no flag: the look at the flags is a call of its own, rarely made, which V8
  // then leaves out of the code it compiles for each answer (it was half of compiling that).
  const raiseDecidedFlags = (): void => {
    if (touched.length > 0) raiseTouchedFlags();
  };

  // What happens around each question is in plain functions, apart from the loop that may wait:
  // V8 optimises a hot async function as one piece with everything it calls, and with all of it
  // inline the walk's loop took 20 ms to compile, which a run of 2,000 questions waited for.
  const requestFor = (question: Question, where: AskRequest['step']): AskRequest | undefined => {
    if (!isReached(question, scope)) {
      settle(question.id);
      raiseDecidedFlags();
      return undefined;
    }
    const prompt = interpolate(question.prompt, all, prepAnswers);
    const why = question.why && interpolate(question.why, all, prepAnswers);
    // A question whose words name no answer is asked as it is, not as a copy made per question.
    const filled = prompt === question.prompt && why === question.why ? question : { ...question, prompt, ...(question.why ? { why } : {}) };
    const carried = question.carry ? lastTime?.answers[question.id] : undefined;
    return carried === undefined ? { question: filled, step: where } : { question: filled, step: where, carried };
  };
  const answered = (id: string, value: AnswerValue | undefined): void => {
    if (value !== undefined) record(id, value);
    settle(id);
    emit({ type: 'answer', id, value, answers: all });
    raiseDecidedFlags();
  };

  const askStep = async (step: Step, number: number, ahead: StepsAhead): Promise<void> => {
    const guidance = step.guidance && interpolate(step.guidance, all, prepAnswers);
    const total = number + ahead.count;
    emit(ahead.more ? { type: 'step', number, total, more: true, title: step.title, guidance } : { type: 'step', number, total, title: step.title, guidance });
    const where = { id: step.id, title: step.title, number, total, guidance };
    const { questions } = step;
    // An index, not for-of: the iterator made a result object for every question.
    for (let index = 0; index < questions.length; index++) {
      const question = questions[index] as Question;
      const request = requestFor(question, where);
      if (request === undefined) continue;
      const asked = prompter.ask(request);
      const value = asked instanceof Promise ? await asked : asked;
      answered(question.id, value);
      if (question.id === 'customer' && options.lastTime && typeof value === 'string') {
        lastTime = await options.lastTime(value);
        if (lastTime) emit({ type: 'last-time', lastTime });
      }
    }
  };

  if (options.context) {
    for (const [id, value] of Object.entries(withoutUndefined(options.context))) record(id, value);
    for (const id of CONTEXT_IDS) settle(id);
  } else {
    await askStep(contextStep(options.today), 0, stepsAhead(walk.steps, 0, scope, isSettled));
  }

  // Steps are numbered by the ones this walk takes: the number counts the steps shown so far, and
  // the total adds the steps still ahead that the answers so far reach, so it follows the branch.
  let shown = 0;
  for (const [index, step] of walk.steps.entries()) {
    if (!isReached(step, scope)) {
      for (const question of step.questions) settle(question.id);
      raiseDecidedFlags();
      continue;
    }
    shown += 1;
    await askStep(step, shown, stepsAhead(walk.steps, index + 1, scope, isSettled));
  }

  const result = finishWalk(walk, all, own, prepAnswers);
  return lastTime === undefined ? result : { ...result, lastTime };
}

interface StepsAhead {
  /** How many of them the answers so far reach. */
  count: number;
  /** Whether one of the others waits on an answer not yet given. */
  more: boolean;
}

/** The steps from `from` on: how many the answers so far reach, and whether more may follow. */
function stepsAhead(steps: readonly Step[], from: number, scope: Answers, isSettled: (id: string) => boolean): StepsAhead {
  let count = 0;
  let more = false;
  for (let index = from; index < steps.length; index += 1) {
    const step = steps[index];
    if (!step) continue;
    if (isReached(step, scope)) count += 1;
    else if (!more && step.when !== undefined && decideCondition(step.when, scope, isSettled) === undefined) more = true;
  }
  return { count, more };
}

/** Flags and scores are a function of the final answers alone, so a review can recompute them. */
function finishWalk(walk: Walk, all: Answers, own: Answers, prepAnswers?: Answers): WalkResult {
  return {
    context: contextFrom(all),
    answers: own,
    flags: computeFlags(walk, all, prepAnswers),
    scores: computeScores(walk, all, prepAnswers),
  };
}

function withoutUndefined(context: MeetingContext): Answers {
  const answers = emptyAnswers();
  for (const [key, value] of Object.entries(context)) if (value !== undefined) answers[key] = value as string;
  return answers;
}
