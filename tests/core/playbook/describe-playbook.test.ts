/**
 * The guide (`coach playbooks show`) and the cheat sheet (`--markdown`) of a playbook that uses
 * every part of the format, against golden files a reviewer can read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeCondition } from '../../../src/core/playbook/describe-condition.js';
import { playbookGuideText } from '../../../src/core/playbook/describe-playbook.js';
import { parsePlaybook } from '../../../src/core/playbook/parse-playbook.js';
import { playbookCheatSheet } from '../../../src/core/playbook/playbook-cheat-sheet.js';
import type { Condition } from '../../../src/core/playbook/schema.js';
import { repoPath, shippedPlaybook } from '../../helpers/playbooks.js';

const DIR = 'tests/fixtures/playbooks/guide';
const read = (name: string): string => readFileSync(repoPath(`${DIR}/${name}`), 'utf8');
const playbook = parsePlaybook(read('renewal-call.yaml'), 'renewal-call.yaml');

describe('a playbook as a guide', () => {
  it('renders the terminal guide', () => {
    expect(playbookGuideText(playbook)).toBe(read('renewal-call.guide.txt'));
  });

  it('renders the Markdown cheat sheet', () => {
    expect(playbookCheatSheet(playbook)).toBe(read('renewal-call.cheat-sheet.md'));
  });

  it('shows what a score calls missing, when it is shown, its held verdict, ready_despite and per-entry actions', () => {
    const guide = playbookGuideText(shippedPlaybook('take-the-stick')).replace(/\s+/g, ' ');
    expect(guide).toContain('Score: Recovery plan - counts how many of these 7 hold (only when management_commits is yes or pending)');
    expect(guide).toContain('- fix_plan is answered (else: no fix plan)');
    expect(guide).toContain('while a watch-out is open: All in place - one thing first');
    expect(guide).toContain('A score may still say ready: It describes how they will take the facts');
    expect(guide).toContain('(one for each entry of higher_allies)');
  });
});

describe('conditions in words', () => {
  const types = new Map([['risks', 'list' as const]]);
  const cases: [Condition, string][] = [
    [{ answer: 'mood', equals: 'upset' }, 'mood is upset'],
    [{ answer: 'ready', equals: false }, 'ready is no'],
    [{ answer: 'mood', in: ['a', 'b', 'c'] }, 'mood is a, b or c'],
    [{ answer: 'notes', includes: 'the price' }, 'notes includes "the price"'],
    [{ answer: 'seats', gte: 2, lte: 5 }, 'seats is between 2 and 5'],
    [{ answer: 'risks', gte: 1 }, 'risks has at least 1 entry'],
    [{ answer: 'risks', lte: 3 }, 'risks has at most 3 entries'],
    [{ answer: 'plan', answered: false }, 'plan is not answered'],
    [{ all: [{ answer: 'a', equals: 1 }, { any: [{ answer: 'b', equals: 2 }, { answer: 'c', equals: 3 }] }] }, 'a is 1 and (b is 2 or c is 3)'],
    [{ not: { answer: 'a', answered: true } }, 'not (a is answered)'],
  ];
  it.each(cases)('%j reads "%s"', (condition, words) => {
    expect(describeCondition(condition, types)).toBe(words);
  });
});
