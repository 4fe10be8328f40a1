/**
 * An answers file: a YAML or JSON map of question id to answer. Scalars are read as the text that
 * was written (`007`, `no` and `12:30` stay strings); each question's type decides what they mean.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { readSimpleYaml } from '../engine/simple-yaml.js';
import type { SuppliedAnswers } from '../engine/supplied-answers.js';
import { findNestingProblem, positionOf } from '../engine/find-nesting-problem.js';
import { UsageError } from '../errors.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseAnswers(text: string, name: string): SuppliedAnswers {
  return answersFromSimpleYaml(text, name) ?? parseAnswersWithLibrary(text, name);
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
