/**
 * An answers file is read exactly as the yaml library reads it: every scalar the text that was
 * written (the failsafe schema), a plain null (`null`, `~`, nothing) no answer, and anything the
 * library refuses refused. Checked against the library's own `parse` on real answers files,
 * mutations of them, Unicode spaces and line separators anywhere, and a table of exact results.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/formats/answers-file.js';
import { writeGeneratedPlaybook } from '../bench/fixtures.js';
import { UNICODE_SPACES } from '../helpers/unicode-spaces.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** What coach read: each id's answer, or that it refused the file. */
function coachRead(text: string): { answers: Record<string, unknown> } | 'refused' {
  try {
    return { answers: Object.fromEntries([...parseAnswers(text, 'a.yaml')].map(([id, { raw }]) => [id, raw])) };
  } catch {
    return 'refused';
  }
}

/** What the library reads, by its own `parse`: undefined where it refuses or it is not a map of text. */
function libraryRead(text: string): { answers: Record<string, unknown> } | undefined {
  let asText: unknown;
  let asCore: unknown;
  try {
    asText = parse(text, { version: '1.2', schema: 'failsafe', uniqueKeys: true, logLevel: 'error' });
    asCore = parse(text, { version: '1.2', uniqueKeys: true, logLevel: 'error' });
  } catch {
    return undefined;
  }
  if (asText === null || asText === undefined || asText === '') return { answers: {} };
  if (typeof asText !== 'object' || Array.isArray(asText)) return undefined;
  const answers: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(asText as Record<string, unknown>)) {
    const core = (asCore as Record<string, unknown>)[id];
    if (core === null || core === undefined) answers[id] = undefined;
    else if (typeof value === 'string') answers[id] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) answers[id] = value;
    else return undefined;
  }
  return { answers };
}

/** The property: where the library reads a map of text, coach reads the same; where it refuses, so does coach. */
function expectSameAsLibrary(text: string): void {
  const library = libraryRead(text);
  const read = coachRead(text);
  if (library === undefined) {
    // The library refused, or read something that is not answers (a nested map, an alias): coach refuses too.
    expect(read, JSON.stringify(text)).toBe('refused');
    return;
  }
  // Coach refuses a few things the library reads (aliases, tags, prototype keys); otherwise it reads the same.
  if (read === 'refused' && /[&*!]|__proto__|constructor|prototype/.test(text)) return;
  expect(read, JSON.stringify(text)).toStrictEqual(library);
}

describe('parseAnswers', () => {
  const fixture = readFileSync(join(repo, 'tests/fixtures/answers/two-questions.yaml'), 'utf8');

  it('reads the answers fixture as the library does', () => {
    expectSameAsLibrary(fixture);
    expect(coachRead(fixture)).toMatchObject({ answers: { customer: 'Acme Corp', time_cleared: 'yes' } });
  });

  it('reads a generated answers file for 2,000 questions as the library does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-answers-'));
    try {
      const text = readFileSync(writeGeneratedPlaybook(dir, 'big', 100, 20).answers, 'utf8');
      expectSameAsLibrary(text);
      expect(Object.keys((coachRead(text) as { answers: object }).answers)).toHaveLength(2001);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('agrees with the library on mutations of a real answers file', () => {
    const significant = [' ', '  ', '- ', ':', ': ', '#', "'", '"', '[', ']', '{', '}', ',', '|', '\n', '&a ', '*a', '!!str ', 'x', '~', 'null', '__proto__: ', ...UNICODE_SPACES];
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat(), what: fc.constantFrom(...significant) }), { minLength: 1, maxLength: 3 }), (inserts) => {
        let text = fixture;
        for (const { at, what } of inserts) {
          const position = at % (text.length + 1);
          text = text.slice(0, position) + what + text.slice(position);
        }
        expectSameAsLibrary(text);
      }),
      { numRuns: 600 },
    );
  });

  it.each(UNICODE_SPACES.map((space) => [`U+${space.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`, space]))(
    'keeps %s wherever it stands, as YAML does',
    (_name, space) => {
      for (const text of [
        `signals: ${space}# none yet\n`,
        `need_shift_signs: ${space}[a, b]\n`,
        `helpful: listen${space}\n`,
        `${space}need: a\n`,
        `need: a${space}b\n`,
        `need:${space}\n`,
        `need: [a${space}, b]\n`,
        `need: "a${space}"\n`,
        `{"need": "a", "why": null${space}}\n`,
      ]) {
        expectSameAsLibrary(text);
      }
    },
  );

  it.each([
    ['a comment after a no-break space is text', 'signals: \u00a0# none yet\n', { signals: '\u00a0# none yet' }],
    ['a no-break space before a flow list makes it text', 'need_shift_signs: \u00a0[a, b]\n', { need_shift_signs: '\u00a0[a, b]' }],
    ['an ideographic space at the end stays', 'helpful: listen\u3000\n', { helpful: 'listen\u3000' }],
    ['plain and quoted text', 'need: a firm date\nwhen: "12:30"\nok: no\ncode: 007\n', { need: 'a firm date', when: '12:30', ok: 'no', code: '007' }],
    ['JSON null is no answer', '{"need": null, "why": "null"}\n', { need: undefined, why: 'null' }],
    ['YAML nulls are no answer', 'a: ~\nb: NULL\nc:\nd: "~"\n', { a: undefined, b: undefined, c: undefined, d: '~' }],
    ['lists', 'signals:\n  - late replies\n  - "copied the boss"\nmore: [a, b]\n', { signals: ['late replies', 'copied the boss'], more: ['a', 'b'] }],
    ['block text', 'story: |\n  They called twice.\n\n  Then wrote.\n', { story: 'They called twice.\n\nThen wrote.\n' }],
  ])('%s', (_name, text, expected) => {
    expect(coachRead(text)).toStrictEqual({ answers: expected });
    expectSameAsLibrary(text);
  });

  it.each([
    ['a nested map', 'need:\n  a: b\n', /a.yaml:1: "need" must be text or a list, not a nested map/],
    ['a list of maps', 'need:\n  - a: b\n', /a.yaml:1: "need" must be a list of plain entries/],
    ['a repeated id', 'need: a\nneed: b\n', /a.yaml:2: Map keys must be unique/],
    ['__proto__', '__proto__: x\n', /a.yaml:1: "__proto__" is not a question id/],
    ['a top-level list', '- a\n', /a.yaml:1: expected a map of question id to answer/],
    ['two documents', 'a: 1\n---\nb: 2\n', /a.yaml:2: holds more than one YAML document/],
  ])('%s is refused with its line', (_name, text, message) => {
    expect(() => parseAnswers(text, 'a.yaml')).toThrow(message);
  });

  it('reads an empty file as no answers', () => {
    expect(coachRead('')).toStrictEqual({ answers: {} });
  });
});
