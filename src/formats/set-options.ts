/**
 * `--set id=value` answers. Apart from the answers file's reader (answers-file.ts) because they
 * need no YAML: a prep that reads its answers file from the cache, or has none, never loads the
 * yaml library, whose set-up is a millisecond or two of a short run.
 */
import { quoteVisibly } from '../core/text/unsafe-characters.js';
import type { SuppliedAnswers } from '../core/session/supplied-answers.js';
import { UsageError } from '../errors.js';
import { FORBIDDEN_KEYS } from './yaml-limits.js';

/** `--set id=value`, repeatable; a later one wins, as on any command line. */
export function parseSetOptions(values: readonly string[]): SuppliedAnswers {
  const answers: SuppliedAnswers = new Map();
  for (const entry of values) {
    const equals = entry.indexOf('=');
    if (equals <= 0) throw new UsageError(`--set ${entry}: expected id=value, like --set need="a firm date"`);
    const id = entry.slice(0, equals).trim();
    if (FORBIDDEN_KEYS.has(id)) throw new UsageError(`--set ${entry}: "${id}" is not a question id`);
    answers.set(id, { raw: entry.slice(equals + 1), origin: `--set ${quoteVisibly(id).slice(1, -1)}` });
  }
  return answers;
}
