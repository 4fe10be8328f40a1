/**
 * The directories coach uses when none is named: the platform's data, config and cache
 * directories for an application. Written here rather than taken from env-paths, which coach used
 * before: env-paths reads `process.env` and the home directory once, when it is imported, so the
 * environment a command is given (`Io.env`, which tests and embedders supply) could not reach
 * XDG_DATA_HOME and the rest. The conventions are the same as env-paths' (XDG on Linux and other
 * Unixes, ~/Library on macOS, %LOCALAPPDATA% and %APPDATA% on Windows), without its `-nodejs`
 * suffix.
 *
 * Every answer is absolute or there is none: with HOME="" a relative `.local/share/coach` would
 * put notes under whatever directory coach happens to run in.
 */
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export type PlatformDirectory = 'data' | 'config' | 'cache';

const NAME = 'coach';

/** The platform's directory of this kind for coach, or undefined when there is no usable home. */
export function platformDirectory(kind: PlatformDirectory, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  const home = 'HOME' in env || platform !== 'win32' ? (env['HOME'] ?? systemHome()) : (env['USERPROFILE'] ?? systemHome());
  const absolute = (dir: string | undefined): string | undefined => (dir !== undefined && dir !== '' && isAbsolute(dir) ? dir : undefined);
  const underHome = (...parts: string[]): string | undefined => {
    const base = absolute(home);
    return base === undefined ? undefined : join(base, ...parts);
  };
  if (platform === 'darwin') {
    const library = { data: 'Application Support', config: 'Preferences', cache: 'Caches' }[kind];
    return underHome('Library', library, NAME);
  }
  if (platform === 'win32') {
    const local = absolute(env['LOCALAPPDATA']) ?? underHome('AppData', 'Local');
    const roaming = absolute(env['APPDATA']) ?? underHome('AppData', 'Roaming');
    const base = kind === 'config' ? roaming : local;
    if (base === undefined) return undefined;
    return join(base, NAME, { data: 'Data', config: 'Config', cache: 'Cache' }[kind]);
  }
  // The XDG base directory specification: a relative value is invalid and is ignored.
  const xdg = { data: 'XDG_DATA_HOME', config: 'XDG_CONFIG_HOME', cache: 'XDG_CACHE_HOME' }[kind];
  const fallback = { data: ['.local', 'share'], config: ['.config'], cache: ['.cache'] }[kind];
  const base = absolute(env[xdg]);
  return base !== undefined ? join(base, NAME) : underHome(...fallback, NAME);
}

/**
 * Where coach keeps what it can always make again (code caches, compiled playbooks, the notes
 * index): $COACH_CACHE_DIR, else the platform's cache directory; undefined when there is none, and
 * coach then simply runs without a cache.
 */
export function cacheDirectory(env: NodeJS.ProcessEnv, cwd = process.cwd()): string | undefined {
  const chosen = env['COACH_CACHE_DIR'];
  return chosen ? resolve(cwd, chosen) : platformDirectory('cache', env);
}

function systemHome(): string | undefined {
  try {
    return homedir();
  } catch {
    return undefined;
  }
}
