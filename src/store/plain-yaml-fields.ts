/**
 * Reads the top-level `key: value` lines of a YAML mapping without a YAML parser, for the common
 * case of plain one-line scalars; it gives up (returns undefined) on anything it cannot read
 * exactly as the YAML 1.2 core schema would. Parsing a whole front matter costs most of a
 * millisecond; this costs a few microseconds, which is what lets the history read years of notes.
 */
import { Document } from 'yaml';

/** The YAML 1.2 core schema's own tests for plain scalars that are not strings (null, bools, numbers). */
const NOT_A_STRING = new RegExp(
  new Document(null, { version: '1.2' }).schema.tags
    .flatMap((tag) => ('test' in tag && tag.test instanceof RegExp && tag.default === true ? [`(?:${tag.test.source})`] : []))
    .join('|'),
);

/**
 * The wanted top-level fields, when every top-level line is simple enough to read without a YAML
 * parser; undefined otherwise, and the caller parses. Lines inside other keys' blocks (indented,
 * or sequence entries) are not looked at.
 */
export function plainTopLevelFields(frontMatter: string, wanted: ReadonlySet<string>): Record<string, string> | undefined {
  // Only wanted keys are ever set, so a plain object is safe (and much faster than a null-prototype one).
  const found: Record<string, string> = {};
  const length = frontMatter.length;
  let start = 0;
  while (start < length) {
    let end = frontMatter.indexOf('\n', start);
    if (end === -1) end = length;
    const lineStart = start;
    start = end + 1;
    const first = frontMatter.charCodeAt(lineStart);
    // Blank, comment, indented (inside another key's block) or a sequence entry of one: most lines.
    if (first === 0x0a || first === 0x0d || first === 0x23 || first === 0x20 || first === 0x2d) continue;
    const lineEnd = frontMatter.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    const colon = keyEnd(frontMatter, lineStart, lineEnd);
    if (colon === -1) return undefined;
    const key = frontMatter.slice(lineStart, colon);
    if (!wanted.has(key)) continue;
    if (found[key] !== undefined) return undefined;
    const value = scalar(frontMatter.slice(colon + 1, lineEnd).trimStart());
    if (value === undefined) return undefined;
    found[key] = value;
  }
  return found;
}

/**
 * Where the `:` after a plain key (letters, digits, `_`, `-`) is, when the line is `key:` followed
 * by a space, a tab or nothing; -1 for any other line, which the full parser then reads.
 */
function keyEnd(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) {
      if (i === from) return -1;
      const next = i + 1 === to ? 0x20 : text.charCodeAt(i + 1);
      return next === 0x20 || next === 0x09 ? i : -1;
    }
    const plain = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;
    if (!plain) return -1;
  }
  return -1;
}

/** A one-line scalar as the YAML core schema reads it, or undefined when it is not that simple. */
function scalar(raw: string): string | undefined {
  const quote = raw[0];
  if (quote === '"' || quote === "'") return quoted(raw, quote);
  const comment = raw.indexOf('#') === -1 ? -1 : raw.search(/[ \t]#/);
  const value = (comment === -1 ? raw : raw.slice(0, comment)).trim();
  if (value === '' || INDICATORS.includes(value[0] ?? '') || (value.includes(':') && /:(?:[ \t]|$)/.test(value))) return undefined;
  // Null, booleans and numbers all start with one of these; a name or a title rarely does.
  if (MAYBE_NOT_A_STRING.includes(value[0] ?? '') && NOT_A_STRING.test(value)) return undefined;
  return value;
}

/** Characters that cannot start a plain scalar (or start one we leave to the parser). */
const INDICATORS = '[]{}|>&*!%@`#,?:-';
const MAYBE_NOT_A_STRING = '~nNtTfF0123456789+-.';

function quoted(raw: string, quote: '"' | "'"): string | undefined {
  let index = 1;
  for (;;) {
    const next = raw.indexOf(quote, index);
    if (next === -1) return undefined;
    if (quote === '"' && isEscaped(raw, next)) {
      index = next + 1;
      continue;
    }
    if (quote === "'" && raw[next + 1] === "'") {
      index = next + 2;
      continue;
    }
    const rest = raw.slice(next + 1);
    if (rest.trim() !== '' && !/^[ \t]+#/.test(rest)) return undefined;
    const body = raw.slice(0, next + 1);
    if (quote === "'") return body.slice(1, -1).replaceAll("''", "'");
    try {
      // JSON's escapes are a subset of YAML's; a YAML-only one (\e, \x41, \_) throws and falls back.
      const value: unknown = JSON.parse(body);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }
}

function isEscaped(text: string, index: number): boolean {
  let slashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) slashes++;
  return slashes % 2 === 1;
}
