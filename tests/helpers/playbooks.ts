/** Shortcuts for tests of the core: parse YAML from a string, walk with scripted answers. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkAnswers, detectorsForAnswers, type CheckFinding } from '../../src/core/check/check-answer.js';
import { parsePlaybook } from '../../src/core/playbook/parse-playbook.js';
import { detectorsFor } from '../../src/language/lazy-detectors.js';
import type { Phase, Playbook } from '../../src/core/playbook/schema.js';
import type { SuppliedAnswers } from '../../src/core/session/supplied-answers.js';
import { walkPlaybook, type WalkEvent, type WalkResult } from '../../src/core/session/walk.js';
import type { Answers } from '../../src/core/session/answers.js';
import { scriptedPrompter } from '../../src/prompters/scripted.js';

export const repoPath = (relative: string): string => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

export function shippedPlaybook(id: string): Playbook {
  const path = repoPath(`playbooks/${id}.yaml`);
  return parsePlaybook(readFileSync(path, 'utf8'), path);
}

function supplied(answers: Record<string, unknown>, origin = 'test'): SuppliedAnswers {
  return new Map(Object.entries(answers).map(([id, raw]) => [id, { raw, origin }]));
}

export interface ScriptedWalk extends WalkResult {
  missing: string[];
  events: WalkEvent[];
}

/** Walks a phase with the given answers and no terminal, as `--no-input` does. */
export async function walkWith(
  playbook: Playbook,
  answers: Record<string, unknown>,
  options: { phase?: Phase; prepAnswers?: Answers; today?: string } = {},
): Promise<ScriptedWalk> {
  const prompter = scriptedPrompter(supplied({ customer: 'Acme', ...answers }));
  const events: WalkEvent[] = [];
  const result = await walkPlaybook({
    playbook,
    phase: options.phase ?? 'prep',
    prompter,
    today: options.today ?? '2026-11-22',
    prepAnswers: options.prepAnswers,
    onEvent: (event) => events.push(event),
  });
  return { ...result, missing: prompter.missing.map((m) => m.id), events };
}

/** What the checks find in a walk's answers, as a session computes it for the note. */
export async function checksOn(playbook: Playbook, phase: Phase, answers: Answers): Promise<CheckFinding[]> {
  const walk = playbook[phase];
  return walk ? checkAnswers(walk, answers, await detectorsFor(detectorsForAnswers(walk, answers))) : [];
}
