/**
 * A reader for the plain, everyday subset of YAML that playbooks, answers files and notes are
 * written in: block maps and lists, one-line flow `[...]` and `{...}`, quoted and plain scalars,
 * and `|` / `>` block text. The yaml library reads about a megabyte a second on a cold start,
 * which is most of what `coach playbooks validate` and a long playbook cost; this reads the same
 * files tens of times faster.
 *
 * It never guesses. Anything outside the subset (tags, anchors, directives, multi-line plain or
 * quoted text, tabs, odd indentation, repeated keys, `__proto__`, anything it is unsure YAML
 * would read the same way) makes it return undefined, and the caller reads the file with the
 * yaml library, which also gives the error messages with their positions. What it does return
 * equals what the yaml library returns: tests/engine/simple-yaml.test.ts checks that against the
 * library on every shipped file and on generated and mutated ones.
 */
import { FORBIDDEN_KEYS, YAML_LIMITS } from './yaml-limits.js';

/**
 * Deeper than any real playbook, and well inside the library path's own limit (which counts a
 * little differently), so a file this reader accepts is never one the library would refuse.
 */
const MAX_DEPTH = YAML_LIMITS.maxDepth / 2;
/** Likewise for how far right a key or value may start (the library path measures columns). */
const MAX_COLUMN = YAML_LIMITS.maxColumn - 2;

export type SimpleNode = SimpleScalar | SimpleMap | SimpleSeq;

export interface SimpleScalar {
  kind: 'scalar';
  text: string;
  /** Unquoted and not block text: only these can mean null, a boolean or a number. */
  plain: boolean;
}
export interface SimpleMap {
  kind: 'map';
  entries: SimpleEntry[];
}
export interface SimpleEntry {
  key: string;
  /** 1-based line of the key, for messages that point at an entry. */
  line: number;
  /** null when nothing follows the colon. */
  value: SimpleNode | null;
}
export interface SimpleSeq {
  kind: 'seq';
  items: (SimpleNode | null)[];
}

/** Stops the read: the text is outside the subset, and the yaml library takes it from here. */
class Decline extends Error {}
const decline = (): never => {
  throw new Decline();
};

// Control characters, tabs, carriage returns and byte-order marks change how YAML reads a line.
const UNUSUAL_CHARACTER = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
const NOT_A_STRING_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
// Characters that give a plain scalar's first character a YAML meaning (or that we leave alone).
const INDICATOR_START = new Set([...'-?:,[]{}#&*!|>\'"%@`']);

/** The document's top-level node; null for an empty document; undefined when outside the subset. */
export function readSimpleYaml(text: string): SimpleNode | null | undefined {
  if (UNUSUAL_CHARACTER.test(text)) return undefined;
  try {
    return new Reader(text).document();
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}

class Reader {
  private readonly lines: string[];
  /** Block text that runs to the end of a file without a final newline has no line break to keep. */
  private readonly endsWithoutNewline: boolean;
  private index = 0;
  private depth = 0;

  constructor(text: string) {
    this.lines = text.split('\n');
    // A final newline leaves an empty last line.
    this.endsWithoutNewline = this.lines[this.lines.length - 1] !== '';
    if (!this.endsWithoutNewline) this.lines.pop();
  }

  document(): SimpleNode | null {
    for (const line of this.lines) {
      if (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) decline();
    }
    if (!this.skipToContent()) return null;
    const node = this.block(indentOf(this.current()), -1);
    if (this.skipToContent()) decline();
    return node;
  }

  private current(): string {
    return this.lines[this.index] ?? '';
  }

  /** Moves past blank and comment lines; false at the end of the text. */
  private skipToContent(): boolean {
    while (this.index < this.lines.length) {
      const line = this.current();
      const indent = indentOf(line);
      if (indent < line.length && line[indent] !== '#') return true;
      this.index++;
    }
    return false;
  }

  /** A block map or list whose first line starts at `indent` (more than the parent's). */
  private block(indent: number, parentIndent: number): SimpleNode {
    if (indent <= parentIndent || indent > MAX_COLUMN) decline();
    if (++this.depth > MAX_DEPTH) decline();
    const content = this.current().slice(indent);
    const node = content === '-' || content.startsWith('- ') ? this.seq(indent) : this.map(indent);
    this.depth--;
    return node;
  }

  private map(indent: number): SimpleMap {
    const entries: SimpleEntry[] = [];
    const seen = new Set<string>();
    while (this.skipToContent()) {
      const line = this.current();
      const lineIndent = indentOf(line);
      if (lineIndent < indent) break;
      if (lineIndent > indent) decline();
      const colon = line.indexOf(':', indent);
      if (colon === -1) decline();
      const key = line.slice(indent, colon);
      if (!isPlainKey(key) || seen.has(key)) decline();
      const after = line.slice(colon + 1);
      if ((after !== '' && after[0] !== ' ') || colon + 1 + indentOf(after) > MAX_COLUMN) decline();
      seen.add(key);
      const keyLine = this.index + 1;
      entries.push({ key, line: keyLine, value: this.value(after, indent, true) });
    }
    return { kind: 'map', entries };
  }

  private seq(indent: number): SimpleSeq {
    const items: (SimpleNode | null)[] = [];
    while (this.skipToContent()) {
      const line = this.current();
      const lineIndent = indentOf(line);
      if (lineIndent < indent) break;
      if (lineIndent > indent) decline();
      const content = line.slice(indent);
      if (content !== '-' && !content.startsWith('- ')) break;
      const rest = content.slice(1);
      const offset = indentOf(rest);
      const inner = rest.slice(offset);
      if (indent + 1 + offset > MAX_COLUMN) decline();
      if (inner !== '' && inner[0] !== '#' && looksLikeKey(inner)) {
        // `- id: x` starts a map whose keys line up under `id`: read this line as if the dash were a space.
        this.lines[this.index] = ' '.repeat(indent + 1 + offset) + inner;
        items.push(this.block(indent + 1 + offset, indent));
      } else {
        items.push(this.value(rest, indent, false));
      }
    }
    return { kind: 'seq', items };
  }

  /**
   * What follows `key:` or `- ` on the current line (`rest`, starting with a space or empty), plus
   * any lines that belong to it. `parentIndent` is the column of the key or the dash.
   */
  private value(rest: string, parentIndent: number, inMap: boolean): SimpleNode | null {
    const trimmed = rest.trim();
    this.index++;
    if (trimmed === '' || trimmed[0] === '#') {
      if (!this.skipToContent()) return null;
      const next = this.current();
      const nextIndent = indentOf(next);
      if (nextIndent > parentIndent) return this.block(nextIndent, parentIndent);
      // A list may sit at its key's own indentation: `key:` then `- item` lines.
      const content = next.slice(nextIndent);
      if (inMap && nextIndent === parentIndent && (content === '-' || content.startsWith('- '))) {
        if (++this.depth > MAX_DEPTH) decline();
        const seq = this.seq(nextIndent);
        this.depth--;
        return seq;
      }
      return null;
    }
    const first = trimmed[0] ?? '';
    if (first === '|' || first === '>') return this.blockText(trimmed, parentIndent);
    // A more-indented line after this one would continue it: the caller's loop declines that line.
    return first === '[' || first === '{' ? new FlowReader(trimmed, this.depth, this.index).whole() : lineScalar(trimmed);
  }

  /** `|` or `>` text, with the default or `-` chomping, and no indentation digit. */
  private blockText(header: string, parentIndent: number): SimpleScalar {
    const folded = header[0] === '>';
    const chomp = header[1] === '-' ? 'strip' : 'clip';
    const afterHeader = header.slice(chomp === 'strip' ? 2 : 1);
    if (afterHeader !== '' && !/^ +#/.test(afterHeader)) decline();
    const body: string[] = [];
    let contentIndent = -1;
    let trailingBlank = 0;
    while (this.index < this.lines.length) {
      const line = this.current();
      const indent = indentOf(line);
      if (indent === line.length) {
        // Blank: part of the text only if more text follows; extra spaces on it would be content.
        if (contentIndent === -1 || indent > contentIndent) decline();
        trailingBlank++;
        this.index++;
        continue;
      }
      if (contentIndent === -1) {
        if (indent <= parentIndent) decline();
        contentIndent = indent;
      }
      if (indent < contentIndent) break;
      // More-indented lines keep their line breaks in folded text; leave that to the library.
      if (indent > contentIndent && folded) decline();
      for (; trailingBlank > 0; trailingBlank--) body.push('');
      body.push(line.slice(contentIndent));
      this.index++;
    }
    if (body.length === 0) decline();
    if (this.endsWithoutNewline && this.index === this.lines.length && trailingBlank === 0) decline();
    const text = folded ? fold(body) : body.join('\n');
    return { kind: 'scalar', text: chomp === 'clip' ? `${text}\n` : text, plain: false };
  }
}

/** Folded text: a single line break becomes a space, each blank line a line break. */
function fold(lines: string[]): string {
  let text = lines[0] ?? '';
  let blanks = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') {
      blanks++;
      continue;
    }
    text += blanks === 0 ? ` ${line}` : '\n'.repeat(blanks) + line;
    blanks = 0;
  }
  return text;
}

/** A scalar that is the rest of a line: quoted, or plain up to a ` #` comment. */
function lineScalar(text: string): SimpleScalar {
  const first = text[0] ?? '';
  if (first === '"' || first === "'") {
    const { value, end } = quoted(text, 0);
    const rest = text.slice(end);
    if (rest.trim() !== '' && !/^ +#/.test(rest)) decline();
    return { kind: 'scalar', text: value, plain: false };
  }
  const comment = text.indexOf(' #');
  const value = (comment === -1 ? text : text.slice(0, comment)).trimEnd();
  if (INDICATOR_START.has(first) || value.includes(': ') || value.endsWith(':')) decline();
  return { kind: 'scalar', text: value, plain: true };
}

/** A quoted scalar that opens at `start` and closes on the same line. */
function quoted(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let index = start + 1;
  for (;;) {
    const next = text.indexOf(quote ?? '', index);
    if (next === -1) decline();
    if (quote === "'" && text[next + 1] === "'") {
      index = next + 2;
      continue;
    }
    if (quote === '"' && isEscaped(text, next)) {
      index = next + 1;
      continue;
    }
    const body = text.slice(start, next + 1);
    if (quote === "'") return { value: body.slice(1, -1).replaceAll("''", "'"), end: next + 1 };
    // JSON's escapes are a subset of YAML's, and mean the same; a YAML-only one makes JSON.parse throw.
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      decline();
    }
    if (typeof value !== 'string') decline();
    return { value: value as string, end: next + 1 };
  }
}

function isEscaped(text: string, index: number): boolean {
  let slashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) slashes++;
  return slashes % 2 === 1;
}

/** `word:` followed by a space or the end of the line, as a map entry begins. */
function looksLikeKey(text: string): boolean {
  const colon = text.indexOf(':');
  return colon > 0 && (colon === text.length - 1 || text[colon + 1] === ' ') && isPlainKey(text.slice(0, colon));
}

/**
 * A key written as a plain word (`id`, `when_to_use`, `q-1`) that YAML reads as that same string:
 * not null or a boolean, and not one that could reach an object's prototype.
 */
function isPlainKey(key: string): boolean {
  const first = key.charCodeAt(0);
  if (!((first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a) || first === 0x5f)) return false;
  for (let i = 1; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const word = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;
    if (!word) return false;
  }
  return !(key.length <= 5 && NOT_A_STRING_KEY.test(key)) && !FORBIDDEN_KEYS.has(key);
}

function indentOf(line: string): number {
  let indent = 0;
  while (line.charCodeAt(indent) === 0x20) indent++;
  return indent;
}

/** One-line `[a, b]` and `{ key: value }`, nested as deep as the limits allow. */
class FlowReader {
  private position = 0;

  constructor(
    private readonly text: string,
    private depth: number,
    /** The 1-based line the collection is on, for its entries. */
    private readonly line: number,
  ) {}

  /** The collection must take the whole value, up to an optional comment. */
  whole(): SimpleNode {
    const node = this.collection();
    const rest = this.text.slice(this.position);
    if (rest.trim() !== '' && !/^ +#/.test(rest)) decline();
    return node;
  }

  private collection(): SimpleNode {
    if (++this.depth > MAX_DEPTH) decline();
    const open = this.text[this.position];
    this.position++;
    const node = open === '[' ? this.flowSeq() : this.flowMap();
    this.depth--;
    return node;
  }

  private flowSeq(): SimpleSeq {
    const items: SimpleNode[] = [];
    this.spaces();
    if (this.text[this.position] === ']') {
      this.position++;
      return { kind: 'seq', items };
    }
    for (;;) {
      items.push(this.node());
      if (this.separator(']')) return { kind: 'seq', items };
    }
  }

  private flowMap(): SimpleMap {
    const entries: SimpleEntry[] = [];
    const seen = new Set<string>();
    this.spaces();
    if (this.text[this.position] === '}') {
      this.position++;
      return { kind: 'map', entries };
    }
    for (;;) {
      const colon = this.text.indexOf(':', this.position);
      if (colon === -1 || this.text[colon + 1] !== ' ') decline();
      const key = this.text.slice(this.position, colon);
      if (!isPlainKey(key) || seen.has(key)) decline();
      seen.add(key);
      this.position = colon + 1;
      this.spaces();
      entries.push({ key, line: this.line, value: this.node() });
      if (this.separator('}')) return { kind: 'map', entries };
    }
  }

  /** After an entry: `, ` and more entries (false), or the closing bracket (true). */
  private separator(close: string): boolean {
    this.spaces();
    const next = this.text[this.position];
    this.position++;
    if (next === close) return true;
    if (next !== ',') decline();
    this.spaces();
    // A trailing comma, or an empty entry: both legal YAML, both left to the library.
    if (this.text[this.position] === close || this.text[this.position] === ',') decline();
    return false;
  }

  private node(): SimpleNode {
    const first = this.text[this.position];
    if (first === '[' || first === '{') return this.collection();
    if (first === '"' || first === "'") {
      const { value, end } = quoted(this.text, this.position);
      this.position = end;
      return { kind: 'scalar', text: value, plain: false };
    }
    if (first === undefined || INDICATOR_START.has(first)) decline();
    const start = this.position;
    while (this.position < this.text.length && !',[]{}'.includes(this.text[this.position] ?? '')) {
      const c = this.text[this.position];
      // `: ` would make a map, ` #` a comment, and a quote mid-scalar reads oddly in flow: all to the library.
      if ((c === ':' && ' ,[]{}'.includes(this.text[this.position + 1] ?? ' ')) || (c === '#' && this.text[this.position - 1] === ' ')) decline();
      this.position++;
    }
    const text = this.text.slice(start, this.position).trimEnd();
    if (text === '') decline();
    return { kind: 'scalar', text, plain: true };
  }

  private spaces(): void {
    while (this.text[this.position] === ' ') this.position++;
  }
}

const MAYBE_NOT_A_STRING = new Set([...'~nNtTfF0123456789+-.']);
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** The core schema's other non-strings (octal, hex, exponents, infinity, NaN): rare, left to the library. */
const OTHER_NOT_A_STRING = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/**
 * The data the yaml library's toJS() gives under the YAML 1.2 core schema (`007` is 7, `no` is a
 * string), or undefined when a value is one this reader leaves to the library.
 */
export function toCoreData(node: SimpleNode | null): unknown {
  try {
    return coreData(node);
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}

function coreData(node: SimpleNode | null): unknown {
  if (node === null) return null;
  if (node.kind === 'seq') return node.items.map(coreData);
  if (node.kind === 'map') {
    const data: Record<string, unknown> = {};
    for (const entry of node.entries) data[entry.key] = coreData(entry.value);
    return data;
  }
  const { text, plain } = node;
  // Every non-string starts with one of these; most text does not, and skips the tests below.
  if (!plain || !MAYBE_NOT_A_STRING.has(text[0] ?? '~')) return text;
  if (NULL.test(text)) return null;
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  // The library reads these with parseInt and parseFloat too, so big or odd numbers come out alike.
  if (INT.test(text)) return parseInt(text, 10);
  if (FLOAT.test(text)) return parseFloat(text);
  if (OTHER_NOT_A_STRING.test(text)) decline();
  return text;
}
