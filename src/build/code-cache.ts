/**
 * V8 code caches for the bundle, one per command (see build.ts for why). A cache file is a stamp
 * line naming the bundle it was made from, then the bytes of `script.createCachedData()`. V8
 * itself rejects data from another V8 version or other flags, but it checks only the length of
 * the source, so the stamp is what keeps a cache from one build away from another build's bundle.
 */
import { join } from 'node:path';
import { readRegularFileSync } from '../store/files/read-regular-file.js';
import { cacheDirectory } from '../store/cache/app-dirs.js';
import { writeCacheFileSync } from '../store/cache/cache-file.js';

/** The first line of every cache file for one bundle: build.ts derives it from the bundle's hash. */
export const stampFor = (bundleHash: string): string => `coach code cache ${bundleHash}\n`;

/**
 * Which command the arguments run, as a file name: `prep`, `playbooks-validate`, `coach` for
 * the program itself (`--help`, `--version`, no command). Global options come before the command
 * and take no value, so the first word that is not an option names it.
 *
 * A prep of a playbook file (`prep ./my-playbook.yaml`) is `prep-file`: its cache is trained on a
 * first prep of such a file, which reads the YAML and checks it with zod (train-code-cache.ts).
 * Measured: 7-15% fewer instructions for a user's playbook the first time; the same after, from
 * the compiled-playbook cache. A built-in one's cache would hold none of that code, and with it a
 * built-in prep took 2% more. An option's value written before the playbook (`prep --answers
 * a.yaml two-questions`) is taken for it: such a run gets prep-file's cache, and runs all the same.
 */
export function codeCacheKey(argv: readonly string[]): string {
  const [command, subcommand] = argv.filter((arg) => !arg.startsWith('-'));
  const word = /^[a-z_]{1,32}$/;
  if (command === undefined || !word.test(command)) return 'coach';
  if (command === 'prep' && subcommand !== undefined && isPlaybookFile(subcommand)) return 'prep-file';
  return command === 'playbooks' && subcommand !== undefined && word.test(subcommand) ? `playbooks-${subcommand}` : command;
}

/** A path rather than a playbook's id: ids are lower-case words and dashes (schema.ts). */
const isPlaybookFile = (word: string): boolean => /[/\\]|\.ya?ml$/i.test(word);

/**
 * Where a run writes the cache it made: $COACH_CACHE_DIR or the platform's cache directory;
 * undefined when there is none (no home directory), since a cache must never stop a run.
 */
export function userCodeCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const dir = cacheDirectory(env);
  return dir === undefined ? undefined : join(dir, 'code-cache');
}

/**
 * The largest cache file read. A command's cache is 0.25-0.5 MB for a 0.6 MB bundle today, and a
 * cache of every function in the bundle would be a few MB; 64 MiB leaves room for the bundle to
 * grow many times over while bounding what a file put in a cache's place (a link to /dev/zero,
 * a huge file) can cost: it is skipped, not read.
 */
export const MAX_CODE_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * The cached data in a file made for this bundle, or undefined: missing, unreadable, another
 * bundle, or not a regular file of at most MAX_CODE_CACHE_BYTES (a FIFO would hang a plain read,
 * a link to /dev/zero would fill memory).
 */
export function readCodeCache(file: string, stamp: string): Buffer | undefined {
  const read = readRegularFileSync(file, MAX_CODE_CACHE_BYTES);
  if (!('bytes' in read)) return undefined;
  const { bytes } = read;
  return bytes.toString('latin1', 0, stamp.length) === stamp ? bytes.subarray(stamp.length) : undefined;
}

/**
 * Writes a cache file whole or not at all (a temp file renamed over it), so a concurrent run
 * never reads half a file. A cache is an optimisation: any failure, even in making the data, is
 * ignored, since it happens as a successful run exits.
 */
export function writeCodeCache(file: string, stamp: string, data: () => Buffer): void {
  let bytes: Buffer;
  try {
    bytes = Buffer.concat([Buffer.from(stamp, 'latin1'), data()]);
  } catch {
    return;
  }
  writeCacheFileSync(file, bytes);
}
