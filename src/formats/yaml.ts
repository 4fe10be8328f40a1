/**
 * The one way coach reads YAML: playbooks, answers files and notes' front matter all go through
 * the `yaml` library with the options and limits set here, so no file is ever read differently
 * from the library (an earlier hand-written fast path disagreed with it on every Unicode space).
 * Speed comes from caching what was read (compiled playbooks, the notes index), not from a
 * second parser. As the library reads, its tokens are checked against YAML_LIMITS
 * (yaml-nesting.ts) before its parser builds on them: its composer recurses once per nesting level.
 */
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, Parser, visit, YAMLParseError, type CST, type Document, type DocumentOptions, type Node, type ParseOptions, type SchemaOptions } from 'yaml';
import { FORBIDDEN_KEYS, YAML_LIMITS } from './yaml-limits.js';
import { NestingWatch, positionOf, type YamlLimitProblem } from './yaml-nesting.js';
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
  const lineCounter = new LineCounter();
  const parsed = parseWithinLimits(text, lineCounter, {
    version: '1.2',
    schema: options.schema ?? 'core',
    uniqueKeys: options.uniqueKeys ?? true,
    strict: true,
  });
  if ('tooDeep' in parsed) return { tooDeep: { ...positionOf(text, parsed.tooDeep.offset), offset: parsed.tooDeep.offset, message: parsed.tooDeep.message } };
  const { doc } = parsed;
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

/**
 * The library's parseDocument, with coach's limits checked between its lexer and its parser, so
 * the text is lexed once: measured first and then parsed, it was lexed twice, a quarter of reading
 * a playbook. The steps are the library's own public ones, as its parseDocument takes them
 * (yaml 2.9, dist/public-api.js): a Parser fed by a Lexer, a Composer over the parser's tokens, and
 * a second document an error. tests/formats/one-yaml-reader.test.ts holds every result to what
 * parseDocument gives. Once a limit is passed nothing more is parsed, and the rest of the text is
 * only lexed, so the problem reported is the first in the text, as when it was checked first.
 */
function parseWithinLimits(text: string, lineCounter: LineCounter, options: DocumentOptions & ParseOptions & SchemaOptions): { doc: Document.Parsed } | { tooDeep: YamlLimitProblem } {
  const watch = new NestingWatch();
  const lexemes = new Lexer().lex(text)[Symbol.iterator]();
  let tooDeep: YamlLimitProblem | undefined;
  const parser = new Parser(lineCounter.addNewLine);
  function* tokens(): Generator<CST.Token> {
    // What Parser.parse does before its first token.
    lineCounter.addNewLine(0);
    for (let next = lexemes.next(); !next.done; next = lexemes.next()) {
      tooDeep = watch.check(next.value);
      if (tooDeep) return;
      yield* parser.next(next.value);
    }
    yield* parser.end();
  }
  let doc: Document.Parsed | undefined;
  for (const composed of new Composer(options).compose(tokens(), true, text.length)) {
    if (!doc) doc = composed;
    else {
      doc.errors.push(new YAMLParseError([composed.range[0], composed.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  // A later document is not parsed, but is held to the limits as the whole text always was.
  for (let next = lexemes.next(); !tooDeep && !next.done; next = lexemes.next()) tooDeep = watch.check(next.value);
  if (tooDeep) return { tooDeep };
  // compose(…, forceDoc) always ends with a document.
  return { doc: doc as Document.Parsed };
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


