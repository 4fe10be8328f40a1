/**
 * An answer typed only to get past a question ("x", "tbd", "?") is not the work the question
 * asks for: scores do not count it, so a one-character fix plan is not full credit. Flags and
 * conditions still see it as given, so the walk itself is unchanged.
 */
import { emptyAnswers, type AnswerValue, type Answers } from './answers.js';
import type { Question } from '../playbook/schema.js';
import { isAscii } from '../text/ascii.js';

const PLACEHOLDER_WORDS = String.raw`^(?:x+|tbd|tbc|todo|n\/?a|idk|dunno|asdf+|test|later|\?+|\.+|-+|_+)$`;
const PLACEHOLDERS = new RegExp(PLACEHOLDER_WORDS, 'i');
/** Its ASCII twin (core/text/ascii.ts) for lower-cased ASCII text: V8 compiles case-blind expressions slowly. */
const ASCII_PLACEHOLDERS = new RegExp(PLACEHOLDER_WORDS);

/**
 * Two letters or digits, of any script. The ASCII twin (core/text/ascii.ts) decides almost every
 * answer: V8 runs the Unicode classes some fifteen times slower, which over 2,000 answers was a
 * visible part of a prep, and compiling them is a tenth of a short one. The Unicode one is
 * written where it is used, so that it is made only for text that needs it: V8 builds its
 * classes from ICU's tables when it makes the expression, which as a module-level one cost
 * every prep 0.4 ms.
 */
const TWO_ASCII_LETTERS_OR_DIGITS = /[A-Za-z0-9].*[A-Za-z0-9]/s;

function isPlaceholderText(text: string): boolean {
  const trimmed = text.trim();
  const letters = TWO_ASCII_LETTERS_OR_DIGITS.test(trimmed) || (!isAscii(trimmed) && /[\p{L}\p{N}].*[\p{L}\p{N}]/su.test(trimmed));
  return !letters || (isAscii(trimmed) ? ASCII_PLACEHOLDERS.test(trimmed.toLowerCase()) : PLACEHOLDERS.test(trimmed));
}

/**
 * The answers as scores read them, of the ids they read (all by default): placeholder text and list entries of
 * free-text questions left out. Only those ids are looked at: a long playbook's scores read a few
 * of its answers, and looking at all of them cost a prep of 2,000 answers a test of each.
 */
export function withoutPlaceholders(answers: Readonly<Answers>, questions: ReadonlyMap<string, Question>, ids: Iterable<string> = Object.keys(answers)): Answers {
  const kept = emptyAnswers();
  for (const id of ids) {
    if (!Object.hasOwn(answers, id)) continue;
    const value = answers[id] as AnswerValue;
    const type = questions.get(id)?.type;
    if (type !== 'text' && type !== 'long' && type !== 'list') kept[id] = value;
    else if (typeof value === 'string') {
      if (!isPlaceholderText(value)) kept[id] = value;
    } else if (Array.isArray(value)) {
      const entries = value.filter((entry) => !isPlaceholderText(entry));
      if (entries.length > 0) kept[id] = entries;
    } else {
      kept[id] = value;
    }
  }
  return kept;
}
