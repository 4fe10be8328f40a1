/**
 * Writes a note's front matter without the yaml library: loading the library and writing its first
 * document costs a prep about 20 ms, and writing the note was one of the only reasons a prep
 * loaded it. The data is small and regular (maps, lists, strings, numbers, booleans), so the writer
 * is too, and its rule for strings is deliberately conservative: a string is written plain only
 * when no YAML reader, 1.2 or 1.1, can read it as anything but that same string (`no`, `on`,
 * `12:30` and `0o17` are quoted). Every other string is double-quoted with JSON's escapes, which
 * YAML shares, plus \uXXXX for the characters YAML calls non-printable or line breaks, so any
 * answer reads back exactly and no reader meets a raw control character.
 */
import { isAscii } from '../core/text/ascii.js';

export const FRONT_MATTER_FENCE = '---';

const INDENT = '  ';

export function stringifyFrontMatter(data: object): string {
  if (isEmpty(data)) return `${FRONT_MATTER_FENCE}\n{}\n${FRONT_MATTER_FENCE}\n`;
  // The lines are gathered and joined once: a note of 2,000 answers, added to one string piece by
  // piece, was a deep chain of pieces that writing the note then had to copy out.
  const lines = [`${FRONT_MATTER_FENCE}\n`];
  collection(data, '', lines);
  lines.push(`${FRONT_MATTER_FENCE}\n`);
  return lines.join('');
}

/** Adds the lines of a non-empty map or list to `out`, each starting with the indent. */
function collection(value: object, indent: string, out: string[]): void {
  const childIndent = `${indent}${INDENT}`;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) entry(`${indent}-`, item, childIndent, true, out);
    return;
  }
  const map = plainMap(value);
  // Undefined values are left out, as JSON.stringify and the yaml library leave them out. A plain
  // object inherits no enumerable keys, so for-in visits its own in Object.entries' order, without
  // a list of pairs made (and another filtered from it) for every map.
  for (const key in map) {
    const item = map[key];
    if (item !== undefined) entry(`${indent}${mapKey(key)}:`, item, childIndent, false, out);
  }
}

/**
 * One `key:` or `-` entry. A non-empty collection goes on the lines below, indented; a list item's
 * collection starts on the dash's own line (`- id: x`), as the yaml library wrote it.
 */
function entry(lead: string, value: unknown, childIndent: string, inList: boolean, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(`${lead} ${inline(value)}\n`);
    return;
  }
  // The collection is written first and found empty when it wrote nothing, rather than asked
  // first: V8 lists every key of a map of 2,000 answers even to find its first, so asking listed
  // them all a second time.
  const first = out.length;
  if (!inList) out.push(`${lead}\n`);
  collection(value, childIndent, out);
  if (out.length === first + (inList ? 0 : 1)) {
    out.length = first;
    out.push(`${lead} ${inline(value)}\n`);
  } else if (inList) {
    out[first] = `${lead} ${(out[first] ?? '').slice(childIndent.length)}`;
  }
}

function plainMap(value: object): Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw notPlainData();
  return value as Record<string, unknown>;
}

function isEmpty(value: object): boolean {
  if (Array.isArray(value)) return value.length === 0;
  const map = plainMap(value);
  // Stops at the first key: listing the entries cost a note of 2,000 answers a pass over them all.
  for (const key in map) if (map[key] !== undefined) return false;
  return true;
}

function inline(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return scalarString(value);
  if (typeof value === 'number') return scalarNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return Array.isArray(value) ? '[]' : '{}';
  throw notPlainData();
}

/** A bug in coach, not something a user can cause: notes hold answers, flags and scores. */
const notPlainData = (): TypeError => new TypeError('front matter holds only plain objects, lists, strings, numbers, booleans and null');

/**
 * YAML 1.1 reads these as booleans or null, and 1.2 reads true, false and null; they are quoted in
 * any mix of case, whatever case a reader accepts. Everything else that 1.1 or 1.2 reads as a
 * number, date or null starts with a digit, a sign, a dot or `~`, which the plain rule quotes.
 */
const RESERVED_WORDS = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null']);
/** Longer text is none of them, and is not lower-cased to find that out. */
const LONGEST_RESERVED = 5;
const isReserved = (text: string): boolean => text.length <= LONGEST_RESERVED && RESERVED_WORDS.has(text.toLowerCase());

/**
 * A letter first (no indicator, quote, digit or space), then nothing YAML treats as a line break
 * or non-printable: control characters (tab, CR, LF, NEL), U+2028/2029, the byte order mark,
 * U+FFFE/FFFF and lone surrogates (which UTF-8 cannot even store). Made when first needed, for
 * text that is not ASCII: V8 builds the Unicode classes from ICU's tables when it makes the
 * expression, which a module-level one cost every run that writes a note.
 */
const plainCharacters = (): RegExp => /^\p{L}[^\p{Cc}\p{Cs}\u2028\u2029\uFEFF\uFFFE\uFFFF]*$/u;
/**
 * The same rule for ASCII text, which is most of what notes hold: a letter, then printable ASCII
 * (its twin, core/text/ascii.ts). V8 runs the Unicode classes above some fifteen times slower;
 * over a note of 2,000 answers that was a third of writing it.
 */
const PLAIN_ASCII = /^[A-Za-z][\x20-\x7E]*$/;

const TRAILING_SPACE = /\s$/;

/** What a plain scalar must not contain: a `: ` ends a key, ` #` starts a comment. */
function isPlainSafe(text: string): boolean {
  return (
    // Text the ASCII rule takes is ASCII; only text it refuses is asked whether it is.
    (PLAIN_ASCII.test(text) || (!isAscii(text) && plainCharacters().test(text))) &&
    !TRAILING_SPACE.test(text) &&
    !text.endsWith(':') &&
    !text.includes(': ') &&
    !text.includes(' #') &&
    !isReserved(text)
  );
}

/** JSON.stringify leaves these raw; YAML readers reject them or break lines at them. */
const RAW_NON_PRINTABLE = /[\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g;

function scalarString(text: string): string {
  return isPlainSafe(text) ? text : doubleQuoted(text);
}

function doubleQuoted(text: string): string {
  return JSON.stringify(text).replace(RAW_NON_PRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function scalarNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  if (Object.is(value, -0)) return '-0';
  const text = String(value);
  // YAML 1.1 reads an exponent as a number only after a decimal point (1.0e-7, not 1e-7).
  return text.includes('e') && !text.includes('.') ? text.replace('e', '.0e') : text;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Question ids and the note's own keys are plain; anything else a reader could misread is quoted. */
function mapKey(key: string): string {
  return PLAIN_KEY.test(key) && !isReserved(key) ? key : doubleQuoted(key);
}
