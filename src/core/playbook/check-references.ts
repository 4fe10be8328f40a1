/**
 * The rules the schema cannot see one node at a time: ids defined once, conditions and `{{id}}`
 * that only look back at questions already asked, tests that fit the question they test, and
 * (check-reachability.ts) conditions that some answers can satisfy.
 */
import { checkReachability } from './check-reachability.js';
import { scaleBounds, choiceValue, coerceAnswer } from '../session/coerce-answer.js';
import { closest } from '../text/closest.js';
import { templateRefs } from '../session/interpolate.js';
import { actionText } from '../session/flags.js';
import type { IssuePath, ReferenceIssue } from './reference-issue.js';
import { isPrepRef, PREP_PREFIX } from '../session/prep-scope.js';
import { CONTEXT_IDS } from './context-ids.js';
import type { Choice, Condition, Phase, Playbook, Question, Score, Walk } from './schema.js';


const CONTEXT = new Set<string>(CONTEXT_IDS);

export function checkReferences(playbook: Playbook): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const prepQuestions = new Map(allQuestions(playbook.prep).map(({ question }) => [question.id, question]));
  const prepIds = new Set(prepQuestions.keys());
  checkUniqueQuestionIds(playbook, issues);
  checkWalk(playbook.prep, 'prep', issues, undefined);
  if (playbook.debrief) checkWalk(playbook.debrief, 'debrief', issues, prepQuestions);
  playbook.card?.questions.forEach((id, i) => {
    if (prepIds.has(id)) return;
    const hint = closest(id, [...prepIds]);
    issues.push({ path: ['card', 'questions', i], message: `the card names "${id}", which is not a prep question${hint ? ` (did you mean "${hint}"?)` : ''}` });
  });
  // Reachability reasons about answers, so it needs references and tests that are already sound.
  if (issues.length === 0) issues.push(...checkReachability(playbook));
  return issues;
}

function allQuestions<Q>(walk: { steps: readonly { questions: readonly Q[] }[] }): { question: Q; path: IssuePath }[] {
  return walk.steps.flatMap((step, s) =>
    step.questions.map((question, q) => ({ question, path: ['steps', s, 'questions', q] as IssuePath })),
  );
}

/** Just what the id checks read, so they can also run on a file whose shape is still wrong. */
interface IdQuestion {
  id?: string | undefined;
  choices?: readonly Choice[] | undefined;
}
interface IdPlaybook {
  prep?: { steps: readonly { questions: readonly IdQuestion[] }[] } | undefined;
  debrief?: { steps: readonly { questions: readonly IdQuestion[] }[] } | undefined;
}

/**
 * The id checks over data the schema refused: each question id used once and each choice value
 * listed once, read from whatever parts of the file have the right shape.
 */
export function checkIdsOfRawData(data: unknown): ReferenceIssue[] {
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const field = (value: unknown, key: string): unknown => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);
  const question = (value: unknown): IdQuestion => {
    const id = field(value, 'id');
    const choices = list(field(value, 'choices')).map((choice) => (typeof choice === 'string' ? choice : { value: String(field(choice, 'value') ?? ''), label: '' }));
    return { id: typeof id === 'string' ? id : undefined, choices: choices.filter((choice) => typeof choice === 'string' || choice.value !== '') };
  };
  const walk = (value: unknown) => ({ steps: list(field(value, 'steps')).map((step) => ({ questions: list(field(step, 'questions')).map(question) })) });
  const shape: IdPlaybook = { prep: walk(field(data, 'prep')), debrief: walk(field(data, 'debrief')) };
  const issues: ReferenceIssue[] = [];
  checkUniqueQuestionIds(shape, issues);
  for (const phase of ['prep', 'debrief'] as const) {
    for (const { question, path } of allQuestions(shape[phase] ?? { steps: [] })) checkUniqueChoices(question, [phase, ...path], issues);
  }
  return issues;
}

function checkUniqueQuestionIds(playbook: IdPlaybook, issues: ReferenceIssue[]): void {
  const seen = new Map<string, string>();
  for (const phase of ['prep', 'debrief'] as const) {
    const walk = playbook[phase];
    if (!walk) continue;
    for (const { question, path } of allQuestions(walk)) {
      const where = [phase, ...path, 'id'];
      if (question.id === undefined) continue;
      if (CONTEXT.has(question.id)) {
        issues.push({ path: where, message: `"${question.id}" is a built-in context question; choose another id` });
      } else if (seen.has(question.id)) {
        issues.push({ path: where, message: `question id "${question.id}" is already used by ${seen.get(question.id)}` });
      } else {
        seen.set(question.id, `${phase}.steps[${path[1]}].questions[${path[3]}]`);
      }
    }
  }
}

function checkWalk(walk: Walk, phase: Phase, issues: ReferenceIssue[], prepQuestions: Map<string, Question> | undefined): void {
  const prepIds = prepQuestions && new Set(prepQuestions.keys());
  const questions = new Map(allQuestions(walk).map(({ question }) => [question.id, question]));
  const asked = new Set<string>(CONTEXT);
  const refs = { questions, prepIds, prepQuestions, phase, issues };

  const intro = walk.intro;
  if (intro) checkTemplate(intro, [phase, 'intro'], asked, refs);
  uniqueIds(walk.steps.map((step) => step.id), [phase, 'steps'], 'step', issues);

  walk.steps.forEach((step, s) => {
    const stepPath: IssuePath = [phase, 'steps', s];
    if (step.when) checkCondition(step.when, [...stepPath, 'when'], asked, refs);
    if (step.guidance) checkTemplate(step.guidance, [...stepPath, 'guidance'], asked, refs);
    step.questions.forEach((question, q) => {
      const path: IssuePath = [...stepPath, 'questions', q];
      if (question.when) checkCondition(question.when, [...path, 'when'], asked, refs);
      checkTemplate(question.prompt, [...path, 'prompt'], asked, refs);
      if (question.why) checkTemplate(question.why, [...path, 'why'], asked, refs);
      checkDefault(question, path, issues);
      checkUniqueChoices(question, path, issues);
      // A debrief is of one meeting: nothing in it is offered again next time.
      if (question.carry && phase === 'debrief') issues.push({ path: [...path, 'carry'], message: '"carry" applies only to prep questions: the next prep offers the answer again' });
      asked.add(question.id);
    });
  });

  // Flags and scores are read once the walk is over, so they may use any answer of the phase.
  const everything = new Set([...CONTEXT, ...questions.keys()]);
  uniqueIds(walk.flags.flatMap((flag) => flag.id ?? []), [phase, 'flags'], 'flag', issues);
  walk.flags.forEach((flag, f) => {
    const path: IssuePath = [phase, 'flags', f];
    checkCondition(flag.when, [...path, 'when'], everything, refs);
    checkTemplate(flag.message, [...path, 'message'], everything, refs);
    for (const [a, action] of flag.actions.entries()) {
      checkTemplate(actionText(action), [...path, 'actions', a], everything, refs);
      if (typeof action !== 'string') checkPerEntry(action, [...path, 'actions', a], refs);
    }
  });
  uniqueIds(walk.scores.map((score) => score.id), [phase, 'scores'], 'score', issues);
  walk.scores.forEach((score, i) => {
    const path: IssuePath = [phase, 'scores', i];
    if (score.when) checkCondition(score.when, [...path, 'when'], everything, refs);
    for (const [c, condition] of (score.count ?? []).entries()) checkCondition(condition, [...path, 'count', c], everything, refs);
    score.sum?.forEach((id, k) => {
      const question = questions.get(id);
      if (!question) issues.push({ path: [...path, 'sum', k], message: unknownQuestion(id, questions) });
      else if (!['number', 'scale', 'confirm'].includes(question.type)) {
        issues.push({ path: [...path, 'sum', k], message: `"${id}" is a ${question.type} question; a sum adds number, scale and confirm answers` });
      } else if (question.type === 'number' && question.max === undefined) {
        issues.push({ path: [...path, 'sum', k], message: `"${id}" needs a "max" so the score has a top` });
      }
    });
    if (score.selected !== undefined) {
      const question = questions.get(score.selected);
      if (!question) issues.push({ path: [...path, 'selected'], message: unknownQuestion(score.selected, questions) });
      else if (question.type !== 'multi') {
        issues.push({ path: [...path, 'selected'], message: `"${score.selected}" is a ${question.type} question; "selected" counts the choices of a multi question` });
      }
    }
    checkMissingWords(score, path, questions, issues);
    if (!score.bands.some((band) => band.min <= 0)) {
      issues.push({ path: [...path, 'bands'], message: 'the lowest band must start at 0 or below, so every result gets a verdict' });
    }
  });
}

/** `per_entry` names a list question of this walk, and the action's text shows that entry. */
function checkPerEntry(action: { text: string; per_entry: string }, path: IssuePath, refs: Refs): void {
  const question = refs.questions.get(action.per_entry);
  if (!question) refs.issues.push({ path: [...path, 'per_entry'], message: unknownQuestion(action.per_entry, refs.questions) });
  else if (question.type !== 'list') {
    refs.issues.push({ path: [...path, 'per_entry'], message: `"${action.per_entry}" is a ${question.type} question; "per_entry" makes one action per entry of a list question` });
  } else if (!templateRefs(action.text).includes(action.per_entry)) {
    refs.issues.push({ path: [...path, 'text'], message: `put {{${action.per_entry}}} in the text, where each entry goes` });
  }
}

/** A score's `missing` words name parts it has: the questions of a sum, the choices of a selected. */
function checkMissingWords(score: Score, path: IssuePath, questions: Map<string, Question>, issues: ReferenceIssue[]): void {
  if (!score.missing) return;
  const parts = score.sum ?? (questions.get(score.selected ?? '')?.choices ?? []).map(choiceValue);
  const what = score.sum ? 'a question of this sum' : `a choice of "${score.selected}"`;
  for (const key of Object.keys(score.missing)) {
    if (parts.includes(key)) continue;
    const hint = closest(key, parts);
    issues.push({ path: [...path, 'missing', key], message: `"${key}" is not ${what}${hint ? ` (did you mean "${hint}"?)` : ''}` });
  }
}

interface Refs {
  questions: Map<string, Question>;
  prepIds: Set<string> | undefined;
  prepQuestions: Map<string, Question> | undefined;
  phase: Phase;
  issues: ReferenceIssue[];
}

function uniqueIds(ids: string[], path: IssuePath, what: string, issues: ReferenceIssue[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) issues.push({ path: [...path, i, 'id'], message: `${what} id "${id}" is used twice` });
    seen.add(id);
  });
}

function unknownQuestion(id: string, questions: Map<string, Question>): string {
  const hint = closest(id, [...questions.keys(), ...CONTEXT_IDS]);
  return `unknown question "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`;
}

function whereIs(id: string, asked: Set<string>, refs: Refs): string | undefined {
  if (asked.has(id)) return undefined;
  if (refs.questions.has(id)) return `"${id}" is asked later; a reference can only use answers given before it`;
  return unknownQuestion(id, refs.questions);
}

function checkCondition(condition: Condition, path: IssuePath, asked: Set<string>, refs: Refs): void {
  const visit = (part: Condition, at: IssuePath): void => {
    for (const [i, inner] of (part.all ?? []).entries()) visit(inner, [...at, 'all', i]);
    for (const [i, inner] of (part.any ?? []).entries()) visit(inner, [...at, 'any', i]);
    if (part.not) visit(part.not, [...at, 'not']);
    if (part.answer === undefined) return;
    if (isPrepRef(part.answer)) {
      checkPrepTest(part, part.answer.slice(PREP_PREFIX.length), at, refs);
      return;
    }
    const problem = whereIs(part.answer, asked, refs);
    if (problem) {
      refs.issues.push({ path: [...at, 'answer'], message: problem });
      return;
    }
    const question = refs.questions.get(part.answer);
    if (question) checkTestFits(part, question, at, refs.issues);
  };
  visit(condition, path);
}

/** A debrief condition on the prep's answer: the prep must ask that question, and the test fit it. */
function checkPrepTest(part: Condition, id: string, at: IssuePath, refs: Refs): void {
  if (!refs.prepQuestions) {
    refs.issues.push({ path: [...at, 'answer'], message: `"${PREP_PREFIX}${id}" can only be used in the debrief walk` });
    return;
  }
  const question = refs.prepQuestions.get(id);
  if (question) checkTestFits(part, question, at, refs.issues);
  else if (!CONTEXT.has(id)) {
    const hint = closest(id, [...refs.prepQuestions.keys()]);
    refs.issues.push({ path: [...at, 'answer'], message: `the prep has no question "${id}"${hint ? ` (did you mean "${PREP_PREFIX}${hint}"?)` : ''}` });
  }
}

/** A test that cannot match its question is a flag that can never fire: catch it when loading. */
function checkTestFits(condition: Condition, question: Question, path: IssuePath, issues: ReferenceIssue[]): void {
  const { type } = question;
  const numeric = type === 'number' || type === 'scale';
  const plural = type === 'multi' || type === 'list';
  if ((condition.gte !== undefined || condition.lte !== undefined) && !numeric && !plural) {
    const key = condition.gte !== undefined ? 'gte' : 'lte';
    issues.push({ path: [...path, key], message: `"${key}" compares numbers; "${question.id}" is a ${type} question` });
  }
  if (condition.includes !== undefined && !plural && type !== 'text' && type !== 'long') {
    issues.push({ path: [...path, 'includes'], message: `"includes" looks inside lists and text; "${question.id}" is a ${type} question` });
  }
  if (type === 'select' || type === 'multi') {
    const values = (question.choices ?? []).map(choiceValue);
    const tested: [string, unknown][] = [];
    if (condition.equals !== undefined) tested.push(['equals', condition.equals]);
    if (condition.includes !== undefined) tested.push(['includes', condition.includes]);
    for (const [i, option] of (condition.in ?? []).entries()) tested.push([`in.${i}`, option]);
    for (const [key, value] of tested) {
      if (!values.includes(String(value))) {
        const hint = closest(String(value), values);
        issues.push({
          path: [...path, ...key.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k))],
          message: `"${String(value)}" is not a choice of "${question.id}"${hint ? ` (did you mean "${hint}"?)` : ''}; it can never match`,
        });
      }
    }
  }
  if (type === 'confirm' && condition.equals !== undefined && typeof condition.equals !== 'boolean') {
    issues.push({ path: [...path, 'equals'], message: `"${question.id}" is a yes/no question: compare with true or false` });
  }
  if (type === 'scale' && condition.equals !== undefined) {
    const { min, max } = scaleBounds(question);
    const value = Number(condition.equals);
    if (!(value >= min && value <= max)) {
      issues.push({ path: [...path, 'equals'], message: `"${question.id}" is a scale from ${min} to ${max}; ${String(condition.equals)} can never match` });
    }
  }
}

function checkTemplate(template: string, path: IssuePath, asked: Set<string>, refs: Refs): void {
  for (const ref of templateRefs(template)) {
    if (isPrepRef(ref)) {
      const id = ref.slice(PREP_PREFIX.length);
      if (!refs.prepIds) {
        refs.issues.push({ path, message: `{{${ref}}} can only be used in the debrief walk` });
      } else if (!refs.prepIds.has(id) && !CONTEXT.has(id)) {
        const hint = closest(id, [...refs.prepIds]);
        refs.issues.push({ path, message: `{{${ref}}}: the prep has no question "${id}"${hint ? ` (did you mean "prep.${hint}"?)` : ''}` });
      }
      continue;
    }
    const problem = whereIs(ref, asked, refs);
    if (problem) refs.issues.push({ path, message: `{{${ref}}}: ${problem}` });
  }
}

/** Two choices with one value cannot be told apart in an answer or a condition. */
function checkUniqueChoices(question: IdQuestion, path: IssuePath, issues: ReferenceIssue[]): void {
  const seen = new Set<string>();
  (question.choices ?? []).forEach((choice, c) => {
    const value = choiceValue(choice);
    if (seen.has(value)) issues.push({ path: [...path, 'choices', c], message: `choice "${value}" is listed twice; remove one or give it another value` });
    seen.add(value);
  });
}

function checkDefault(question: Question, path: IssuePath, issues: ReferenceIssue[]): void {
  if (question.default === undefined) return;
  const result = coerceAnswer(question, question.default, false);
  if (!result.ok) issues.push({ path: [...path, 'default'], message: `the default ${result.message}` });
}
