/**
 * reachedSteps hands back a step's own list of questions when every one is reached and a
 * filtered copy otherwise: either way the questions must be exactly those a filter would keep.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReached, reachedSteps } from '../../../src/core/session/reached.js';
import type { Question, Step } from '../../../src/core/playbook/schema.js';

const question = (id: string, gated: boolean): Question =>
  ({ id, type: 'text', prompt: `${id}?`, required: false, ...(gated ? { when: { answer: 'gate', equals: 'open' } } : {}) }) as Question;

describe('the steps the answers reach', () => {
  it('hold exactly the questions a filter keeps, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.boolean(), { maxLength: 5 }), { maxLength: 4 }), fc.constantFrom('open', 'shut'), (gates, gate) => {
        const steps = gates.map((list, s) => ({ id: `s${s}`, title: `S${s}`, questions: list.map((gated, q) => question(`q${s}-${q}`, gated)) }) as Step);
        const scope = { gate };
        const reached = reachedSteps(steps, scope);
        expect(reached.map(({ step }) => step)).toEqual(steps);
        reached.forEach(({ step, questions }) => {
          expect(questions).toEqual(step.questions.filter((q) => isReached(q, scope)));
        });
      }),
    );
  });
});
