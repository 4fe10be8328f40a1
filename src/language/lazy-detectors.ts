/**
 * The one way to get the linguistic detectors: loads the retext libraries on first need only, so
 * a session whose checks are all phrases (and every other command) never loads them.
 */
import type { Detectors } from '../core/check/check-answer.js';
import type { DetectorName } from '../core/playbook/schema.js';

let loaded: Promise<Detectors> | undefined;

export async function detectorsFor(names: readonly DetectorName[]): Promise<Detectors> {
  if (names.length === 0) return {};
  loaded ??= import('./retext-detectors.js').then((module) => module.loadDetectors());
  return loaded;
}
