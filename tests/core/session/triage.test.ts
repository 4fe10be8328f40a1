import { describe, expect, it } from 'vitest';
import { recommendPlaybook } from '../../../src/core/session/triage.js';

const situation = (fields: Partial<Record<'failed' | 'upset' | 'wrong' | 'negative', boolean>>) => ({ failed: false, upset: false, wrong: false, negative: false, ...fields });

describe('recommendPlaybook', () => {
  it.each([
    ['a routine meeting', situation({}), 'two-questions'],
    ['an account the company failed', situation({ failed: true }), 'take-the-stick'],
    ['a failed account whose customer is also angry', situation({ failed: true, upset: true }), 'take-the-stick'],
    ['an irate customer', situation({ upset: true }), 'listen-to-understand'],
    ['an irate customer who is also wrong', situation({ upset: true, wrong: true }), 'listen-to-understand'],
    ['a customer who is wrong', situation({ wrong: true }), 'customer-is-wrong'],
    ['a meeting turning negative', situation({ negative: true }), 'turn-around'],
    ['a wrong customer in a negative meeting', situation({ wrong: true, negative: true }), 'customer-is-wrong'],
  ])('%s -> %s', (_name, answers, expected) => {
    const recommendation = recommendPlaybook(answers);
    expect(recommendation.playbook).toBe(expected);
    expect(recommendation.reason.length).toBeGreaterThan(20);
  });
});
