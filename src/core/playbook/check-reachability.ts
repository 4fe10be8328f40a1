/**
 * Steps that are never shown, questions never asked, flags that never fire and score checks that
 * never count: a condition that no combination of answers can satisfy. The search is exact over
 * the answers that matter (answer-domains.ts), follows the order of the walk (a question only has
 * an answer when it was asked, and a required one always has one then), and gives up quietly when
 * a playbook is too large to search, so it can miss a problem but never invents one.
 */
import { emptyAnswers, type AnswerValue } from '../session/answers.js';
import { answerDomain, testsById, type TestsById } from './answer-domains.js';
import type { IssuePath, ReferenceIssue } from './reference-issue.js';
import { conditionRefs, evaluateCondition } from '../session/conditions.js';
import { scaleBounds } from '../session/coerce-answer.js';
import { contextStep } from '../session/context.js';
import { PREP_PREFIX } from '../session/prep-scope.js';
import { describeCondition, type QuestionTypes } from './describe-condition.js';
import type { Condition, Phase, Playbook, Question, Walk } from './schema.js';

const MAX_VISITS = 50_000;
/**
 * A condition that depends, through the conditions that guard its questions, on more questions
 * than this is not searched: the search could not finish within MAX_VISITS anyway, and following
 * a long chain (each step shown only when the one before was answered) from every condition
 * would cost the square of the playbook's length.
 */
const MAX_INVOLVED = 16;

interface Asked {
  question: Question;
  /** What must hold for the question to be asked: its step's condition and its own. */
  guard: Condition[];
  order: number;
}

type Verdict = 'possible' | 'impossible' | 'unknown';

export function checkReachability(playbook: Playbook): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  for (const phase of ['prep', 'debrief'] as const) {
    const walk = playbook[phase];
    if (walk) issues.push(...checkWalk(walk, phase, phase === 'debrief' ? playbook.prep : undefined));
  }
  return issues;
}

function checkWalk(walk: Walk, phase: Phase, prep: Walk | undefined): ReferenceIssue[] {
  const asked = new Map<string, Asked>();
  // A debrief may read the prep's answers (`prep.<id>`): any answer the prep allows, or none,
  // since a debrief can run without a prep or after a prep that skipped the question.
  for (const question of prep?.steps.flatMap((step) => step.questions) ?? []) {
    const id = `${PREP_PREFIX}${question.id}`;
    asked.set(id, { question: { ...question, id, required: false }, guard: [], order: asked.size });
  }
  for (const question of contextStep('2000-01-01').questions) asked.set(question.id, { question, guard: [], order: asked.size });
  for (const step of walk.steps) {
    for (const question of step.questions) {
      asked.set(question.id, { question, guard: [step.when, question.when].filter((c) => c !== undefined), order: asked.size });
    }
  }
  const everyCondition = [...asked.values()].flatMap((entry) => entry.guard);
  everyCondition.push(...walk.flags.map((flag) => flag.when), ...walk.scores.flatMap((score) => score.count ?? []));
  const search = new Search(asked, testsById(everyCondition));
  const types: QuestionTypes = new Map([...asked].map(([id, entry]) => [id, entry.question.type]));
  const issues: ReferenceIssue[] = [];
  const report = (condition: Condition, path: IssuePath, outcome: string): void => {
    if (search.verdict([condition]) !== 'impossible') return;
    issues.push({ path, message: `${search.explain(condition, types)}, so ${outcome}` });
  };

  walk.steps.forEach((step, s) => {
    if (step.when && search.verdict([step.when]) === 'impossible') {
      report(step.when, [phase, 'steps', s, 'when'], 'this step is never shown');
      return;
    }
    step.questions.forEach((question, q) => {
      if (question.when) report({ all: [...(step.when ? [step.when] : []), question.when] }, [phase, 'steps', s, 'questions', q, 'when'], 'this question is never asked');
    });
  });
  for (const [f, flag] of walk.flags.entries()) report(flag.when, [phase, 'flags', f, 'when'], 'this flag can never fire');
  for (const [i, score] of walk.scores.entries()) {
    for (const [c, condition] of (score.count ?? []).entries()) report(condition, [phase, 'scores', i, 'count', c], 'this check never counts');
  }
  return issues;
}

class Search {
  /** Each question's domain, worked out once: a question is involved in every condition after it that depends on it. */
  private readonly domains = new Map<string, AnswerValue[] | undefined>();

  constructor(
    private readonly asked: ReadonlyMap<string, Asked>,
    private readonly tests: TestsById,
  ) {}

  private domainOf(question: Question): AnswerValue[] | undefined {
    if (!this.domains.has(question.id)) this.domains.set(question.id, answerDomain(question, this.tests.get(question.id) ?? []));
    return this.domains.get(question.id);
  }

  /** Whether some answers, given in the order of the walk, make every condition hold. */
  verdict(conditions: readonly Condition[]): Verdict {
    const involved = this.involved(conditions);
    if (involved === undefined) return 'unknown';
    const domains = involved.map(({ question }) => this.domainOf(question));
    if (domains.some((domain) => domain === undefined)) return 'unknown';
    const answers = emptyAnswers();
    let visits = 0;
    const tryFrom = (index: number): Verdict => {
      if (++visits > MAX_VISITS) return 'unknown';
      const entry = involved[index];
      if (!entry) return conditions.every((condition) => evaluateCondition(condition, answers)) ? 'possible' : 'impossible';
      const isAsked = entry.guard.every((condition) => evaluateCondition(condition, answers));
      const options: (AnswerValue | undefined)[] = isAsked ? [...(domains[index] ?? [])] : [];
      if (!isAsked || !entry.question.required) options.push(undefined);
      let result: Verdict = 'impossible';
      for (const value of options) {
        if (value === undefined) delete answers[entry.question.id];
        else answers[entry.question.id] = value;
        const outcome = tryFrom(index + 1);
        if (outcome === 'possible') return outcome;
        if (outcome === 'unknown') result = outcome;
      }
      delete answers[entry.question.id];
      return result;
    };
    return tryFrom(0);
  }

  /** The questions the conditions read, and those their own asking depends on, in walk order; undefined past MAX_INVOLVED. */
  private involved(conditions: readonly Condition[]): Asked[] | undefined {
    const found = new Map<string, Asked>();
    const pending = conditions.flatMap(conditionRefs);
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      const entry = this.asked.get(id);
      if (!entry || found.has(id)) continue;
      if (found.size === MAX_INVOLVED) return undefined;
      found.set(id, entry);
      pending.push(...entry.guard.flatMap(conditionRefs));
    }
    return [...found.values()].sort((a, b) => a.order - b.order);
  }

  /** The smallest part of an impossible condition that is impossible, in words. */
  explain(condition: Condition, types: QuestionTypes): string {
    const quote = (part: Condition): string => `"${describeCondition(part, types)}"`;
    const parts = condition.all ?? [];
    const alone = parts.find((part) => this.verdict([part]) === 'impossible');
    if (alone) return this.explain(alone, types);
    const pair = pairs(parts).find((both) => this.verdict(both) === 'impossible');
    const reason = pair ? `${quote(pair[0])} and ${quote(pair[1])} cannot both hold` : `${quote(condition)} can never hold`;
    const shown: Condition[] = pair ?? [condition];
    const read = new Set(shown.flatMap(conditionRefs));
    const notes = (this.involved(shown) ?? [])
      .filter((entry) => read.has(entry.question.id))
      .flatMap((entry) => {
        const { question, guard } = entry;
        const facts = guard.length > 0 ? [`"${question.id}" is only asked when ${describeCondition({ all: guard }, types)}`] : [];
        const tests = testsById(shown).get(question.id) ?? [];
        const bounded = question.type === 'scale' || question.min !== undefined || question.max !== undefined;
        if (bounded && tests.some((test) => test.answered === undefined)) facts.push(`"${question.id}" ${range(question)}`);
        if (question.required && guard.length === 0 && tests.some((test) => test.answered === false)) {
          facts.push(`"${question.id}" is required and always asked`);
        }
        return facts;
      });
    return notes.length > 0 ? `${reason} (${notes.join('; ')})` : reason;
  }
}

function pairs<T>(items: readonly T[]): [T, T][] {
  return items.flatMap((first, i) => items.slice(i + 1).map((second): [T, T] => [first, second]));
}

function range(question: Question): string {
  const { min, max } = question.type === 'scale' ? scaleBounds(question) : question;
  if (min !== undefined && max !== undefined) return `is from ${min} to ${max}`;
  return min !== undefined ? `is at least ${min}` : `is at most ${max ?? ''}`;
}
