/**
 * Reads a draft back from untrusted JSON: strict shape, question ids as the format allows them,
 * no prototype keys anywhere. Loaded only when a draft is read (resume, the drafts list).
 */
import * as z from 'zod';
import { emptyAnswers, type Answers } from '../../core/session/answers.js';
import { questionIdPattern } from '../../core/playbook/schema.js';
import { FORBIDDEN_KEYS } from '../../formats/yaml-limits.js';
import { DRAFT_FORMAT, type Draft } from './draft-file.js';

const answerValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
const answerMap = z.record(z.string().regex(questionIdPattern), answerValue);

const DraftSchema = z.strictObject({
  coach_draft: z.literal(DRAFT_FORMAT),
  playbook: z.strictObject({
    id: z.string().min(1),
    path: z.string().min(1),
    source: z.string().min(1),
    fingerprint: z.string().min(1),
  }),
  phase: z.enum(['prep', 'debrief']),
  started: z.string(),
  saved: z.string(),
  asked: z.array(z.string().regex(questionIdPattern)),
  answers: answerMap,
  /** Answers to questions a newer version of the playbook no longer has; they go in the note. */
  unmapped: answerMap.optional(),
  /** A debrief knows its meeting and the prep's answers already. */
  context: z.strictObject({ customer: z.string(), title: z.string().optional(), date: z.string() }).optional(),
  prepAnswers: answerMap.optional(),
  prepId: z.string().optional(),
  /** A prep from a calendar invitation: its attendees, and its suggestions for questions not asked yet. */
  invite: z
    .strictObject({
      attendees: z.array(z.string()),
      suggested: z.record(z.string().regex(questionIdPattern), z.strictObject({ value: answerValue, origin: z.string().min(1) })),
    })
    .optional(),
  saving: z.strictObject({ note: z.string().min(1), created: z.string().min(1) }).optional(),
});

/** The draft, or a one-line reason it cannot be used. */
export function parseDraft(text: string): Draft | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problem: `not valid JSON (${(error as Error).message})` };
  }
  const unsafe = findForbiddenKey(data);
  if (unsafe) return { problem: `the key "${unsafe}" is not allowed` };
  // Checked once per process, as a playbook is: no parser written with new Function (parse-playbook.ts ONCE).
  const parsed = DraftSchema.safeParse(data, { jitless: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `not a coach draft (${issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'unexpected shape'})` };
  }
  const { answers, unmapped, prepAnswers, ...rest } = parsed.data;
  return {
    ...rest,
    answers: plainAnswers(answers),
    ...(unmapped ? { unmapped: plainAnswers(unmapped) } : {}),
    ...(prepAnswers ? { prepAnswers: plainAnswers(prepAnswers) } : {}),
  };
}

function plainAnswers(record: Record<string, z.infer<typeof answerValue>>): Answers {
  const answers = emptyAnswers();
  for (const [id, value] of Object.entries(record)) answers[id] = value;
  return answers;
}

/** JSON.parse keeps `__proto__` as an own key; refuse it (and friends) anywhere in the file. */
function findForbiddenKey(value: unknown): string | undefined {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== 'object') continue;
    for (const [key, child] of Object.entries(item)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      stack.push(child);
    }
  }
  return undefined;
}
