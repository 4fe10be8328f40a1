/**
 * The built-in playbooks, validated at build time and stored as JSON beside the bundle
 * (<out-dir>/playbooks/<id>.json, dist/ by default), so `coach prep <built-in>` neither parses YAML nor runs the schema
 * and reference checks at start-up. The YAML stays the source: each file holds the exact text it
 * was compiled from (comparing it costs less than loading node:crypto to hash it), and a built-in
 * whose text no longer matches (edited after the build) is parsed as any other playbook.
 *
 * A file is two lines of JSON: first the format, the source text and the id, then the playbook.
 * `coach playbooks validate` needs only the first (is this the text the build checked?), and
 * JSON.parse of the whole playbook was most of validating the five shipped ones.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Playbook } from '../../core/playbook/schema.js';

/** Bumped whenever the stored shape changes, so a stale file is ignored rather than misread. */
const PRECOMPILED_FORMAT = 2;

interface PrecompiledHead {
  format: typeof PRECOMPILED_FORMAT;
  /** The YAML text the playbook was compiled from. */
  source: string;
  id: string;
}

/** `<package>/playbooks/<id>.yaml` is compiled to `playbooks/<id>.json` in the bundle's own directory. */
export function precompiledFileFor(yamlPath: string, bundleDir: string): string {
  const id = basename(yamlPath).replace(/\.ya?ml$/i, '');
  return join(bundleDir, 'playbooks', `${id}.json`);
}

/**
 * The id, and the playbook's line still unparsed, if this file was compiled from exactly this
 * text; undefined when it was not (no build, an older format, YAML edited since the build). The
 * file is part of the build, trusted as the bundle's own code is; one that cannot be read is not used.
 */
function matchingHead(jsonFile: string, text: string): { id: string; rest: string } | undefined {
  try {
    const file = readFileSync(jsonFile, 'utf8');
    const end = file.indexOf('\n');
    if (end === -1) return undefined;
    const head = JSON.parse(file.slice(0, end)) as Partial<PrecompiledHead>;
    if (head.format !== PRECOMPILED_FORMAT || head.source !== text || typeof head.id !== 'string') return undefined;
    return { id: head.id, rest: file.slice(end + 1) };
  } catch {
    return undefined;
  }
}

/** The playbook in this JSON file if it was compiled from exactly this text. */
export function readPrecompiledPlaybook(jsonFile: string, text: string): Playbook | undefined {
  const head = matchingHead(jsonFile, text);
  if (head === undefined) return undefined;
  try {
    return JSON.parse(head.rest) as Playbook;
  } catch {
    return undefined;
  }
}

/** The id of the playbook the build checked, if it was compiled from exactly this text. */
export function precompiledId(jsonFile: string, text: string): string | undefined {
  return matchingHead(jsonFile, text)?.id;
}

export function precompiledJson(text: string, playbook: Playbook): string {
  const head: PrecompiledHead = { format: PRECOMPILED_FORMAT, source: text, id: playbook.id };
  return `${JSON.stringify(head)}\n${JSON.stringify(playbook)}\n`;
}
