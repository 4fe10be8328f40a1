/**
 * A note's front matter must give back every answer exactly, whatever the user typed: to coach,
 * which reads YAML 1.2, and to the notes apps and scripts that read it with YAML 1.1 parsers,
 * where `no`, `on`, `12:30` and `2026-11-25` are not strings. coach writes the front matter
 * itself (front-matter-emitter.ts, so a prep need not load the yaml library), so these tests read
 * it back with the yaml library under both versions, and check that no raw control character or
 * line separator reaches a reader.
 */
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { stringifyFrontMatter } from '../../src/formats/front-matter-emitter.js';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { splitFrontMatter } from '../../src/formats/front-matter-split.js';
import { noteFromWalk } from '../../src/core/note/note.js';
import { parsePlaybook } from '../../src/core/playbook/parse-playbook.js';
import { renderMarkdown } from '../../src/core/note/render-markdown.js';
import { UNICODE_SPACES } from '../helpers/unicode-spaces.js';

const playbook = parsePlaybook(
  `
id: round-trip
title: Round trip
summary: Text answers of every kind.
source: Tests
prep:
  steps:
    - id: s
      title: S
      questions:
        - { id: one, type: text, prompt: One? }
        - { id: two, type: long, prompt: Two? }
        - { id: many, type: list, prompt: Many? }
`,
  'round-trip.yaml',
);

/** The strings that break hand-written front matter, mixed into arbitrary Unicode. */
const tricky = fc.constantFrom('\n', '---', '\n---\n', 'key: value', '"', "'", 'no', 'on', 'yes', '~', 'null', '12:30', '007', '1e3', '\u2028', '\u2029', '\u0085', ' ', '\t', '#', '- ', '[a]', '{b}', '&a', '*a', '!tag', '%', '@', '`', '|', '>', '\r\n', 'é', '日本語', '🙂', ...UNICODE_SPACES);
const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), tricky);
const answerText = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')).filter((text) => text.trim() !== '');

function render(one: string, two: string, many: string[], customer: string, title: string): string {
  const note = noteFromWalk(
    playbook,
    'prep',
    { context: { customer, title, date: '2026-11-22' }, answers: { one, two, many }, flags: [], scores: [] },
    new Date('2026-11-22T09:30:00Z'),
  );
  return renderMarkdown(note, playbook);
}

/** The front matter's data as the yaml library reads it under one YAML version. */
function readAs(version: '1.1' | '1.2', note: string): unknown {
  const split = splitFrontMatter(note);
  if (!split) throw new Error(`no front matter in:\n${note}`);
  return parse(split.frontMatter, { version, uniqueKeys: true });
}

/**
 * Characters a YAML reader must never meet raw: what YAML calls non-printable (C0 and C1
 * controls, DEL, lone surrogates, U+FFFE/FFFF), tabs, carriage returns, and what YAML 1.1 treats
 * as line breaks (U+0085, U+2028, U+2029); and the byte order mark.
 */
const RAW_UNSAFE = /[\p{Cc}\p{Cs}\u2028\u2029\uFEFF\uFFFE\uFFFF]/u;
const unsafeCharacters = (text: string): string[] => [...text.replaceAll('\n', '')].filter((char) => RAW_UNSAFE.test(char));

/** Words YAML 1.1 or 1.2 reads as booleans, null, numbers or dates when they are left plain. */
const RESERVED = ['y', 'Y', 'n', 'N', 'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', 'nULL', 'yEs', '~', '', '='];
const NUMBERS_AND_DATES = ['007', '0o17', '0x1F', '0b101', '1_000', '+1', '-1', '1e3', '1.5', '.5', '.inf', '-.Inf', '.NaN', '12:30', '190:20:30', '12:30.5', '2026-11-25', '2026-11-25T09:30:00Z', '2026-11-25 09:30:00'];
const STRUCTURE = ['key: value', 'ends with a colon:', 'a # comment', '#hash', '- item', '-', '---', '...', '? key', '[a]', '{b}', '&anchor', '*alias', '!tag', '%TAG', '@at', '`tick', '|', '>', "'single'", '"double"', ',comma', ' padded ', 'trailing ', 'tab\there', 'line\nbreak', 'cr\rlf', '<<'];
const CHARACTERS = ['x\u2028y', 'x\u2029y', 'x\u0085y', '\uFEFFbom', 'bom\uFEFF', 'del\u007F', 'c1\u009B', 'nul\u0000', 'bell\u0007', 'esc\u001B[31m', 'lone \uD800 surrogate', '\uDC00', 'not a character \uFFFF', 'nbsp\u00A0', 'back\\slash', 'é', '日本語', '🙂'];

describe('front matter round trip', () => {
  it('reads back exactly the answers and context that were written, whatever they contain', () => {
    fc.assert(
      fc.property(answerText, answerText, fc.array(answerText, { minLength: 1, maxLength: 3 }), answerText, answerText, (one, two, many, customer, title) => {
        const note = render(one, two, many, customer, title);
        const data = parseFrontMatter(note);
        expect(data?.['answers']).toEqual({ one, two, many });
        expect(data?.['customer']).toBe(customer);
        expect(data?.['title']).toBe(title);
        expect(data?.['date']).toBe('2026-11-22');
        expect(readAs('1.1', note)).toEqual(readAs('1.2', note));
      }),
      { numRuns: 300 },
    );
  });

  it.each(['no', 'on', '12:30', '007', 'key: value', '---', 'line\n---\nkey: value', ' padded ', 'x\u2028y'])('keeps %j as the same string', (text) => {
    const data = parseFrontMatter(render(text, text, [text], text, text));
    expect(data?.['answers']).toEqual({ one: text, two: text, many: [text] });
    expect(data?.['customer']).toBe(text);
  });
});

/** The YAML 1.1 spec's patterns for decimal ints and floats: a float's exponent needs a decimal point and a sign. */
const YAML_1_1_NUMBER = /^(?:[-+]?(?:0|[1-9][0-9_]*)|[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Plain data of any shape, with strings (and keys) built from the pieces that break YAML. */
const hostileText = fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), tricky, fc.constantFrom(...RESERVED, ...NUMBERS_AND_DATES, ...STRUCTURE, ...CHARACTERS));
const leaf = fc.oneof(hostileText, fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(hostileText, fc.option(tie('tree'), { nil: undefined }), { maxKeys: 4 }),
  ),
}));

/** The data as it should read back: keys with undefined values are left out, as JSON leaves them out. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).flatMap(([key, item]) => (item === undefined ? [] : [[key, withoutUndefined(item)]])));
}

describe('front matter writer', () => {
  it('writes any plain data so that YAML 1.2 and YAML 1.1 both read back exactly that data', () => {
    fc.assert(
      fc.property(fc.dictionary(hostileText, tree, { maxKeys: 5 }), (data) => {
        const note = stringifyFrontMatter(data);
        expect(readAs('1.2', note)).toEqual(withoutUndefined(data));
        expect(readAs('1.1', note)).toEqual(withoutUndefined(data));
        expect(unsafeCharacters(note)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it.each([...RESERVED, ...NUMBERS_AND_DATES, ...STRUCTURE, ...CHARACTERS])('writes %j as a value and as a key that both YAML versions read as that string', (text) => {
    const data = { value: text, list: [text], [text]: 'key' };
    const note = stringifyFrontMatter(data);
    expect(readAs('1.2', note)).toEqual(data);
    expect(readAs('1.1', note)).toEqual(data);
    expect(unsafeCharacters(note)).toEqual([]);
  });

  it('writes numbers that both YAML versions read as the same number (1.1 needs a decimal point before an exponent)', () => {
    const numbers = [0, -0, 7, -12, 0.5, 1e21, 1e-7, 5e-324, 1.7976931348623157e308, 2 ** 53, NaN, Infinity, -Infinity];
    const note = stringifyFrontMatter({ numbers });
    expect(readAs('1.2', note)).toEqual({ numbers });
    expect(readAs('1.1', note)).toEqual({ numbers });
    // The yaml library's 1.1 schema also reads `1e-7` as a number; the 1.1 spec (and PyYAML) does not.
    const written = note.split('\n').filter((line) => line.startsWith('  - ')).map((line) => line.slice(4));
    expect(written.filter((text) => !YAML_1_1_NUMBER.test(text))).toEqual([]);
  });

  it.each(['Acme Corp', "O'Brien & Sons", 'Renewal, Q3 [draft]', 'C# and F#', 'https://example.com/a?b=c', 'Émile Zola', 'Yes please', 'Northgate'])('leaves ordinary text %j unquoted', (text) => {
    expect(stringifyFrontMatter({ customer: text })).toBe(`---\ncustomer: ${text}\n---\n`);
  });

  it('writes text plain only when it starts with a letter and holds nothing YAML could misread, in any script', () => {
    const plain = ['Acme Corp', 'listen first, then the plan', 'Ça va', 'Łódź office', '日本の顧客', 'Say "sorry" once', 'a~b', 'Zed!'];
    const quoted = ['12 units', ' leading space', 'trailing ', 'tab\there', 'bell\u0007', 'del\u007f', 'nel\u0085', 'line\u2028sep', 'no', 'On', '- dash', 'key: value', 'a #tag', 'ends:', 'é\u0000'];
    for (const text of plain) expect(stringifyFrontMatter({ v: text }), text).toBe(`---\nv: ${text}\n---\n`);
    for (const text of quoted) expect(stringifyFrontMatter({ v: text }), text).toMatch(/^---\nv: ".*"\n---\n$/s);
  });

  it('lays out maps and lists as notes have always been written', () => {
    const note = stringifyFrontMatter({ coach: 1, date: '2026-11-25', answers: { many: ['a', 'b'], none: [], yes: true, skipped: undefined }, flags: [{ id: 'x', level: 'tip', actions: ['Do: it'] }], scores: [], extra: {} });
    expect(note).toBe(
      [
        '---',
        'coach: 1',
        'date: "2026-11-25"',
        'answers:',
        '  many:',
        '    - a',
        '    - b',
        '  none: []',
        '  "yes": true',
        'flags:',
        '  - id: x',
        '    level: tip',
        '    actions:',
        '      - "Do: it"',
        'scores: []',
        'extra: {}',
        '---',
        '',
      ].join('\n'),
    );
  });
});
