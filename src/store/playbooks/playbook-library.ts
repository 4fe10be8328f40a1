/**
 * Where playbooks come from, in order of precedence (a later source overrides an earlier one with
 * the same id): built-in, the user's directory, each directory in COACH_PLAYBOOKS_PATH, then each
 * `--playbooks <dir>`. A path to a .yaml file always works.
 */
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closest } from '../../core/text/closest.js';
import type { Playbook } from '../../core/playbook/schema.js';
import { CoachError, UnknownPlaybookError, UsageError } from '../../errors.js';
import { readTextFile } from '../files/read-text-file.js';
import { platformDirectory } from '../cache/app-dirs.js';
import { parsePlaybookWithCache } from './compiled-playbook-cache.js';
import { precompiledFileFor, precompiledId, readPrecompiledPlaybook } from './precompiled-playbooks.js';
import { firstLine } from '../../core/text/text-lines.js';

/**
 * True in the bundle only (src/build/build.ts defines it): only the bundle has precompiled
 * built-ins beside it. Run from src (tests, tsx), a built-in is always parsed from its YAML, so an
 * edit to the schema or a playbook counts at once, whatever an older build left in dist/.
 */
declare const COACH_BUNDLE: boolean | undefined;
const PRECOMPILED_BUILTINS = typeof COACH_BUNDLE !== 'undefined' && COACH_BUNDLE;

export type SourceKind = 'built-in' | 'user' | 'team' | 'dir' | 'file';

export interface PlaybookSource {
  kind: SourceKind;
  dir: string;
}

export interface LoadedPlaybook {
  playbook: Playbook;
  path: string;
  source: SourceKind;
}

/**
 * This module's directory. In the bundle, the bundle's: CommonJS knows it as __dirname, where
 * import.meta.url would cost a file URL made and parsed again (half a millisecond of every prep).
 */
const moduleDir = (): string => (PRECOMPILED_BUILTINS ? __dirname : dirname(fileURLToPath(import.meta.url)));

/** The shipped playbooks sit beside the package, found from wherever the code runs (src or dist). */
function builtinPlaybooksDir(): string {
  let dir = moduleDir();
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'playbooks'))) return join(dir, 'playbooks');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the built-in playbooks directory');
    dir = parent;
  }
}

export function playbookSources(env: NodeJS.ProcessEnv, cwd: string, extraDirs: readonly string[] = []): PlaybookSource[] {
  // With no usable home there is no user directory, rather than one relative to wherever coach runs.
  const configDir = env['COACH_CONFIG_DIR'] ? resolve(cwd, env['COACH_CONFIG_DIR']) : platformDirectory('config', env);
  const team = (env['COACH_PLAYBOOKS_PATH'] ?? '').split(delimiter).filter((dir) => dir !== '');
  return [
    { kind: 'built-in', dir: builtinPlaybooksDir() },
    ...(configDir === undefined ? [] : [{ kind: 'user' as const, dir: join(configDir, 'playbooks') }]),
    ...team.map((dir) => ({ kind: 'team' as const, dir: resolve(cwd, dir) })),
    ...extraDirs.map((dir) => ({ kind: 'dir' as const, dir: resolve(cwd, dir) })),
  ];
}

/**
 * Where one command looks for playbooks: the sources in order, the directory a path is relative
 * to, and where compiled playbooks are kept between runs (none: every user playbook is parsed).
 */
export interface PlaybookShelf {
  sources: readonly PlaybookSource[];
  cwd: string;
  compiledCache?: string | undefined;
}

export const isPlaybookPath = (arg: string): boolean => /[\\/]/.test(arg) || /\.ya?ml$/i.test(arg);

/**
 * A playbook file, validated. `compiledCache` is where compiled playbooks are kept between runs
 * (compiledPlaybooksDir); without it every file that is not a precompiled built-in is parsed.
 */
export async function loadPlaybookFile(path: string, source: SourceKind, compiledCache?: string): Promise<LoadedPlaybook> {
  const text = readTextFile(path, 'the playbook');
  const precompiled = source === 'built-in' ? compiledAtBuild(path, text) : undefined;
  // The parser (yaml, the schema and the reference checks) loads only when a playbook needs parsing.
  const playbook = precompiled ?? (await parsePlaybookWithCache(text, path, compiledCache));
  return { playbook, path, source };
}

/**
 * A built-in playbook as the build validated and compiled it, when `text` is exactly what it was
 * compiled from; undefined otherwise (edited since, or running from src), and it must be parsed.
 */
function compiledAtBuild(path: string, text: string): Playbook | undefined {
  // The precompiled playbooks are beside the bundle, wherever it was built.
  return PRECOMPILED_BUILTINS ? readPrecompiledPlaybook(precompiledFileFor(path, moduleDir()), text) : undefined;
}

/** The id of a built-in playbook the build validated, when `text` is exactly what it checked. */
export function checkedAtBuild(path: string, text: string): string | undefined {
  return PRECOMPILED_BUILTINS ? precompiledId(precompiledFileFor(path, moduleDir()), text) : undefined;
}

/** Every playbook file of a source; a directory that does not exist is simply empty. */
export function playbookFiles(source: PlaybookSource): string[] {
  try {
    const names = readdirSync(source.dir);
    return names.filter((name) => /\.ya?ml$/i.test(name) && !name.startsWith('.')).sort().map((name) => join(source.dir, name));
  } catch {
    return [];
  }
}

/** The file an id resolves to: `<id>.yaml` (then `.yml`) in the last source that has one. */
export function findPlaybookFile(id: string, sources: readonly PlaybookSource[]): { path: string; source: SourceKind } | undefined {
  for (const source of [...sources].reverse()) {
    for (const extension of ['.yaml', '.yml']) {
      const path = join(source.dir, `${id}${extension}`);
      if (existsSync(path)) return { path, source: source.kind };
    }
  }
  return undefined;
}

/** An id resolves to `<id>.yaml` in the last source that has it; a path is read as it is. */
export async function loadPlaybook(idOrPath: string, shelf: PlaybookShelf): Promise<LoadedPlaybook> {
  const { sources, cwd, compiledCache } = shelf;
  if (isPlaybookPath(idOrPath)) return loadPlaybookFile(resolve(cwd, idOrPath), 'file', compiledCache);
  const found = findPlaybookFile(idOrPath, sources);
  if (found) {
    const loaded = await loadPlaybookFile(found.path, found.source, compiledCache);
    const mismatch = idMismatch(loaded);
    if (mismatch) throw new UsageError(mismatch);
    return loaded;
  }
  const known = await knownIds(sources);
  const hint = closest(idOrPath, known);
  throw new UnknownPlaybookError(idOrPath, known, hint);
}

/** A playbook is found by its file name, so a file that declares another id cannot be used by id. */
function idMismatch(loaded: LoadedPlaybook): string | undefined {
  const id = fileId(loaded.path);
  return loaded.playbook.id === id ? undefined : `${loaded.path}: the file declares id "${loaded.playbook.id}"; name the file ${loaded.playbook.id}.yaml`;
}

/** The id a playbook file answers to: its name without `.yaml` or `.yml`. */
export const fileId = (path: string): string => path.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');

async function knownIds(sources: readonly PlaybookSource[]): Promise<string[]> {
  const files = sources.flatMap(playbookFiles);
  return [...new Set(files.map(fileId))].sort();
}

/** Where a playbook file is. */
interface PlaybookLocation {
  path: string;
  source: SourceKind;
}

/**
 * `hides` is always filled by listPlaybooks: the files of earlier sources with the same id, which
 * this one overrides. It is optional only so that a plain LoadedPlaybook is a listing too.
 */
interface Listing {
  hides?: readonly PlaybookLocation[] | undefined;
}
export type ListedPlaybook =
  | (LoadedPlaybook & Listing & { error?: undefined })
  | (PlaybookLocation & Listing & { id: string; error: string; playbook?: undefined });

/** The id a listing answers to: what `coach prep <id>` would resolve to this file. */
export const listedId = (entry: ListedPlaybook): string => entry.playbook?.id ?? fileId(entry.path);

/**
 * Every playbook of every source, one per id, sorted by id: for each id the file `loadPlaybook`
 * would pick (a later source wins; in one directory `.yaml` wins over `.yml`), with the files it
 * hides. An invalid file is listed with its first error, never hidden and never fatal to the
 * listing; it still wins its id, because `coach prep <id>` would pick it too.
 */
export async function listPlaybooks({ sources, compiledCache }: PlaybookShelf): Promise<ListedPlaybook[]> {
  const byId = new Map<string, { winner: PlaybookLocation; hides: PlaybookLocation[] }>();
  for (const source of sources) {
    const files = playbookFiles(source);
    // `.yml` first, so that `.yaml` of the same id in the same directory takes its place, as in loadPlaybook.
    for (const path of [...files].sort((a, b) => Number(/\.yaml$/i.test(a)) - Number(/\.yaml$/i.test(b)))) {
      const id = fileId(path);
      const previous = byId.get(id);
      const location = { path, source: source.kind };
      byId.set(id, { winner: location, hides: previous ? [...previous.hides, previous.winner] : [] });
    }
  }
  const byIdSorted = [...byId.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(
    byIdSorted.map(async ([id, { winner, hides }]): Promise<ListedPlaybook> => {
      try {
        const loaded = await loadPlaybookFile(winner.path, winner.source, compiledCache);
        const mismatch = idMismatch(loaded);
        if (mismatch) return { id, ...winner, hides, error: mismatch };
        return { ...loaded, hides };
      } catch (error) {
        if (!(error instanceof CoachError)) throw error;
        return { id, ...winner, hides, error: firstLine(error.message) };
      }
    }),
  );
}

