/**
 * The README's example session ends with the two-questions readiness score: it must read as coach
 * prints it, with the playbook's real maximum, gauge and band, not a number nobody can get, and
 * the missing item in the playbook's words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gauge } from '../../src/core/session/scores.js';
import { repoPath, shippedPlaybook } from '../helpers/playbooks.js';

describe('the README example session', () => {
  it('shows a readiness score coach can print: its maximum, gauge and verdict', () => {
    const readme = readFileSync(repoPath('README.md'), 'utf8');
    const line = /^ {2}Readiness ([█░]+) (\d+)\/(\d+) - ([^:]+): (.*)$/m.exec(readme);
    expect(line, 'the example shows the readiness line').not.toBeNull();
    const [, bar, value, max, verdict, advice] = line ?? [];
    const score = shippedPlaybook('two-questions').prep.scores.find((candidate) => candidate.id === 'readiness');
    expect(Number(max)).toBe(score?.count?.length);
    expect(bar).toBe(gauge({ value: Number(value), max: Number(max) }));
    const band = [...(score?.bands ?? [])].sort((a, b) => b.min - a.min).find((candidate) => candidate.min <= Number(value));
    expect({ verdict, advice }).toEqual({ verdict: band?.verdict, advice: band?.advice });
    // The line under it names what is missing in the playbook's own words, one per point short.
    const missing = /^ {2}Readiness .*\n {4}Missing: (.*)$/m.exec(readme)?.[1]?.split(', ') ?? [];
    expect(missing).toHaveLength(Number(max) - Number(value));
    for (const words of missing) expect(score?.count?.map((item) => item.missing)).toContain(words);
  });
});
