/**
 * An answers file read by the yaml library: whatever the simple reader declines, and every
 * message about a broken one, with its line.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { findNestingProblem, positionOf } from '../engine/find-nesting-problem.js';
import type { SuppliedAnswers } from '../engine/supplied-answers.js';
import { UsageError } from '../errors.js';
import { FORBIDDEN_KEYS } from '../engine/yaml-limits.js';

/** Reads with the yaml library, which knows all of YAML and says where a problem is. */
export function parseAnswersWithLibrary(text: string, name: string): SuppliedAnswers {
  const tooDeep = findNestingProblem(text);
  if (tooDeep) throw new UsageError(`${name}:${positionOf(text, tooDeep.offset).line}: ${tooDeep.message}; an answers file is a map of question id to answer`);
  const lineCounter = new LineCounter();
  // Repeated ids are found below with a Set: the parser's own check compares every key with every
  // earlier one, which over an answers file for a long playbook costs the square of its length.
  const doc = parseDocument(text, { lineCounter, schema: 'failsafe', uniqueKeys: false, prettyErrors: false, version: '1.2' });
  const lineOf = (node: Node | null | undefined): number => lineCounter.linePos(node?.range?.[0] ?? 0).line;
  const firstError = doc.errors[0];
  if (firstError) {
    const { line } = lineCounter.linePos(firstError.pos[0]);
    if (firstError.code === 'MULTIPLE_DOCS') throw new UsageError(`${name}:${line}: holds more than one YAML document; keep a single map of question id to answer`);
    throw new UsageError(`${name}:${line}: ${firstError.message.split('\n')[0]}; an answers file is a map of question id to answer`);
  }
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
    if (answers.has(id)) throw new UsageError(`${origin}: Map keys must be unique; an answers file is a map of question id to answer`);
    if (hasTag(key) || hasTag(pair.value as Node | null)) throw new UsageError(`${origin}: YAML tags are not allowed in an answers file`);
    answers.set(id, { raw: toRaw(pair.value as Node | null, origin, id), origin });
  }
  return answers;
}

function hasTag(node: Node | null | undefined): boolean {
  return typeof node?.tag === 'string' && node.tag !== '';
}

function toRaw(node: Node | null, origin: string, id: string): unknown {
  if (node === null || node === undefined) return undefined;
  if (isAlias(node)) throw new UsageError(`${origin}: "${id}" uses a YAML alias; write the answer out in full`);
  if (isScalar(node)) return String(node.value ?? '');
  if (isSeq(node)) {
    return node.items.map((item) => {
      if (!isScalar(item)) throw new UsageError(`${origin}: "${id}" must be a list of plain entries`);
      if (hasTag(item as Node)) throw new UsageError(`${origin}: YAML tags are not allowed in an answers file`);
      return String(item.value ?? '');
    });
  }
  throw new UsageError(`${origin}: "${id}" must be text or a list, not a nested map`);
}

