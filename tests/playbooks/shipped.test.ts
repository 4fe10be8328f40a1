/**
 * What every shipped playbook promises a user, whatever its method: it loads, it explains itself
 * in the picker, it teaches at every step and says why at every question, it closes the loop from
 * debrief to prep, and it comes with its own branch tests and golden notes.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templateRefs } from '../../src/core/session/interpolate.js';
import type { Walk } from '../../src/core/playbook/schema.js';
import { repoPath, shippedPlaybook } from '../helpers/playbooks.js';

const ids = readdirSync(repoPath('playbooks'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.slice(0, -'.yaml'.length))
  .sort();

const questions = (walk: Walk) => walk.steps.flatMap((step) => step.questions);

describe('shipped playbooks', () => {
  it('are the five methods', () => {
    expect(ids).toEqual(['customer-is-wrong', 'listen-to-understand', 'take-the-stick', 'turn-around', 'two-questions']);
  });

  describe.each(ids)('%s', (id) => {
    const playbook = shippedPlaybook(id);
    const debrief = playbook.debrief;

    it('has an id that matches its file, and the picker texts', () => {
      expect(playbook.id).toBe(id);
      expect(playbook.summary.length).toBeGreaterThan(20);
      expect(playbook.when_to_use?.length ?? 0).toBeGreaterThan(20);
      expect(playbook.source).toMatch(/^Adapted from /);
    });

    it.each(['prep', 'debrief'] as const)('%s: guidance on every step, a why on every question, flags, scores and branches', (phase) => {
      const walk = playbook[phase];
      if (!walk) throw new Error(`${id} has no ${phase} walk`);
      expect(walk.steps.filter((step) => !step.guidance).map((step) => step.id)).toEqual([]);
      expect(questions(walk).filter((question) => !question.why).map((question) => question.id)).toEqual([]);
      expect(walk.flags.filter((flag) => !flag.id).map((flag) => flag.message)).toEqual([]);
      expect(walk.flags.length).toBeGreaterThan(0);
      expect(walk.scores.length).toBeGreaterThan(0);
      expect([...walk.steps, ...questions(walk)].filter((node) => node.when).length).toBeGreaterThan(0);
    });

    it('debrief refers back to the prep answers', () => {
      const texts = (debrief?.steps ?? []).flatMap((step) => [step.guidance ?? '', ...step.questions.flatMap((q) => [q.prompt, q.why ?? ''])]);
      const prepRefs = texts.flatMap(templateRefs).filter((ref) => ref.startsWith('prep.'));
      expect(prepRefs.length).toBeGreaterThan(0);
    });

    it('comes with its branch tests and golden notes', () => {
      expect(existsSync(repoPath(`tests/playbooks/${id}.test.ts`))).toBe(true);
      expect(existsSync(repoPath(`tests/golden/${id}-prep.md`))).toBe(true);
      expect(existsSync(repoPath(`tests/golden/${id}-debrief.md`))).toBe(true);
    });
  });
});
