/**
 * The simple reader must either decline or agree with the yaml library exactly. It is checked
 * on every YAML file in the repository, on thousands of mutations of them (lines dropped, doubled,
 * re-indented, YAML-significant characters inserted), and on a table of known traps.
 */
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parsePlaybook, parseReportingProblems } from '../../src/engine/parse-playbook.js';
import { readSimpleYaml, toCoreData } from '../../src/engine/simple-yaml.js';
import { writeGeneratedPlaybook } from '../bench/fixtures.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : yamlFiles(path);
    return entry.name.endsWith('.yaml') ? [path] : [];
  });
}

const corpus = [...yamlFiles(join(repo, 'playbooks')), ...yamlFiles(join(repo, 'tests/fixtures'))].map((path) => ({
  name: relative(repo, path),
  text: readFileSync(path, 'utf8'),
}));

/** What the library reads, as playbooks are read: YAML 1.2, strict, unique keys; undefined on any error. */
function libraryRead(text: string): { data: unknown } | undefined {
  const doc = parseDocument(text, { version: '1.2', uniqueKeys: true, strict: true, prettyErrors: false });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  return { data: doc.toJS({ maxAliasCount: 100 }) };
}

function simpleRead(text: string): { data: unknown } | undefined {
  const node = readSimpleYaml(text);
  if (node === undefined) return undefined;
  const data = toCoreData(node);
  return data === undefined ? undefined : { data };
}

/** The property: declined, or read exactly as the library reads it (and never where the library fails). */
function expectAgreement(text: string): void {
  const simple = simpleRead(text);
  if (simple === undefined) return;
  const library = libraryRead(text);
  expect(library, `the library rejects what the simple reader accepted:\n${text}`).toBeDefined();
  expect(simple.data, text).toStrictEqual(library?.data);
}

describe('readSimpleYaml', () => {
  it.each(corpus.filter(({ name }) => !name.includes('broken') && !name.includes('two-documents')))('reads $name exactly as the yaml library does', ({ text }) => {
    const simple = simpleRead(text);
    // Every shipped playbook and fixture is plain enough: if this fails, the fast path was lost.
    expect(simple).toBeDefined();
    expect(simple?.data).toStrictEqual(libraryRead(text)?.data);
  });

  it('reads a generated 2,000-question playbook exactly as the yaml library does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-simple-yaml-'));
    try {
      const { playbook, answers } = writeGeneratedPlaybook(dir, 'big', 100, 20);
      for (const path of [playbook, answers]) {
        const text = readFileSync(path, 'utf8');
        expect(simpleRead(text)).toBeDefined();
        expect(simpleRead(text)?.data).toStrictEqual(libraryRead(text)?.data);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(corpus)('agrees with the library or declines on mutations of $name', ({ text }) => {
    const lines = text.split('\n');
    const significant = [' ', '  ', '-', '- ', ':', ': ', '#', ' #', "'", '"', '[', ']', '{', '}', ',', '|', '>', '\n', '&a ', '*a', '!', '?', 'x', '0', '\\', '~', '%', '@', '...', '---'];
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('drop' as const), line: fc.nat() }),
      fc.record({ kind: fc.constant('double' as const), line: fc.nat() }),
      fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: fc.constantFrom(...significant) }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        let mutated = [...lines];
        for (const change of mutations) {
          if (change.kind === 'insert') {
            const joined = mutated.join('\n');
            const at = change.at % (joined.length + 1);
            mutated = (joined.slice(0, at) + change.what + joined.slice(at)).split('\n');
            continue;
          }
          const index = change.line % mutated.length;
          const line = mutated[index] ?? '';
          if (change.kind === 'drop') mutated.splice(index, 1);
          if (change.kind === 'double') mutated.splice(index, 0, line);
          if (change.kind === 'indent') mutated[index] = change.by >= 0 ? ' '.repeat(change.by) + line : line.replace(new RegExp(`^ {0,${-change.by}}`), '');
        }
        expectAgreement(mutated.join('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['plain words', 'a: hello world\n'],
    ['core schema values', 'a: 007\nb: -1\nc: +3\nd: 1.50\ne: .5\nf: true\ng: False\nh: NULL\ni: ~\nj: no\nk: on\nl: 12:30\nm: 2026-11-25\nn:\n'],
    ['values left to the library', 'a: 0x1F\n'],
    ['exponents', 'a: 1e3\n'],
    ['infinity', 'a: -.inf\n'],
    ['quotes and escapes', `a: "tab\\tand \\u00e9 and \\"q\\""\nb: 'it''s'\nc: "\\x41"\nd: "\\/"\n`],
    ['comments', '# top\na: b # trailing\n  # indented comment\nc: "d" # after quotes\n'],
    ['hash without a space', 'a: b#c\n'],
    ['colon inside a word', 'a: b:c\n'],
    ['colon and space', 'a: b: c\n'],
    ['literal text', 'a: |\n  one\n\n  two\n    indented\nb: |-\n  x\n'],
    ['folded text', 'a: >\n  one\n  two\n\n  three\nb: >-\n  x\n  y\n'],
    ['folded text with a more-indented line', 'a: >\n  one\n    two\n'],
    ['keep chomping', 'a: |+\n  one\n\nb: 1\n'],
    ['block text at the end without a newline', 'a: |\n  one'],
    ['block text with leading blank lines', 'a: |\n\n  one\n'],
    ['a comment after block text', 'a: |\n    one\n  # note\nb: 2\n'],
    ['lists at the key indentation', 'a:\n- 1\n- two\nb: x\n'],
    ['compact maps in lists', 'a:\n  - id: x\n    n: 1\n  - id: y\n    list:\n      - a\n'],
    ['nested lists', 'a:\n  - - x\n'],
    ['flow collections', 'a: [x, "y", 3, { k: v, l: [1, 2] }]\nb: {}\nc: []\n'],
    ['flow trailing comma', 'a: [x, y, ]\n'],
    ['flow scalars with spaces', 'a: { label: Frustrated - something has gone wrong, v: it\'s }\n'],
    ['flow pair in a sequence', 'a: [k: v]\n'],
    ['an unclosed flow collection', 'a: [x, y\n  , z]\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['__proto__', '__proto__: 1\n'],
    ['a document marker', '---\na: 1\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['tabs', 'a:\tb\n'],
    ['a no-break space where indentation would be', 'a:\n\u00a0b: 1\nc: \u00a0x\n'],
    ['CRLF', 'a: b\r\nc: d\r\n'],
    ['a top-level list', '- a\n- b: c\n'],
    ['a top-level scalar', 'hello\n'],
    ['empty', ''],
    ['only comments', '# nothing\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a key without a space after the colon', 'a:b\n'],
    ['a null key', 'null: 1\n'],
    ['a quoted key', '"a b": 1\n'],
    ['deep nesting', `${Array.from({ length: 40 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n')} x\n`],
  ])('%s: declined or read as the library does', (_name, text) => {
    expectAgreement(text);
  });

  it.each([
    ['plain words', 'a: hello world\n', { a: 'hello world' }],
    ['core schema values', 'a: 007\nb: 1.50\nc: False\nd: ~\ne: no\nf: 12:30\ng:\n', { a: 7, b: 1.5, c: false, d: null, e: 'no', f: '12:30', g: null }],
    ['literal and folded text', 'a: |\n  one\n\n  two\nb: >-\n  x\n  y\n', { a: 'one\n\ntwo\n', b: 'x y' }],
    ['flow collections', 'a: [x, { k: "v" }]\n', { a: ['x', { k: 'v' }] }],
    ['compact maps in lists', 'a:\n- id: x\n  n: 1\n', { a: [{ id: 'x', n: 1 }] }],
  ])('reads %s itself rather than declining', (_name, text, expected) => {
    expect(simpleRead(text)?.data).toStrictEqual(expected);
  });
});

describe('parsePlaybook through the simple reader', () => {
  it.each(corpus.filter(({ name }) => name.startsWith('playbooks/') || name.includes('/valid/') || name.includes('/guide/')))(
    'gives $name the same playbook as the yaml library path',
    ({ name, text }) => {
      expect(parsePlaybook(text, name)).toStrictEqual(parseReportingProblems(text, name));
    },
  );
});
