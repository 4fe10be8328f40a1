/**
 * An answers file: a YAML or JSON map of question id to answer. Scalars are read as the text that
 * was written (`007`, `no` and `12:30` stay strings); each question's type decides what they mean.
 */
import { readSimpleYaml } from '../engine/simple-yaml.js';
import { FORBIDDEN_KEYS } from '../engine/yaml-limits.js';
import type { SuppliedAnswers } from '../engine/supplied-answers.js';
import { UsageError } from '../errors.js';


export async function parseAnswers(text: string, name: string): Promise<SuppliedAnswers> {
  // The library costs a prep more to load than everything else it reads: only when needed.
  return answersFromSimpleYaml(text, name) ?? (await import('./read-answers-with-library.js')).parseAnswersWithLibrary(text, name);
}

/**
 * The answers when the simple reader can read the file and every entry is text or a list of text;
 * undefined otherwise, and the yaml library reads it (and words any problem).
 */
function answersFromSimpleYaml(text: string, name: string): SuppliedAnswers | undefined {
  const root = readSimpleYaml(text);
  if (root === undefined) return undefined;
  const answers: SuppliedAnswers = new Map();
  if (root === null) return answers;
  if (root.kind !== 'map') return undefined;
  for (const { key, line, value } of root.entries) {
    const origin = `${name}:${line}`;
    // `id:` with nothing after it is empty text, as the library reads it.
    if (value === null || value.kind === 'scalar') answers.set(key, { raw: value?.text ?? '', origin });
    else if (value.kind === 'seq' && value.items.every((item) => item?.kind === 'scalar')) {
      answers.set(key, { raw: value.items.map((item) => (item?.kind === 'scalar' ? item.text : '')), origin });
    } else return undefined;
  }
  return answers;
}

/** `--set id=value`, repeatable; a later one wins, as on any command line. */
export function parseSetOptions(values: readonly string[]): SuppliedAnswers {
  const answers: SuppliedAnswers = new Map();
  for (const entry of values) {
    const equals = entry.indexOf('=');
    if (equals <= 0) throw new UsageError(`--set ${entry}: expected id=value, like --set need="a firm date"`);
    const id = entry.slice(0, equals).trim();
    if (FORBIDDEN_KEYS.has(id)) throw new UsageError(`--set ${entry}: "${id}" is not a question id`);
    answers.set(id, { raw: entry.slice(equals + 1), origin: `--set ${id}` });
  }
  return answers;
}
