/**
 * An answers file read by the simple reader must give exactly what the yaml library path gives:
 * the same answers with the same `file:line` origins, or (where the simple reader declines) the
 * library's own message. Checked on real answers files, mutations of them, and known traps.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/files/read-answers.js';
import { parseAnswersWithLibrary } from '../../src/files/read-answers-with-library.js';
import { writeGeneratedPlaybook } from '../bench/fixtures.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

async function outcome(read: () => unknown): Promise<unknown> {
  try {
    return { answers: await read() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

async function expectSameAsLibrary(text: string): Promise<void> {
  expect(await outcome(() => parseAnswers(text, 'a.yaml')), text).toStrictEqual(await outcome(() => parseAnswersWithLibrary(text, 'a.yaml')));
}

describe('parseAnswers', () => {
  const fixture = readFileSync(join(repo, 'tests/fixtures/answers/two-questions.yaml'), 'utf8');

  it('reads the answers fixture as the library does', async () => {
    await expectSameAsLibrary(fixture);
  });

  it('reads a generated answers file for 2,000 questions as the library does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-answers-'));
    try {
      await expectSameAsLibrary(readFileSync(writeGeneratedPlaybook(dir, 'big', 100, 20).answers, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('agrees with the library on mutations of a real answers file', async () => {
    const significant = [' ', '  ', '- ', ':', ': ', '#', "'", '"', '[', ']', '{', '}', ',', '|', '\n', '&a ', '*a', '!!str ', 'x', '~', '__proto__: '];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.nat(), what: fc.constantFrom(...significant) }), { minLength: 1, maxLength: 3 }), async (inserts) => {
        let text = fixture;
        for (const { at, what } of inserts) {
          const position = at % (text.length + 1);
          text = text.slice(0, position) + what + text.slice(position);
        }
        await expectSameAsLibrary(text);
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ['plain and quoted text', 'need: a firm date\nwhen: "12:30"\nok: no\ncode: 007\n'],
    ['an empty answer', 'need:\nwhy: ""\n'],
    ['lists', 'signals:\n  - late replies\n  - "copied the boss"\nmore: [a, b]\n'],
    ['block text', 'story: |\n  They called twice.\n\n  Then wrote.\n'],
    ['a nested map', 'need:\n  a: b\n'],
    ['a list of maps', 'need:\n  - a: b\n'],
    ['a repeated id', 'need: a\nneed: b\n'],
    ['__proto__', '__proto__: x\n'],
    ['a top-level list', '- a\n'],
    ['empty', ''],
    ['two documents', 'a: 1\n---\nb: 2\n'],
  ])('%s: same answers or message as the library', async (_name, text) => {
    await expectSameAsLibrary(text);
  });
});
