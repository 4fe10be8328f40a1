/**
 * The playbook format, version 1. This schema is the single source of truth: the TypeScript types,
 * the validation messages and the JSON Schema all come from it. Rules that need the whole playbook
 * (ids defined once, references to earlier questions) live in check-references.ts.
 */
import * as z from 'zod';
import { namesAWord } from '../check/phrases.js';

const QUESTION_TYPES = ['text', 'long', 'confirm', 'select', 'multi', 'number', 'scale', 'list', 'date'] as const;
const FLAG_LEVELS = ['tip', 'warn', 'stop'] as const;
/** What an answer can be to the account: how the meeting came out, what was agreed, a lesson, how they felt. */
const REMEMBERED = ['outcome', 'agreed', 'lesson', 'feeling'] as const;
export type Remembered = (typeof REMEMBERED)[number];


const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single dashes');

/** Question ids appear in `{{id}}` and conditions, so they stay plain. */
export const questionIdPattern = /^[a-z][a-z0-9_-]*$/;
const questionId = z
  .string()
  .regex(questionIdPattern, 'must start with a lower-case letter and use only a-z, 0-9, "-" and "_"');

const markdown = z.string().min(1, 'must not be empty');
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * A condition is data, never code. One flat object keeps the messages precise: `answer` with one
 * or more tests that must all hold, or exactly one of `all`, `any`, `not`.
 */
export interface Condition {
  answer?: string | undefined;
  equals?: string | number | boolean | undefined;
  in?: (string | number | boolean)[] | undefined;
  includes?: string | number | boolean | undefined;
  gte?: number | undefined;
  lte?: number | undefined;
  answered?: boolean | undefined;
  all?: Condition[] | undefined;
  any?: Condition[] | undefined;
  not?: Condition | undefined;
}

export const ANSWER_TESTS = ['equals', 'in', 'includes', 'gte', 'lte', 'answered'] as const;
const COMBINATORS = ['all', 'any', 'not'] as const;

/** The fields of a condition; a counted condition (a score's `count`) adds what is missing without it. */
const conditionFields = () => ({
  answer: z.string().optional(),
  equals: scalar.optional(),
  in: z.array(scalar).min(1).optional(),
  includes: scalar.optional(),
  gte: z.number().optional(),
  lte: z.number().optional(),
  answered: z.boolean().optional(),
  all: z.array(Condition).min(1).optional(),
  any: z.array(Condition).min(1).optional(),
  not: Condition.optional(),
});

function refineCondition(condition: Condition, ctx: z.RefinementCtx): void {
  const combinators = COMBINATORS.filter((key) => condition[key] !== undefined);
  const tests = ANSWER_TESTS.filter((key) => condition[key] !== undefined);
  if (condition.answer !== undefined) {
    if (combinators.length > 0) {
      ctx.addIssue({ code: 'custom', message: `a condition on "answer" cannot also use "${combinators[0]}"` });
    } else if (tests.length === 0) {
      ctx.addIssue({ code: 'custom', message: `give the answer a test: one of ${ANSWER_TESTS.join(', ')}` });
    }
  } else if (combinators.length !== 1 || tests.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: 'a condition needs "answer" with a test, or exactly one of "all", "any", "not"',
    });
  }
}

export const Condition: z.ZodType<Condition> = z.lazy(() => z.strictObject(conditionFields()).superRefine(refineCondition));

/**
 * One item a `count` score counts: a condition, and `missing`, the few words the score shows when
 * it does not hold ("no owner for the fix"), so a score says what is missing, not only how much.
 */
export type Counted = Condition & { missing?: string | undefined };
export const Counted: z.ZodType<Counted> = z.lazy(() =>
  z.strictObject({ ...conditionFields(), missing: z.string().min(1).optional() }).superRefine(refineCondition),
);

const Choice = z.union([
  z.string().min(1),
  z.strictObject({ value: z.string().min(1), label: z.string().min(1) }),
]);
export type Choice = z.infer<typeof Choice>;

/** The named linguistic detectors a check may use (src/language/ runs them, on English prose). */
const DETECTORS = ['passive', 'hedge'] as const;
export type DetectorName = (typeof DETECTORS)[number];

/**
 * A check on the words of a text or long answer: what to look for, what to tell the user, and a
 * better way to say it: it is raised when any of its phrases or its detector finds something, or,
 * with `missing`, when none of those phrases is there. Detectors are data: phrases (whole words, any case, simple inflections,
 * `<word>` for any one word, `<number>` for a number, `<name>` for a capitalised name) or a named detector.
 */
const phrases = z.array(z.string().min(1).refine(namesAWord, 'a phrase needs at least one word (not only "<word>" or punctuation)')).min(1);

export const Check = z
  .strictObject({
    id: questionId.optional(),
    phrases: phrases.optional(),
    missing: phrases.optional(),
    detector: z.enum(DETECTORS).optional(),
    unless: phrases.optional(),
    message: z.string().min(1),
    better: z.string().min(1),
  })
  .superRefine((check, ctx) => {
    const looks = check.phrases !== undefined || check.detector !== undefined;
    if (looks === (check.missing !== undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a check looks for what is there ("phrases", a "detector" or both) or for what is "missing": give one of the two' });
    }
  });
export type Check = z.infer<typeof Check>;

export const Question = z
  .strictObject({
    id: questionId,
    type: z.enum(QUESTION_TYPES),
    prompt: z.string().min(1),
    why: z.string().min(1).optional(),
    required: z.boolean().default(true),
    default: z.union([scalar, z.array(z.string())]).optional(),
    choices: z.array(Choice).min(1).optional(),
    min: z.number().int().optional(),
    max: z.number().int().optional(),
    placeholder: z.string().optional(),
    // A list whose entries are next steps, each `what - who - by when`: checked, its dates read
    // as people say them, and written into a debrief as follow-ups with an owner and a due date.
    entries: z.enum(['next-steps']).optional(),
    // An answer that rarely changes between meetings with one customer (their role, the account's
    // background): the next prep for that customer offers it as the default, never fills it in.
    carry: z.boolean().optional(),
    // What this answer is to the account (coach account) and to the next prep's "From last time".
    remember: z.enum(REMEMBERED).optional(),
    when: Condition.optional(),
    checks: z.array(Check).min(1).optional(),
  })
  .superRefine((question, ctx) => {
    if (question.checks && question.type !== 'text' && question.type !== 'long') {
      ctx.addIssue({ code: 'custom', path: ['checks'], message: '"checks" only apply to text and long questions' });
    }
    const hasChoices = question.type === 'select' || question.type === 'multi';
    if (hasChoices && !question.choices) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: `a ${question.type} question needs "choices"` });
    }
    if (!hasChoices && question.choices) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: `"choices" only apply to select and multi questions` });
    }
    if (question.carry && question.type !== 'text' && question.type !== 'long' && question.type !== 'select') {
      ctx.addIssue({ code: 'custom', path: ['carry'], message: '"carry" only applies to text, long and select questions' });
    }
    if (question.entries !== undefined && question.type !== 'list') {
      ctx.addIssue({ code: 'custom', path: ['entries'], message: '"entries" only applies to list questions' });
    }
    const numeric = question.type === 'number' || question.type === 'scale';
    for (const key of ['min', 'max'] as const) {
      if (!numeric && question[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" only applies to number and scale questions` });
      }
    }
    const { min, max } = question;
    if (min !== undefined && max !== undefined && min > max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: `"min" (${min}) is greater than "max" (${max})` });
    }
  });
export type Question = z.infer<typeof Question>;

export const Step = z.strictObject({
  id: questionId,
  title: z.string().min(1),
  guidance: markdown.optional(),
  when: Condition.optional(),
  questions: z.array(Question).min(1),
});
export type Step = z.infer<typeof Step>;

/**
 * A flag's action: a line of the checklist, or, with `per_entry`, one line for each entry of a
 * list answer (`{{id}}` of that list reads the one entry), so each becomes its own follow-up.
 */
export const PerEntry = z.strictObject({ text: z.string().min(1), per_entry: questionId });
export const Action = z.union([z.string().min(1), PerEntry]);
export type Action = z.infer<typeof Action>;

export const Flag = z
  .strictObject({
    id: questionId.optional(),
    when: Condition,
    level: z.enum(FLAG_LEVELS),
    message: z.string().min(1),
    actions: z.array(Action).default([]),
    // Actions that make sense only before the meeting (book the room, ask for the meeting): the
    // debrief does not bring them back as follow-ups. A flag with both kinds is two flags.
    before_meeting: z.boolean().optional(),
    // An open warn or stop holds every score of the walk below its top verdict, unless the
    // playbook says here why the two can stand together (it describes the situation, not a gap).
    ready_despite: z.string().min(1).optional(),
  })
  .superRefine((flag, ctx) => {
    if (flag.ready_despite !== undefined && flag.level === 'tip') {
      ctx.addIssue({ code: 'custom', path: ['ready_despite'], message: '"ready_despite" is for warn and stop flags; a tip never holds a score back' });
    }
  });
export type Flag = z.infer<typeof Flag>;

/**
 * A readiness score: a number computed from answers, read against bands. Exactly one way to
 * compute it: `count` (how many conditions hold), `sum` (of number, scale and confirm answers), or
 * `selected` (how many choices of a multi question were picked).
 */
export const Band = z.strictObject({
  min: z.number(),
  verdict: z.string().min(1),
  advice: z.string().min(1).optional(),
});
export type Band = z.infer<typeof Band>;

export const Score = z
  .strictObject({
    id: questionId,
    title: z.string().min(1),
    when: Condition.optional(),
    count: z.array(Counted).min(1).optional(),
    sum: z.array(questionId).min(1).optional(),
    selected: questionId.optional(),
    // For `sum` (by question id) and `selected` (by choice value): the words shown when that part
    // falls short; a `count` item carries its own `missing`.
    missing: z.record(z.string(), z.string().min(1)).optional(),
    bands: z.array(Band).min(1),
    // What the score says instead of its top verdict while a watch-out is open, when the band
    // below would not be true (all ingredients are there, yet the meeting must wait).
    held: z.strictObject({ verdict: z.string().min(1), advice: z.string().min(1).optional() }).optional(),
  })
  .superRefine((score, ctx) => {
    const ways = (['count', 'sum', 'selected'] as const).filter((key) => score[key] !== undefined);
    if (ways.length !== 1) {
      ctx.addIssue({ code: 'custom', message: 'a score is computed one way: give exactly one of "count", "sum", "selected"' });
    }
    if (score.count && score.missing) {
      ctx.addIssue({ code: 'custom', path: ['missing'], message: 'a count score names what is missing on each item: move these words to the "missing" of the items' });
    }
  });
export type Score = z.infer<typeof Score>;

export const Walk = z.strictObject({
  intro: markdown.optional(),
  steps: z.array(Step).min(1),
  flags: z.array(Flag).default([]),
  scores: z.array(Score).default([]),
});
export type Walk = z.infer<typeof Walk>;

/**
 * The meeting card: what to carry into the room on one screen or one printed page. `questions`
 * are prep question ids (the card shows the prompt and the user's answer); `reminders` are the
 * method's short rules, printed as they are.
 */
export const Card = z.strictObject({
  questions: z.array(questionId).min(1),
  reminders: z.array(z.string().min(1)).default([]),
});
export type Card = z.infer<typeof Card>;

export const Playbook = z.strictObject({
  $schema: z.string().optional(),
  id: kebabId,
  title: z.string().min(1),
  summary: z.string().min(1),
  when_to_use: z.string().min(1).optional(),
  source: z.string().min(1),
  tags: z.array(z.string().min(1)).default([]),
  prep: Walk,
  debrief: Walk.optional(),
  card: Card.optional(),
});
export type Playbook = z.infer<typeof Playbook>;

export type Phase = 'prep' | 'debrief';
