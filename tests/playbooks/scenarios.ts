/**
 * Table-driven checks for shipped playbooks: a scenario is a set of answers and what a user must
 * see come out of it - which questions were asked or skipped, which flags fired (with which
 * actions), and each score as "value/max verdict". Coverage helpers prove that a table walks
 * every conditional step and question both ways and fires every flag.
 */
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/core/session/answers.js';
import type { Phase, Playbook } from '../../src/core/playbook/schema.js';
import { walkWith, type ScriptedWalk } from '../helpers/playbooks.js';

export interface Scenario {
  name: string;
  answers: Record<string, unknown>;
  /** Conditional questions this path must ask. */
  asked?: string[];
  /** Conditional questions this path must skip. */
  skipped?: string[];
  /** Ids of the fired flags, in the playbook's order. */
  flags: string[];
  /** The filled-in actions of some of the fired flags. */
  actions?: Record<string, string[]>;
  /** Every score as "value/max verdict". */
  scores: Record<string, string>;
  /** In a debrief: prep answers that differ from the table's usual prep. */
  prep?: Answers;
}

const CONTEXT = new Set(['customer', 'title', 'date']);

function askedIds(walk: ScriptedWalk): string[] {
  return walk.events.flatMap((event) => (event.type === 'answer' && !CONTEXT.has(event.id) ? [event.id] : []));
}

function scoreTable(walk: ScriptedWalk): Record<string, string> {
  return Object.fromEntries(walk.scores.map((score) => [score.id, `${score.value}/${score.max} ${score.verdict}`]));
}

async function walkScenario(
  playbook: Playbook,
  phase: Phase,
  scenario: Scenario,
  prepAnswers?: Answers,
): Promise<ScriptedWalk> {
  return walkWith(playbook, scenario.answers, { phase, prepAnswers: scenario.prep ? { ...prepAnswers, ...scenario.prep } : prepAnswers });
}

/** Walks the scenario and checks everything it promises. */
async function expectScenario(playbook: Playbook, phase: Phase, scenario: Scenario, prepAnswers?: Answers): Promise<ScriptedWalk> {
  const walk = await walkScenario(playbook, phase, scenario, prepAnswers);
  const asked = askedIds(walk);
  expect(walk.missing, 'required answers missing from the scenario').toEqual([]);
  for (const id of scenario.asked ?? []) expect(asked, `"${id}" should be asked`).toContain(id);
  for (const id of scenario.skipped ?? []) expect(asked, `"${id}" should be skipped`).not.toContain(id);
  expect(walk.flags.map((flag) => flag.id)).toEqual(scenario.flags);
  for (const [id, actions] of Object.entries(scenario.actions ?? {})) {
    expect(walk.flags.find((flag) => flag.id === id)?.actions, `actions of "${id}"`).toEqual(actions);
  }
  expect(scoreTable(walk)).toEqual(scenario.scores);
  expectStepNumbersCount(walk);
  return walk;
}

/**
 * The headers a person reads as "Step n of total" count the steps this walk takes: 1, 2, ... N
 * with no jump, the last one says "N of N", no total ever promises fewer steps than already shown,
 * and no title carries a number of its own.
 */
function expectStepNumbersCount(walk: ScriptedWalk): void {
  const steps = walk.events.flatMap((event) => (event.type === 'step' && event.number > 0 ? [event] : []));
  expect(steps.map((step) => step.number)).toEqual(steps.map((_, index) => index + 1));
  expect(steps.at(-1)?.total, 'the last step is "N of N"').toBe(steps.length);
  for (const step of steps) expect(step.total, `total at "${step.title}"`).toBeGreaterThanOrEqual(step.number);
  for (const step of steps) expect(step.title, 'a step title with its own number').not.toMatch(/^\s*\d+[.)]\s/);
}

/**
 * Every step and question with a `when` that the walks did not take both ways, as
 * "step <title>: never taken" or "question <id>: never skipped".
 */
function untakenBranches(playbook: Playbook, phase: Phase, walks: readonly ScriptedWalk[]): string[] {
  const walk = playbook[phase];
  if (!walk) return [`no ${phase} walk`];
  const stepsShown = walks.map((w) => new Set(w.events.flatMap((e) => (e.type === 'step' ? [e.title] : []))));
  const asked = walks.map((w) => new Set(askedIds(w)));
  const gaps: string[] = [];
  const both = (label: string, taken: boolean[]): void => {
    if (!taken.includes(true)) gaps.push(`${label}: never taken`);
    if (!taken.includes(false)) gaps.push(`${label}: never skipped`);
  };
  for (const step of walk.steps) {
    if (step.when) both(`step "${step.title}"`, stepsShown.map((shown) => shown.has(step.title)));
    for (const question of step.questions) {
      if (question.when) both(`question ${question.id}`, asked.map((ids) => ids.has(question.id)));
    }
  }
  return gaps;
}

/** Flags that none of the walks fired: a table that never shows a flag cannot vouch for it. */
function unfiredFlags(playbook: Playbook, phase: Phase, walks: readonly ScriptedWalk[]): string[] {
  const fired = new Set(walks.flatMap((w) => w.flags.map((flag) => flag.id)));
  return (playbook[phase]?.flags ?? []).flatMap((flag) => (flag.id && !fired.has(flag.id) ? [flag.id] : []));
}

/** The table as tests: each scenario checked, and the whole table proven to cover every branch and flag. */
export function describeScenarios(title: string, playbook: Playbook, phase: Phase, scenarios: Scenario[], prepAnswers?: Answers): void {
  describe(title, () => {
    it.each(scenarios)('$name', async (scenario) => {
      await expectScenario(playbook, phase, scenario, prepAnswers);
    });

    it('walks every branch both ways and fires every flag', async () => {
      const walks = await Promise.all(scenarios.map((scenario) => walkScenario(playbook, phase, scenario, prepAnswers)));
      expect(untakenBranches(playbook, phase, walks)).toEqual([]);
      expect(unfiredFlags(playbook, phase, walks)).toEqual([]);
    });
  });
}
