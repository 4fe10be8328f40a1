/**
 * The built-in playbooks, validated at build time and stored as JSON beside the bundle
 * (<out-dir>/playbooks/<id>.json, dist/ by default), so `coach prep <built-in>` neither parses YAML nor runs the schema
 * and reference checks at start-up. The YAML stays the source: each JSON file holds the exact text
 * it was compiled from (comparing it costs less than loading node:crypto to hash it), and a
 * built-in whose text no longer matches (edited after the build) is parsed as any other playbook.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Playbook } from '../../core/playbook/schema.js';

/** Bumped whenever the stored shape changes, so a stale file is ignored rather than misread. */
const PRECOMPILED_FORMAT = 1;

interface PrecompiledPlaybook {
  format: typeof PRECOMPILED_FORMAT;
  /** The YAML text the playbook was compiled from. */
  source: string;
  playbook: Playbook;
}

/** `<package>/playbooks/<id>.yaml` is compiled to `playbooks/<id>.json` in the bundle's own directory. */
export function precompiledFileFor(yamlPath: string, bundleDir: string): string {
  const id = basename(yamlPath).replace(/\.ya?ml$/i, '');
  return join(bundleDir, 'playbooks', `${id}.json`);
}

/**
 * The playbook in this JSON file if it was compiled from exactly this text; undefined when it was
 * not (no build, an older format, YAML edited since the build). The file is part of the build,
 * trusted as the bundle's own code is; a file that cannot be read is simply not used.
 */
export function readPrecompiledPlaybook(jsonFile: string, text: string): Playbook | undefined {
  let stored: Partial<PrecompiledPlaybook>;
  try {
    stored = JSON.parse(readFileSync(jsonFile, 'utf8')) as Partial<PrecompiledPlaybook>;
  } catch {
    return undefined;
  }
  if (stored.format !== PRECOMPILED_FORMAT || stored.source !== text || stored.playbook === undefined) return undefined;
  return stored.playbook;
}

export function precompiledJson(text: string, playbook: Playbook): string {
  const stored: PrecompiledPlaybook = { format: PRECOMPILED_FORMAT, source: text, playbook };
  return `${JSON.stringify(stored)}\n`;
}
