/**
 * The compiled-playbook cache seen from the built CLI (`npm run build` first): `coach playbooks
 * validate` and `coach prep` of a user's playbook print the same bytes with a cold and a warm
 * cache, a warm run takes the playbook from the cache, an edit is checked again, and a cache
 * that is broken, missing or shared by runs at the same moment never changes what a user sees.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWERS, spawnCoach } from '../../adversarial/helpers.js';
import { repoPath } from '../../helpers/playbooks.js';
import { tempDir } from '../../helpers/run-cli.js';

/** A user's copy of a shipped playbook, so it is parsed (and cached) as any user's file is. */
function setup() {
  const dir = tempDir('coach-cli-playbook-cache-');
  const path = join(dir, 'two-questions.yaml');
  copyFileSync(repoPath('playbooks/two-questions.yaml'), path);
  const cache = join(dir, 'cache');
  /** The one entry in the cache (its name hashes the bundle's own build id, so it is looked up). */
  const entry = (): string => {
    const names = readdirSync(join(cache, 'compiled-playbooks'));
    expect(names).toHaveLength(1);
    return join(cache, 'compiled-playbooks', names[0] ?? '');
  };
  return { dir, path, cache, entry, env: { COACH_CACHE_DIR: cache, COACH_CONFIG_DIR: join(dir, 'config') } };
}

const validate = (path: string, env: Record<string, string>) => spawnCoach(['playbooks', 'validate', path], { env });
const prep = (path: string, env: Record<string, string>) =>
  spawnCoach(['prep', path, '--answers', ANSWERS, '--date', '2026-11-22', '--no-input', '--no-save'], { env });
/** What a run shows, without the moment it ran (the note records when it was made). */
const shown = ({ code, signal, stdout, stderr }: { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }) => ({
  code,
  signal,
  stdout: stdout.replace(/^created: .*$/m, 'created: <when>'),
  stderr,
});

describe('a user playbook with the compiled-playbook cache', () => {
  it('validate prints the same with a cold and a warm cache, and the warm run uses the cache', async () => {
    const { path, entry, env } = setup();
    const cold = await validate(path, env);
    expect(shown(cold)).toEqual({ code: 0, signal: null, stdout: `${path}: ok (two-questions)\n`, stderr: '' });
    expect(entry()).toMatch(/\.json$/);
    expect(shown(await validate(path, env))).toEqual(shown(cold));
    expect(shown(await spawnCoach(['playbooks', 'validate', '--json', path], { env }))).toEqual(
      shown(await spawnCoach(['playbooks', 'validate', '--json', path], { env: { ...env, COACH_CACHE_DIR: join(tempDir(), 'cold') } })),
    );
  });

  it('prep writes the same note and coaching with a cold and a warm cache', async () => {
    const { path, entry, env } = setup();
    const cold = await prep(path, env);
    expect(cold.code).toBe(0);
    expect(cold.stdout).toContain('# Meeting prep: Acme Corp - Renewal after the outage');
    expect(cold.stderr).toContain('Watch out: They may arrive angry.');
    expect(entry()).toMatch(/\.json$/);
    expect(shown(await prep(path, env))).toEqual(shown(cold));
  });

  it('a warm run takes the playbook from the cache, not from parsing the file', async () => {
    // Only a test changes an entry behind coach: it shows which of the two a run used.
    const { path, entry, env } = setup();
    await validate(path, env);
    const file = entry();
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { playbook: { title: string } };
    stored.playbook.title = 'Title from the cache';
    writeFileSync(file, JSON.stringify(stored));
    const show = await spawnCoach(['playbooks', 'show', path], { env });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Title from the cache');
  });

  it('an entry from another build of the same version is not used', async () => {
    const { path, entry, env } = setup();
    await validate(path, env);
    const file = entry();
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { coach: string; playbook: { title: string } };
    expect(stored.coach).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{16}$/);
    stored.coach = stored.coach.replace(/\+.*/, '+0123456789abcdef');
    stored.playbook.title = 'Title from another build';
    writeFileSync(file, JSON.stringify(stored));
    const show = await spawnCoach(['playbooks', 'show', path], { env });
    expect(show.code).toBe(0);
    expect(show.stdout).not.toContain('Title from another build');
    expect(show.stdout).toContain('The two-question sheet');
  });

  it('an edited file is checked again: a broken edit is reported, not hidden by the cache', async () => {
    const { path, env } = setup();
    expect((await validate(path, env)).code).toBe(0);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: /m, 'titel: '));
    const edited = await validate(path, env);
    expect(edited.code).toBe(3);
    expect(edited.stdout).toMatch(new RegExp(`^${path}:\\d+:1: unknown key "titel" \\(did you mean "title"\\?\\)$`, 'm'));
    expect(edited.stderr).toBe('coach: 1 of 1 playbook invalid (2 problems)\n');
  });

  it.each([
    ['a FIFO', (entry: string) => expect(spawnSync('mkfifo', [entry]).status).toBe(0)],
    ['a link to /dev/zero', (entry: string) => symlinkSync('/dev/zero', entry)],
    ['half an entry', (entry: string, good: string) => writeFileSync(entry, good.slice(0, good.length >> 1))],
  ])('an entry that is %s is ignored: the run prints what a cold one does and exits 0', async (_name, make) => {
    const { path, entry, env } = setup();
    const cold = await validate(path, env);
    const file = entry();
    const good = readFileSync(file, 'utf8');
    spawnSync('rm', ['-f', file]);
    make(file, good);
    expect(shown(await spawnCoach(['playbooks', 'validate', path], { env, timeoutMs: 10_000 }))).toEqual(shown(cold));
    expect(readFileSync(entry(), 'utf8')).toBe(good);
  });

  it('with no cache directory at all (no home), runs the same and writes nothing where it runs', async () => {
    const { dir, path } = setup();
    const cwd = tempDir('coach-no-home-');
    const env = { HOME: '', XDG_CACHE_HOME: '', XDG_CONFIG_HOME: '', XDG_DATA_HOME: '', COACH_CACHE_DIR: '' };
    const first = await spawnCoach(['playbooks', 'validate', path], { env, cwd });
    expect(shown(first)).toEqual({ code: 0, signal: null, stdout: `${path}: ok (two-questions)\n`, stderr: '' });
    expect(shown(await spawnCoach(['playbooks', 'validate', path], { env, cwd }))).toEqual(shown(first));
    expect(readdirSync(cwd)).toEqual([]);
    expect(readdirSync(dir)).toEqual(['two-questions.yaml']);
  });

  it('a cache directory that is a file: runs the same and leaves the file alone', async () => {
    const { dir, path } = setup();
    const blocker = join(dir, 'cache-file');
    writeFileSync(blocker, 'mine\n');
    const env = { COACH_CACHE_DIR: blocker };
    const result = await validate(path, env);
    expect(shown(result)).toEqual({ code: 0, signal: null, stdout: `${path}: ok (two-questions)\n`, stderr: '' });
    expect(readFileSync(blocker, 'utf8')).toBe('mine\n');
  });

  it('several runs filling a cold cache at once all succeed and leave one good entry', async () => {
    const { path, entry, env } = setup();
    const runs = await Promise.all([1, 2, 3, 4, 5, 6].map(() => validate(path, env)));
    for (const run of runs) expect(shown(run)).toEqual({ code: 0, signal: null, stdout: `${path}: ok (two-questions)\n`, stderr: '' });
    // One entry and no temp file of any run left beside it.
    expect(entry()).toMatch(/\.json$/);
    expect(JSON.parse(readFileSync(entry(), 'utf8'))).toMatchObject({ source: readFileSync(path, 'utf8'), playbook: { id: 'two-questions' } });
  });
});
