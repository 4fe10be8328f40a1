/**
 * "Did you mean" hints: the bounded edit distance gives the same answer as the plain one whenever
 * that answer matters (it is under the bound), and an answers file full of unknown ids gets a
 * readable error: the first few named with hints, the rest counted, the hint search run only for
 * the ones named (counted with a spy, not timed).
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { closest, editDistanceBelow } from '../../../src/core/text/closest.js';
import { runCli, tempDir } from '../../helpers/run-cli.js';

const spy = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../../src/core/text/closest.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/core/text/closest.js')>();
  return {
    ...actual,
    closest: (word: string, candidates: readonly string[]) => {
      spy.calls++;
      return actual.closest(word, candidates);
    },
  };
});

function plainDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

describe('the bounded edit distance', () => {
  it('equals the plain distance when that is under the bound, and is at least the bound otherwise', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 }), fc.integer({ min: 1, max: 8 }), (a, b, bound) => {
        const plain = plainDistance(a, b);
        const bounded = editDistanceBelow(a, b, bound);
        if (plain < bound) expect(bounded).toBe(plain);
        else expect(bounded).toBeGreaterThanOrEqual(bound);
      }),
      { numRuns: 2000 },
    );
  });

  it('still finds the near ids and ignores the far ones', () => {
    expect(closest('nedd', ['need', 'state', 'customer'])).toBe('need');
    expect(closest('Custmer', ['need', 'customer'])).toBe('customer');
    expect(closest('x'.repeat(10_000), ['need', 'customer'])).toBeUndefined();
    expect(closest('completely-different', ['need', 'customer'])).toBeUndefined();
  });
});

describe('an answers file full of unknown ids', () => {
  it('names the first five with hints, counts the other 3,995 in one line, and searches hints only five times', async () => {
    const dir = tempDir();
    const file = join(dir, 'answers.yaml');
    const lines = ['customer: Acme', 'nedd: a date', ...Array.from({ length: 3999 }, (_, i) => `unknown_${i}: x`)];
    writeFileSync(file, `${lines.join('\n')}\n`);
    spy.calls = 0;
    const result = await runCli(['prep', 'two-questions', '--answers', file, '--no-input'], { env: { COACH_NOTES_DIR: join(dir, 'notes') } });
    expect(result.code).toBe(2);
    const said = result.stderr.trimEnd().split('\n');
    expect(said).toEqual([
      `coach: ${file}:2: unknown question "nedd" (did you mean "need"?); see \`coach playbooks show\` for the ids`,
      `coach: ${file}:3: unknown question "unknown_0"; see \`coach playbooks show\` for the ids`,
      `coach: ${file}:4: unknown question "unknown_1"; see \`coach playbooks show\` for the ids`,
      `coach: ${file}:5: unknown question "unknown_2"; see \`coach playbooks show\` for the ids`,
      `coach: ${file}:6: unknown question "unknown_3"; see \`coach playbooks show\` for the ids`,
      `coach: ${file}:7: and 3995 more unknown question ids from here on; is this answers file for another playbook? see \`coach playbooks show\` for the ids`,
    ]);
    expect(spy.calls).toBe(5);
  });
});
