/**
 * An answers file, once read, kept as what the reader made of it in the user's cache directory
 * (`<cache>/parsed-answers/`), so the next prep with the same file skips the YAML reader: over an
 * answers file for a long playbook (2,000 answers) the library's cold parse was most of the run.
 * The same idea as the compiled playbooks (store/playbooks/compiled-playbook-cache.ts), for the
 * other file a non-interactive prep reads.
 *
 * An entry is JSON `{ format, coach, name, source, answers }`: the exact text, the name it was
 * read under (each answer's origin names it, `answers.yaml:12`), the coach build that read it, and
 * the answers as `[id, raw, origin]` (a raw of null is an answer left empty). The file name, a
 * hash of all three, only finds the entry; a hit needs all three equal, compared whole. Only a
 * file that read without a problem is kept, so every error message still comes from the reader.
 * Anything wrong with an entry (missing, too big, not a regular file, not JSON, another shape or
 * build) is a miss; a write that fails is forgotten. Nothing here throws or prints.
 */
import { join } from 'node:path';
import type { SuppliedAnswers } from '../../core/session/supplied-answers.js';
import { cacheDirectory } from './app-dirs.js';
import { readCacheJson, writeCacheFileSync } from './cache-file.js';
import { COACH_VERSION, IN_BUNDLE } from './coach-build.js';
import { cacheNameHash } from './fnv1a.js';

/** Bumped whenever the entry's shape, or what reading makes of a text, changes within one build. */
const PARSED_ANSWERS_FORMAT = 1;

/** An answers file is at most 1 MiB (read-text-file.ts); its entry holds it twice over, escaped. */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;

type StoredAnswer = [id: string, raw: string | string[] | null, origin: string];

/** Where this run keeps read answers files, or undefined for none (no cache directory, or run from src). */
export function parsedAnswersDir(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (!IN_BUNDLE) return undefined;
  const dir = cacheDirectory(env, cwd);
  return dir === undefined ? undefined : join(dir, 'parsed-answers');
}

function entryFile(dir: string, text: string, name: string, version: string): string {
  const hash = cacheNameHash(text, `${version}\0${name}\0`).toString(16).padStart(8, '0');
  return join(dir, `${hash}-${text.length.toString(36)}.json`);
}

/**
 * The answers in `text` (read under `name`): from the cache when this build read exactly this
 * text under this name before, otherwise read by parseAnswers (which throws its usage errors)
 * and kept. The reader, and the yaml library behind it, are imported only then.
 */
export async function parseAnswersWithCache(text: string, name: string, dir: string | undefined, version = COACH_VERSION): Promise<SuppliedAnswers> {
  const file = dir === undefined ? undefined : entryFile(dir, text, name, version);
  const cached = file === undefined ? undefined : storedAnswers(readCacheJson(file, MAX_ENTRY_BYTES)?.value, text, name, version);
  if (cached !== undefined) return cached;
  const { parseAnswers } = await import('../../formats/answers-file.js');
  const answers = parseAnswers(text, name);
  if (file !== undefined) {
    const stored: StoredAnswer[] = [...answers].map(([id, { raw, origin }]) => [id, (raw as string | string[] | undefined) ?? null, origin]);
    const json = JSON.stringify({ format: PARSED_ANSWERS_FORMAT, coach: version, name, source: text, answers: stored });
    if (Buffer.byteLength(json) <= MAX_ENTRY_BYTES) writeCacheFileSync(file, json);
  }
  return answers;
}

/** The entry's answers when it is one this build wrote for exactly this text and name. */
function storedAnswers(entry: unknown, text: string, name: string, version: string): SuppliedAnswers | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { format, coach, name: storedName, source, answers } = entry as Record<string, unknown>;
  if (format !== PARSED_ANSWERS_FORMAT || coach !== version || storedName !== name || source !== text || !Array.isArray(answers)) return undefined;
  const supplied: SuppliedAnswers = new Map();
  // One pass that checks each stored answer and takes it. An index, not for-of: the iterator made
  // a result object for every answer.
  for (let index = 0; index < answers.length; index++) {
    const stored: unknown = answers[index];
    if (!isStoredAnswer(stored)) return undefined;
    supplied.set(stored[0], { raw: stored[1] ?? undefined, origin: stored[2] });
  }
  return supplied;
}

/**
 * Read by index, not destructured: this runs once per answer as cold code, where destructuring
 * walks an iterator for every entry.
 */
function isStoredAnswer(value: unknown): value is StoredAnswer {
  if (!Array.isArray(value) || value.length !== 3) return false;
  const id: unknown = value[0];
  const raw: unknown = value[1];
  const origin: unknown = value[2];
  const isRaw = raw === null || typeof raw === 'string' || (Array.isArray(raw) && raw.every((entry) => typeof entry === 'string'));
  return typeof id === 'string' && typeof origin === 'string' && isRaw;
}
