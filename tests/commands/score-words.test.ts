/**
 * What a score says is missing, and why a top verdict stands beside a watch-out, reach the person
 * in the terminal summary, and tools in --format json.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { repoPath } from '../helpers/playbooks.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

const answersFile = repoPath('tests/fixtures/answers/two-questions.yaml');
const prep = (extra: string[]) => ['prep', 'two-questions', '--answers', answersFile, '--no-input', '--no-save', ...extra];
const unwrapped = (text: string): string => text.replace(/\s+/g, ' ');
const env = () => ({ COACH_NOTES_DIR: join(tempDir(), 'notes') });

describe('scores that name what is missing', () => {
  it('lists the missing items in the summary and in the JSON', async () => {
    const json = await runCli(prep(['--format', 'json']), { env: env() });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).scores[0]).toMatchObject({
      id: 'readiness',
      value: 3,
      max: 5,
      verdict: 'Nearly ready',
      missing: ['no sign picked that their need has changed', 'no emotional signals to watch for'],
    });

    const shown = await runCli(prep([]), { env: env() });
    const lines = shown.stderr.split('\n');
    const at = lines.findIndex((line) => line.startsWith('  Readiness █████░░░ 3/5 - Nearly ready:'));
    // The words under the score, indented under it (wrapped at the terminal's width).
    expect(at).toBeGreaterThan(-1);
    expect(lines.slice(at).find((line) => line.includes('Missing:'))).toMatch(/^ {4}Missing: no sign picked that their need has changed,/);
    expect(unwrapped(shown.stderr)).toContain('Missing: no sign picked that their need has changed, no emotional signals to watch for');
  });

  it('says why Ready stands beside the angry watch-out', async () => {
    const result = await runCli(prep(['--set', 'signals=Short replies', '--set', 'need_shift_signs=They ask about the price', '--format', 'json']), { env: env() });
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data.flags.map((flag: { id: string }) => flag.id)).toContain('angry-customer');
    expect(data.scores[0]).toMatchObject({ value: 5, verdict: 'Ready', missing: [] });
    expect(data.scores[0].despite).toEqual([expect.stringMatching(/^Their anger is what you are preparing for/)]);
    expect(unwrapped(result.stderr)).toContain('Readiness ████████ 5/5 - Ready: ');
    expect(unwrapped(result.stderr)).toContain('Ready despite the watch-out: Their anger is what you are preparing for, not something your preparation lacks');
  });
});
