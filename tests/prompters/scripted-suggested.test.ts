import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/core/session/answers.js';
import type { AskRequest, Prompter } from '../../src/core/session/prompter.js';
import type { SuppliedAnswers } from '../../src/core/session/supplied-answers.js';
import { scriptedPrompter } from '../../src/prompters/scripted.js';

const request: AskRequest = {
  question: { id: 'customer', type: 'text', prompt: 'Who is the customer?', required: true },
  step: { id: 'meeting', title: 'The meeting', number: 0, total: 1 },
};

/** A person who answers with what they see as the default, or types `typed`, and remembers what was offered. */
function person(typed?: string): Prompter & { offered: unknown[] } {
  const offered: unknown[] = [];
  return {
    offered,
    async ask({ question }: AskRequest): Promise<AnswerValue | undefined> {
      offered.push(question.default);
      return typed ?? (question.default as AnswerValue | undefined);
    },
  };
}

describe('a suggested answer (from a calendar invitation)', () => {
  const supplied: SuppliedAnswers = new Map([['customer', { raw: 'Northwind', origin: 'invite.ics (the invitation)', suggested: true }]]);

  it('is the default a person at a terminal keeps', async () => {
    const someone = person();
    await expect(scriptedPrompter(supplied, someone).ask(request)).resolves.toBe('Northwind');
    expect(someone.offered).toEqual(['Northwind']);
  });

  it('is the default a person at a terminal can change', async () => {
    const someone = person('Northwind Traders');
    await expect(scriptedPrompter(supplied, someone).ask(request)).resolves.toBe('Northwind Traders');
  });

  it('is the answer when nobody can be asked, given at once rather than in a promise', () => {
    expect(scriptedPrompter(supplied).ask(request)).toBe('Northwind');
  });

  it('an answer given outright is never asked again, at a terminal or not', async () => {
    const given: SuppliedAnswers = new Map([['customer', { raw: 'Globex', origin: '--customer' }]]);
    const someone = person();
    expect(scriptedPrompter(given, someone).ask(request)).toBe('Globex');
    expect(someone.offered).toEqual([]);
  });
});
