/**
 * A user's playbook, once it has passed validation, kept compiled in the user's cache directory
 * (`<cache>/compiled-playbooks/`), so the next run that loads the same text skips the YAML reader, the
 * schema and the reference checks: the cost of loading one, as the built-ins are spared it by the
 * build (precompiled-playbooks.ts).
 *
 * An entry is JSON `{ format, coach, source, playbook }`: the exact text it was compiled from and
 * the coach version (and build) that compiled it. Its file name is a hash of both (fnv1a.ts: no node:crypto
 * on the path of every prep), but the name only finds an entry; a hit needs the same format, the
 * same version and the same text, compared whole, so an edit (even one of the same size) or a
 * collision misses. The playbook depends on its text alone (the file name appears only in
 * problems, and only valid playbooks are kept), so two copies of one file share an entry.
 *
 * The cache is only ever an optimisation: an entry that is missing, too big, not a regular file,
 * not JSON, of another shape, format or version is ignored and rewritten after a fresh parse; a
 * write that fails is forgotten. Nothing here throws or prints. Entries are written whole (a temp
 * file renamed over the entry), so a concurrent run reads the old entry or the new one. The
 * decoded entry's shape is checked, but the playbook is not run through the schema again: that
 * is the cost being saved, and only coach writes these files.
 */
import { join } from 'node:path';
import type { Playbook } from '../../core/playbook/schema.js';
import { cacheDirectory } from '../cache/app-dirs.js';
import { COACH_VERSION, IN_BUNDLE } from '../cache/coach-build.js';
import { cacheNameHash } from '../cache/fnv1a.js';
import { readCacheJson, writeCacheFileSync } from '../cache/cache-file.js';

/** Bumped whenever the entry's shape, or what parsing makes of a text, changes within one version. */
const COMPILED_PLAYBOOK_FORMAT = 1;

/**
 * A playbook file is at most 1 MiB (read-text-file.ts); its entry holds that text and the
 * playbook, both JSON-escaped. 16 MiB is far above any real entry and bounds what a file put in
 * the cache's place can cost; an entry that would be bigger is not written.
 */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;

interface CompiledPlaybookEntry {
  format: number;
  coach: string;
  source: string;
  playbook: Playbook;
}

/** Where this run keeps compiled playbooks, or undefined for none (no cache directory, or run from src). */
export function compiledPlaybooksDir(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (!IN_BUNDLE) return undefined;
  const dir = cacheDirectory(env, cwd);
  return dir === undefined ? undefined : join(dir, 'compiled-playbooks');
}

/** The entry's file for this text and version; entries of different versions never share a name. */
export function compiledPlaybookFile(dir: string, text: string, version = COACH_VERSION): string {
  const hash = cacheNameHash(text, `${version}\0`).toString(16).padStart(8, '0');
  return join(dir, `${hash}-${text.length.toString(36)}.json`);
}

/** The playbook this version compiled from exactly this text, or undefined: any doubt is a miss. */
export function readCompiledPlaybook(dir: string, text: string, version = COACH_VERSION): Playbook | undefined {
  const entry = readCacheJson(compiledPlaybookFile(dir, text, version), MAX_ENTRY_BYTES)?.value;
  return isEntryFor(entry, text, version) ? entry.playbook : undefined;
}

function isEntryFor(entry: unknown, text: string, version: string): entry is CompiledPlaybookEntry {
  if (typeof entry !== 'object' || entry === null) return false;
  const { format, coach, source, playbook } = entry as Partial<Record<keyof CompiledPlaybookEntry, unknown>>;
  return (
    format === COMPILED_PLAYBOOK_FORMAT &&
    coach === version &&
    source === text &&
    typeof playbook === 'object' &&
    playbook !== null &&
    !Array.isArray(playbook) &&
    typeof (playbook as { id?: unknown }).id === 'string'
  );
}

/** Keeps a validated playbook for the next run; never throws, and leaves no temp file behind. */
export function writeCompiledPlaybook(dir: string, text: string, playbook: Playbook, version = COACH_VERSION): void {
  const entry: CompiledPlaybookEntry = { format: COMPILED_PLAYBOOK_FORMAT, coach: version, source: text, playbook };
  const json = JSON.stringify(entry);
  if (Buffer.byteLength(json) <= MAX_ENTRY_BYTES) writeCacheFileSync(compiledPlaybookFile(dir, text, version), json);
}

/**
 * The playbook in `text`: from the cache when this coach compiled exactly this text before,
 * otherwise parsed (the reader and the schema load only then) and, once valid, kept. Problems are thrown as
 * parsePlaybook throws them, naming `file`; nothing invalid is ever cached.
 */
export async function parsePlaybookWithCache(text: string, file: string, dir: string | undefined): Promise<Playbook> {
  const cached = dir === undefined ? undefined : readCompiledPlaybook(dir, text);
  if (cached !== undefined) return cached;
  // The YAML first: a playbook that is not sound YAML is refused without loading the schema (zod).
  const yaml = (await import('../../core/playbook/read-playbook-yaml.js')).readPlaybookYaml(text, file);
  const playbook = (await import('../../core/playbook/parse-playbook.js')).checkPlaybook(yaml);
  if (dir !== undefined) writeCompiledPlaybook(dir, text, playbook);
  return playbook;
}
