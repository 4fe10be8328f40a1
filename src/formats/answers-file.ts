/**
 * An answers file: a YAML or JSON map of question id to answer, read by the yaml library
 * (formats/yaml.ts). Scalars are read as the text that was written (`007`, `no` and `12:30` stay
 * strings); each question's type decides what they mean. A plain `null` or `~` (JSON's null)
 * means no answer, as in YAML, never the text "null".
 */
import { FORBIDDEN_KEYS, hasExplicitTag, isAlias, isMap, isPlainNull, isScalar, isSeq, readYaml, type Node } from './yaml.js';
import type { SuppliedAnswers } from '../core/session/supplied-answers.js';
import { UsageError } from '../errors.js';

const WHAT_IT_IS = 'an answers file is a map of question id to answer';

export function parseAnswers(text: string, name: string): SuppliedAnswers {
  // Repeated ids are found below with a Set: the library's own check compares every key with
  // every earlier one, which over an answers file for a long playbook costs the square of its length.
  const read = readYaml(text, { schema: 'failsafe', uniqueKeys: false });
  if ('tooDeep' in read) throw new UsageError(`${name}:${read.tooDeep.line}: ${read.tooDeep.message}; ${WHAT_IT_IS}`);
  const { doc, position } = read;
  const firstError = read.problems.find((problem) => !problem.warning);
  if (firstError) {
    if (firstError.code === 'MULTIPLE_DOCS') throw new UsageError(`${name}:${firstError.line}: holds more than one YAML document; keep a single map of question id to answer`);
    throw new UsageError(`${name}:${firstError.line}: ${firstError.message}; ${WHAT_IT_IS}`);
  }
  const lineOf = (node: Node | null | undefined): number => position(node?.range?.[0] ?? 0).line;
  const answers: SuppliedAnswers = new Map();
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === '')) return answers;
  if (!isMap(root)) throw new UsageError(`${name}:1: expected a map of question id to answer, like "need: a firm date"`);
  for (const pair of root.items) {
    const key = pair.key as Node | null;
    const id = isScalar(key) ? String(key.value) : undefined;
    const origin = `${name}:${lineOf(key)}`;
    if (id === undefined) throw new UsageError(`${origin}: question ids must be plain text`);
    if (FORBIDDEN_KEYS.has(id)) throw new UsageError(`${origin}: "${id}" is not a question id`);
    if (answers.has(id)) throw new UsageError(`${origin}: Map keys must be unique; ${WHAT_IT_IS}`);
    if (hasExplicitTag(key) || hasExplicitTag(pair.value as Node | null)) throw new UsageError(`${origin}: YAML tags are not allowed in an answers file`);
    answers.set(id, { raw: toRaw(pair.value as Node | null, origin, id), origin });
  }
  return answers;
}

function toRaw(node: Node | null, origin: string, id: string): unknown {
  if (isPlainNull(node)) return undefined;
  if (isAlias(node)) throw new UsageError(`${origin}: "${id}" uses a YAML alias; write the answer out in full`);
  if (isScalar(node)) return String(node.value ?? '');
  if (isSeq(node)) {
    return node.items.map((item) => {
      if (!isScalar(item)) throw new UsageError(`${origin}: "${id}" must be a list of plain entries`);
      if (hasExplicitTag(item as Node)) throw new UsageError(`${origin}: YAML tags are not allowed in an answers file`);
      return String(item.value ?? '');
    });
  }
  throw new UsageError(`${origin}: "${id}" must be text or a list, not a nested map`);
}
