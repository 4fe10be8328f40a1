/**
 * The few front-matter fields the history needs (kind, playbook, customer, title, date, created,
 * prep), read from a note's front matter. A full YAML parse of a whole front matter costs most of a
 * millisecond, which is seconds over years of notes, so the top-level lines of those fields are
 * read directly when they are plain one-line scalars, as coach writes them. Anything unusual (block
 * or flow values, YAML-only escapes, repeated keys, lines that are not `key: value`) falls back to
 * the full parse, so these fields of a hand-edited note read as any YAML reader would read them.
 * The nested blocks (answers, flags, scores) are not parsed here: a mistake inside them is reported
 * by the commands that read them (show --json, debrief), naming the file.
 */
import { Document, parse } from 'yaml';
import type { Phase } from '../engine/schema.js';
import { findNestingProblem, YAML_LIMITS } from '../engine/yaml-limits.js';

export interface NoteHeader {
  kind: Phase;
  playbook: string;
  customer: string;
  title?: string | undefined;
  date: string;
  created?: string | undefined;
  /** In a debrief: the id of the prep it reflects on. */
  prep?: string | undefined;
}

export type HeaderResult = { ok: true; header: NoteHeader } | { ok: false; reason: string };

const FIELDS = new Set(['kind', 'playbook', 'customer', 'title', 'date', 'created', 'prep']);
/** The YAML 1.2 core schema's own tests for plain scalars that are not strings (null, bools, numbers). */
const NOT_A_STRING = new RegExp(
  new Document(null, { version: '1.2' }).schema.tags
    .flatMap((tag) => ('test' in tag && tag.test instanceof RegExp && tag.default === true ? [`(?:${tag.test.source})`] : []))
    .join('|'),
);

export function noteHeader(frontMatter: string): HeaderResult {
  const fast = fastFields(frontMatter);
  if (fast) return headerFromData(fast);
  const data = parseFrontMatterData(frontMatter);
  return 'reason' in data ? { ok: false, reason: data.reason } : headerFromData(data.data);
}

/** The whole front matter as data, with the reason when it cannot be read. */
export function parseFrontMatterData(frontMatter: string): { data: Record<string, unknown> } | { reason: string } {
  const tooDeep = findNestingProblem(frontMatter);
  if (tooDeep) return { reason: `its front matter is ${tooDeep.message}` };
  let data: unknown;
  try {
    data = parse(frontMatter, { maxAliasCount: YAML_LIMITS.maxAliasCount, uniqueKeys: true, version: '1.2' });
  } catch (error) {
    return { reason: `its front matter is not valid YAML (${firstLine((error as Error).message)})` };
  }
  if (data === null || data === undefined) return { data: {} };
  if (typeof data !== 'object' || Array.isArray(data)) return { reason: 'its front matter is not a YAML mapping' };
  return { data: data as Record<string, unknown> };
}

export function headerFromData(data: Record<string, unknown>): HeaderResult {
  const kind = data['kind'];
  const playbook = data['playbook'];
  if ((kind !== 'prep' && kind !== 'debrief') || typeof playbook !== 'string' || playbook === '') {
    return { ok: false, reason: 'not a coach note (its front matter has no "kind: prep" or "kind: debrief" with a playbook)' };
  }
  return {
    ok: true,
    header: {
      kind,
      playbook,
      customer: text(data['customer']) ?? '',
      title: text(data['title']),
      date: text(data['date']) ?? '',
      created: text(data['created']),
      prep: text(data['prep']),
    },
  };
}

/** Hand-edited values may be numbers or booleans (`customer: 1984`); they read as text. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

const firstLine = (message: string): string => message.split('\n')[0] ?? message;

/** The wanted fields when every line is simple enough to read without a YAML parser; else undefined. */
function fastFields(frontMatter: string): Record<string, string> | undefined {
  // Only keys from FIELDS are ever set, so a plain object is safe (and much faster than a null-prototype one).
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
    if (!FIELDS.has(key)) continue;
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
