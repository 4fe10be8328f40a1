/**
 * Checks raw YAML text against YAML_LIMITS before the yaml library's parser builds anything. The
 * library's lexer, unlike its composer, is flat and fast, so it measures first.
 */
import { Lexer } from 'yaml';
import { YAML_LIMITS } from './yaml-limits.js';

export interface YamlLimitProblem {
  offset: number;
  message: string;
}

// Tokens the lexer emits to mark a mode change; they take no room in the source.
const VIRTUAL_TOKENS = new Set(['\u0002', '\u0018', '\u001f']);
const OPENERS = new Set(['[', '{']);
const CLOSERS = new Set([']', '}']);
// Whatever can begin a node: indicators, properties and scalars (not spaces, newlines, comments).
const NODE_START = /^[^\s#,\]}]/;

/** The first place the text nests too deeply, or undefined when it is within the limits. */
export function findNestingProblem(text: string): YamlLimitProblem | undefined {
  let offset = 0;
  let lineStart = 0;
  let flowDepth = 0;
  for (const token of new Lexer().lex(text)) {
    if (VIRTUAL_TOKENS.has(token)) continue;
    if (OPENERS.has(token) && ++flowDepth > YAML_LIMITS.maxDepth) {
      return { offset, message: `nested more than ${YAML_LIMITS.maxDepth} levels deep; flatten the structure` };
    }
    if (CLOSERS.has(token)) flowDepth = Math.max(0, flowDepth - 1);
    // Inside [...] or {...} indentation means nothing (and long one-line lists are fine).
    if (flowDepth === 0 && offset - lineStart > YAML_LIMITS.maxColumn && NODE_START.test(token)) {
      return { offset, message: `indented or nested more than ${YAML_LIMITS.maxColumn} columns deep; flatten the structure` };
    }
    const newline = token.lastIndexOf('\n');
    if (newline >= 0) lineStart = offset + newline + 1;
    offset += token.length;
  }
  return undefined;
}

/** Line and column (both from 1) of an offset, for problems found before a LineCounter exists. */
export function positionOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  return { line: before.split('\n').length, col: offset - lastNewline };
}
