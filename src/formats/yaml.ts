/**
 * The one way coach reads YAML: playbooks, answers files and notes' front matter all go through
 * the `yaml` library with the options and limits set here, so no file is ever read differently
 * from the library (an earlier hand-written fast path disagreed with it on every Unicode space).
 * Speed comes from caching what was read (compiled playbooks, the notes index), not from a
 * second parser. Before the library builds anything, the text is checked against YAML_LIMITS
 * (yaml-nesting.ts): its composer recurses once per nesting level.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { FORBIDDEN_KEYS, YAML_LIMITS } from './yaml-limits.js';
import { findNestingProblem, positionOf } from './yaml-nesting.js';
import { firstLine } from '../core/text/text-lines.js';

export { FORBIDDEN_KEYS, isAlias, isMap, isPair, isScalar, isSeq, visit, YAML_LIMITS };
export type { Document, Node };

interface Position {
  line: number;
  col: number;
}

/** Something wrong with the text as YAML: where, and the library's words for it (one line). */
export interface YamlProblem extends Position {
  offset: number;
  message: string;
  /** The library's error code, e.g. MULTIPLE_DOCS; undefined for coach's own limits. */
  code?: string | undefined;
  /** The library's warnings (an unknown tag, say) still yield a document; its errors do not. */
  warning?: boolean;
}

export interface YamlRead {
  doc: Document.Parsed;
  /** Line and column (from 1) of an offset in the text. */
  position(offset: number): Position;
  /** The library's errors and warnings, in document order. */
  problems: YamlProblem[];
}

export interface YamlReadOptions {
  /**
   * 'core' (YAML 1.2's: `no` is text, `12` a number) for playbooks and front matter; 'failsafe'
   * for answers files, where every scalar is the text that was written and each question's type
   * decides what it means.
   */
  schema?: 'core' | 'failsafe';
  /**
   * The library's own duplicate-key check compares every key with every earlier one; a reader
   * with many keys (an answers file for a long playbook) checks with a Set instead.
   */
  uniqueKeys?: boolean;
}

/** The text as a YAML document with positions, or the place it is over coach's limits. */
export function readYaml(text: string, options: YamlReadOptions = {}): YamlRead | { tooDeep: YamlProblem } {
  const tooDeep = findNestingProblem(text);
  if (tooDeep) return { tooDeep: { ...positionOf(text, tooDeep.offset), offset: tooDeep.offset, message: tooDeep.message } };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    version: '1.2',
    schema: options.schema ?? 'core',
    uniqueKeys: options.uniqueKeys ?? true,
    prettyErrors: false,
    strict: true,
  });
  const position = (offset: number): Position => lineCounter.linePos(offset);
  const problem = (error: (typeof doc.errors)[number], warning: boolean): YamlProblem => ({
    ...position(error.pos[0]),
    offset: error.pos[0],
    message: firstLine(error.message),
    code: error.code,
    warning,
  });
  const problems = [...doc.errors.map((error) => problem(error, false)), ...doc.warnings.map((warning) => problem(warning, true))].sort(
    (a, b) => a.offset - b.offset,
  );
  return { doc, position, problems };
}

/** The document as plain data; throws the library's error (aliases past the limit, say). */
export function yamlData(doc: Document.Parsed): unknown {
  return doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount });
}

/**
 * A YAML mapping as data (a note's front matter), or the reason it cannot be read. Empty text is
 * an empty mapping.
 */
export function readYamlMapping(text: string): { data: Record<string, unknown> } | { reason: string } {
  const read = readYaml(text);
  if ('tooDeep' in read) return { reason: `${read.tooDeep.message} (line ${read.tooDeep.line})` };
  const problem = read.problems.find((found) => !found.warning);
  if (problem) return { reason: `line ${problem.line}: ${problem.message}` };
  let data: unknown;
  try {
    data = yamlData(read.doc);
  } catch (error) {
    return { reason: firstLine((error as Error).message) };
  }
  if (data === null || data === undefined) return { data: {} };
  if (typeof data !== 'object' || Array.isArray(data)) return { reason: 'it is not a YAML mapping' };
  return { data: data as Record<string, unknown> };
}

/** A plain (unquoted) scalar that YAML's core schema reads as null: `~`, `null`, or nothing. */
export function isPlainNull(node: Node | null | undefined): boolean {
  if (node === null || node === undefined) return true;
  if (!isScalar(node) || (node.type !== undefined && node.type !== 'PLAIN')) return false;
  return node.value === null || /^(?:~|null|Null|NULL|)$/.test(String(node.value));
}

/** Whether the source wrote a tag on this node (`!!str`, `!foo`); the parser records only those. */
export function hasExplicitTag(node: Node | null | undefined): boolean {
  return typeof node?.tag === 'string' && node.tag.length > 0;
}


