/**
 * The directories coach uses when none is named: the platform's data, config and cache
 * directories, as env-paths knows them for each system. They must be absolute: with HOME=""
 * env-paths gives `.local/share/coach`, which would put notes under whatever directory coach
 * happens to run in. A relative answer is no answer.
 */
import envPaths from 'env-paths';
import { isAbsolute, resolve } from 'node:path';

export type PlatformDirectory = 'data' | 'config' | 'cache';

/** The platform's directory of this kind for coach, or undefined when there is no usable home. */
export function platformDirectory(kind: PlatformDirectory): string | undefined {
  let dir: string;
  try {
    dir = envPaths('coach', { suffix: '' })[kind];
  } catch {
    return undefined;
  }
  return isAbsolute(dir) ? dir : undefined;
}

/**
 * Where coach keeps what it can always make again (code caches, compiled playbooks, the notes
 * index): $COACH_CACHE_DIR, else the platform's cache directory; undefined when there is none, and
 * coach then simply runs without a cache.
 */
export function cacheDirectory(env: NodeJS.ProcessEnv, cwd = process.cwd()): string | undefined {
  const chosen = env['COACH_CACHE_DIR'];
  return chosen ? resolve(cwd, chosen) : platformDirectory('cache');
}
