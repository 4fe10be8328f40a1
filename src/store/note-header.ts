/**
 * The few front-matter fields the history needs (kind, playbook, customer, title, date, created,
 * prep), read from a note's front matter. A full YAML parse of a whole front matter costs most of a
 * millisecond, which is seconds over years of notes, so the top-level lines of those fields are
 * read directly when they are plain one-line scalars, as coach writes them. Anything unusual (block
 * or flow values, YAML-only escapes, repeated keys, lines that are not `key: value`) falls back to
 * the full parse, so these fields of a hand-edited note read as any YAML reader would read them.
 * The nested blocks (answers, flags, scores) are not parsed here: a mistake inside them is reported
 * by the commands that read them (show --json, debrief), naming the file.
 */
import { parse } from 'yaml';
import type { Phase } from '../engine/schema.js';
import { findNestingProblem } from '../engine/find-nesting-problem.js';
import { readSimpleYaml, toCoreData } from '../engine/simple-yaml.js';
import { YAML_LIMITS } from '../engine/yaml-limits.js';
import { plainTopLevelFields } from './plain-yaml-fields.js';

export interface NoteHeader {
  kind: Phase;
  playbook: string;
  customer: string;
  title?: string | undefined;
  date: string;
  created?: string | undefined;
  /** In a debrief: the id of the prep it reflects on. */
  prep?: string | undefined;
}

export type HeaderResult = { ok: true; header: NoteHeader } | { ok: false; reason: string };

const FIELDS = new Set(['kind', 'playbook', 'customer', 'title', 'date', 'created', 'prep']);
export function noteHeader(frontMatter: string): HeaderResult {
  const fast = plainTopLevelFields(frontMatter, FIELDS);
  if (fast) return headerFromData(fast);
  const data = parseFrontMatterData(frontMatter);
  return 'reason' in data ? { ok: false, reason: data.reason } : headerFromData(data.data);
}

/** The whole front matter as data, with the reason when it cannot be read. */
export function parseFrontMatterData(frontMatter: string): { data: Record<string, unknown> } | { reason: string } {
  // coach's own notes are plain enough for the simple reader; a hand-edited one may need the library.
  const simple = readSimpleYaml(frontMatter);
  if (simple === null) return { data: {} };
  const simpleData = simple?.kind === 'map' ? toCoreData(simple) : undefined;
  if (simpleData !== undefined) return { data: simpleData as Record<string, unknown> };
  const tooDeep = findNestingProblem(frontMatter);
  if (tooDeep) return { reason: `its front matter is ${tooDeep.message}` };
  let data: unknown;
  try {
    data = parse(frontMatter, { maxAliasCount: YAML_LIMITS.maxAliasCount, uniqueKeys: true, version: '1.2' });
  } catch (error) {
    return { reason: `its front matter is not valid YAML (${firstLine((error as Error).message)})` };
  }
  if (data === null || data === undefined) return { data: {} };
  if (typeof data !== 'object' || Array.isArray(data)) return { reason: 'its front matter is not a YAML mapping' };
  return { data: data as Record<string, unknown> };
}

export function headerFromData(data: Record<string, unknown>): HeaderResult {
  const kind = data['kind'];
  const playbook = data['playbook'];
  if ((kind !== 'prep' && kind !== 'debrief') || typeof playbook !== 'string' || playbook === '') {
    return { ok: false, reason: 'not a coach note (its front matter has no "kind: prep" or "kind: debrief" with a playbook)' };
  }
  return {
    ok: true,
    header: {
      kind,
      playbook,
      customer: text(data['customer']) ?? '',
      title: text(data['title']),
      date: text(data['date']) ?? '',
      created: text(data['created']),
      prep: text(data['prep']),
    },
  };
}

/** Hand-edited values may be numbers or booleans (`customer: 1984`); they read as text. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

const firstLine = (message: string): string => message.split('\n')[0] ?? message;
