/**
 * "Which method fits?": a few questions about the situation, and a recommendation with its
 * reason. The rules are data on the same conditions playbooks use, read top to bottom: the first
 * that holds wins, so the most specific situation (the account was failed) comes first.
 */
import type { Answers } from './answers.js';
import { evaluateCondition } from './conditions.js';
import type { Condition, Question, Step } from '../playbook/schema.js';

export const triageStep: Step = {
  id: 'triage',
  title: 'Which method fits?',
  guidance: 'A few questions about the situation, to recommend a playbook.',
  questions: [
    { id: 'failed', type: 'confirm', prompt: 'Has your company let this account down (a failure, unanswered calls, a broken promise)?', default: false, required: true },
    { id: 'upset', type: 'confirm', prompt: 'Is the customer upset or angry with you right now?', default: false, required: true },
    { id: 'wrong', type: 'confirm', prompt: 'Is the customer wrong about something, or asking for something that will hurt them?', default: false, required: true },
    { id: 'negative', type: 'confirm', prompt: 'Is the meeting (or the person) stuck in negativity?', default: false, required: true },
  ] satisfies Question[],
};

export interface Recommendation {
  playbook: string;
  reason: string;
}

interface Rule extends Recommendation {
  when: Condition;
}

const yes = (answer: string): Condition => ({ answer, equals: true });

const TRIAGE_RULES: readonly Rule[] = [
  {
    when: yes('failed'),
    playbook: 'take-the-stick',
    reason: 'your company caused the pain: research it, get management behind a fix, and take the stick before they do.',
  },
  {
    when: yes('upset'),
    playbook: 'listen-to-understand',
    reason: 'an upset customer needs to tell the whole story before any solution will land.',
  },
  {
    when: yes('wrong'),
    playbook: 'customer-is-wrong',
    reason: 'they are heading the wrong way: ask, show verifiable examples and recommend, without making them wrong.',
  },
  {
    when: yes('negative'),
    playbook: 'turn-around',
    reason: 'the right question can turn a negative meeting round.',
  },
  {
    when: { not: { any: [yes('failed'), yes('upset'), yes('wrong'), yes('negative')] } },
    playbook: 'two-questions',
    reason: 'a routine meeting: carry in what they need from you and how to help given how they feel.',
  },
];

export function recommendPlaybook(answers: Answers): Recommendation {
  const rule = TRIAGE_RULES.find((candidate) => evaluateCondition(candidate.when, answers)) ?? TRIAGE_RULES[TRIAGE_RULES.length - 1];
  return { playbook: rule?.playbook ?? 'two-questions', reason: rule?.reason ?? '' };
}
