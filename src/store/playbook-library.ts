/**
 * Where playbooks come from, in order of precedence (a later source overrides an earlier one with
 * the same id): built-in, the user's directory, each directory in COACH_PLAYBOOKS_PATH, then each
 * `--playbooks <dir>`. A path to a .yaml file always works.
 */
import envPaths from 'env-paths';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closest } from '../engine/closest.js';
import { parsePlaybook } from '../engine/parse-playbook.js';
import type { Playbook } from '../engine/schema.js';
import { UsageError } from '../errors.js';
import { readTextFile } from '../files/read-text-file.js';

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

/** The shipped playbooks sit beside the package, found from wherever the code runs (src or dist). */
export function builtinPlaybooksDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'playbooks'))) return join(dir, 'playbooks');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the built-in playbooks directory');
    dir = parent;
  }
}

export function playbookSources(env: NodeJS.ProcessEnv, cwd: string, extraDirs: readonly string[] = []): PlaybookSource[] {
  const userDir = env['COACH_CONFIG_DIR'] ? join(env['COACH_CONFIG_DIR'], 'playbooks') : join(envPaths('coach', { suffix: '' }).config, 'playbooks');
  const team = (env['COACH_PLAYBOOKS_PATH'] ?? '').split(delimiter).filter((dir) => dir !== '');
  return [
    { kind: 'built-in', dir: builtinPlaybooksDir() },
    { kind: 'user', dir: userDir },
    ...team.map((dir) => ({ kind: 'team' as const, dir: resolve(cwd, dir) })),
    ...extraDirs.map((dir) => ({ kind: 'dir' as const, dir: resolve(cwd, dir) })),
  ];
}

export const isPlaybookPath = (arg: string): boolean => /[\\/]/.test(arg) || /\.ya?ml$/i.test(arg);

export async function loadPlaybookFile(path: string, source: SourceKind): Promise<LoadedPlaybook> {
  const text = await readTextFile(path, 'the playbook');
  return { playbook: parsePlaybook(text, path), path, source };
}

/** Every playbook file of a source; a directory that does not exist is simply empty. */
export async function playbookFiles(source: PlaybookSource): Promise<string[]> {
  try {
    const names = await readdir(source.dir);
    return names.filter((name) => /\.ya?ml$/i.test(name) && !name.startsWith('.')).sort().map((name) => join(source.dir, name));
  } catch {
    return [];
  }
}

/** An id resolves to `<id>.yaml` in the last source that has it; a path is read as it is. */
export async function loadPlaybook(idOrPath: string, sources: readonly PlaybookSource[], cwd: string): Promise<LoadedPlaybook> {
  if (isPlaybookPath(idOrPath)) return loadPlaybookFile(resolve(cwd, idOrPath), 'file');
  for (const source of [...sources].reverse()) {
    for (const extension of ['.yaml', '.yml']) {
      const path = join(source.dir, `${idOrPath}${extension}`);
      if (existsSync(path)) {
        const loaded = await loadPlaybookFile(path, source.kind);
        if (loaded.playbook.id !== idOrPath) {
          throw new UsageError(`${path}: the file declares id "${loaded.playbook.id}"; name the file ${loaded.playbook.id}.yaml`);
        }
        return loaded;
      }
    }
  }
  const known = await knownIds(sources);
  const hint = closest(idOrPath, known);
  throw new UsageError(
    `no playbook "${idOrPath}"${hint ? ` (did you mean "${hint}"?)` : ''}; available: ${known.join(', ')}. A path to a .yaml file works too.`,
  );
}

async function knownIds(sources: readonly PlaybookSource[]): Promise<string[]> {
  const files = (await Promise.all(sources.map(playbookFiles))).flat();
  return [...new Set(files.map((file) => file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '')))].sort();
}

export type ListedPlaybook = LoadedPlaybook | { path: string; source: SourceKind; error: string; playbook?: undefined };

/**
 * Every playbook of every source, the winner for each id last-source-wins. An invalid file is
 * listed with its first error, never hidden and never fatal to the listing.
 */
export async function listPlaybooks(sources: readonly PlaybookSource[]): Promise<(ListedPlaybook & { error?: string | undefined })[]> {
  const byId = new Map<string, ListedPlaybook>();
  const broken: ListedPlaybook[] = [];
  for (const source of sources) {
    for (const path of await playbookFiles(source)) {
      try {
        const loaded = await loadPlaybookFile(path, source.kind);
        byId.delete(loaded.playbook.id);
        byId.set(loaded.playbook.id, loaded);
      } catch (error) {
        broken.push({ path, source: source.kind, error: firstLine((error as Error).message) });
      }
    }
  }
  return [...byId.values(), ...broken];
}

const firstLine = (text: string): string => text.split('\n')[0] ?? text;
