/**
 * What a note's front matter says about the session (kind, playbook, customer, title, date,
 * created, prep), read by the yaml library like every YAML document. The history does not parse
 * every note on every run: the notes index (notes-index.ts) keeps what was read, per file.
 */
import type { Phase } from '../../core/playbook/schema.js';
import type { readYamlMapping } from '../../formats/yaml.js';

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

/** The yaml library's reader of a mapping, as frontMatterReader gives it. */
export type MappingReader = typeof readYamlMapping;

/**
 * The reader of notes' front matter, imported when a note is first read rather than with this
 * module: a history, or a prep's look at the last meeting, whose notes are all in the index never
 * sets the yaml library up (its schemas and expressions were a millisecond of every such run).
 */
export async function frontMatterReader(): Promise<MappingReader> {
  return (await import('../../formats/yaml.js')).readYamlMapping;
}

export function noteHeader(frontMatter: string, read: MappingReader): HeaderResult {
  const data = parseFrontMatterData(frontMatter, read);
  return 'reason' in data ? { ok: false, reason: data.reason } : headerFromData(data.data);
}

/** The whole front matter as data, with the reason when it cannot be read. */
export function parseFrontMatterData(frontMatter: string, read: MappingReader): { data: Record<string, unknown> } | { reason: string } {
  const mapping = read(frontMatter);
  return 'reason' in mapping ? { reason: `its front matter is not valid YAML (${mapping.reason})` } : mapping;
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
