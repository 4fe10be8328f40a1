/**
 * Checks YAML text against YAML_LIMITS token by token, as the yaml library's lexer hands its
 * tokens to the parser (yaml.ts), so nothing deeper than the limits is ever built: the lexer is
 * flat and fast, the composer recurses once per nesting level.
 */
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

/** Follows the lexer's tokens in order; `check` says at the first one past a limit. */
export class NestingWatch {
  private offset = 0;
  private lineStart = 0;
  private flowDepth = 0;

  check(token: string): YamlLimitProblem | undefined {
    if (VIRTUAL_TOKENS.has(token)) return undefined;
    if (OPENERS.has(token) && ++this.flowDepth > YAML_LIMITS.maxDepth) {
      return { offset: this.offset, message: `nested more than ${YAML_LIMITS.maxDepth} levels deep; flatten the structure` };
    }
    if (CLOSERS.has(token)) this.flowDepth = Math.max(0, this.flowDepth - 1);
    // Inside [...] or {...} indentation means nothing (and long one-line lists are fine).
    if (this.flowDepth === 0 && this.offset - this.lineStart > YAML_LIMITS.maxColumn && NODE_START.test(token)) {
      return { offset: this.offset, message: `indented or nested more than ${YAML_LIMITS.maxColumn} columns deep; flatten the structure` };
    }
    const newline = token.lastIndexOf('\n');
    if (newline >= 0) this.lineStart = this.offset + newline + 1;
    this.offset += token.length;
    return undefined;
  }
}

/** Line and column (both from 1) of an offset, for problems found before a LineCounter exists. */
export function positionOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  return { line: before.split('\n').length, col: offset - lastNewline };
}
