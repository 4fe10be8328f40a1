/**
 * What counts as an answer for a score: two letters or digits of any script, and not a word typed
 * only to get past the question. The fast ASCII test must agree with the Unicode one everywhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../../src/core/playbook/parse-playbook.js';
import type { Answers } from '../../../src/core/session/answers.js';
import { withoutPlaceholders } from '../../../src/core/session/placeholder-answer.js';

const playbook = parsePlaybook(
  `id: probe
title: Probe
summary: A probe.
source: tests
prep:
  steps:
    - id: s
      title: S
      questions:
        - { id: plan, type: long, prompt: The plan? }
        - { id: steps, type: list, prompt: The steps? }
`,
  'probe.yaml',
);
const questions = new Map(playbook.prep.steps.flatMap((step) => step.questions).map((question) => [question.id, question]));
const kept = (plan: string): boolean => 'plan' in withoutPlaceholders({ plan } as Answers, questions);

describe('a placeholder answer', () => {
  it('is text with fewer than two letters or digits, in any script', () => {
    for (const real of ['ok', 'Jo', '42', 'Łó', 'ça', '日本', 'Да', 'x1', '  Priya by Friday  ', 'é—e']) expect(kept(real), real).toBe(true);
    for (const empty of ['x', 'é', '日', '7', '?!', '— —', ' . ', '☕☕', '']) expect(kept(empty), empty).toBe(false);
  });

  it('is the same whether the ASCII test or the Unicode one decides', () => {
    const letterCount = (text: string): number => text.trim().match(/[\p{L}\p{N}]/gu)?.length ?? 0;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Z', '3', 'é', 'Ł', '日', ' ', '-', '.', '☕', '\u00a0', '\u3000'), maxLength: 6 }), (text) => {
        const placeholderWord = /^(?:x+|tbd|tbc|todo|n\/?a|idk|dunno|asdf+|test|later|\?+|\.+|-+|_+)$/i.test(text.trim());
        expect(kept(text)).toBe(letterCount(text) >= 2 && !placeholderWord);
      }),
    );
  });

  it('leaves out list entries one by one, keeping the real ones', () => {
    expect(withoutPlaceholders({ steps: ['call Priya', 'x', 'tbd', 'send the plan'] } as Answers, questions)).toEqual({ steps: ['call Priya', 'send the plan'] });
  });

  it('looks only at the ids asked for, and at every answer when none are named', () => {
    const answers = { plan: 'x', steps: ['tbd', 'call Priya'], other: 'kept' } as Answers;
    expect(withoutPlaceholders(answers, questions, ['steps', 'missing'])).toEqual({ steps: ['call Priya'] });
    expect(withoutPlaceholders(answers, questions)).toEqual({ steps: ['call Priya'], other: 'kept' });
  });
});
