/**
 * The code cache files: which command a run is cached under, and that a file made for another
 * bundle, a missing file, an unwritable directory, or something that is not a file at all (a
 * FIFO, a link to /dev/zero, a directory) never reaches V8 or stops a run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeCacheKey, MAX_CODE_CACHE_BYTES, readCodeCache, stampFor, userCodeCacheDir, writeCodeCache } from '../../src/build/code-cache.js';
import { spawnCoach } from '../adversarial/helpers.js';
import { repoPath } from '../helpers/playbooks.js';
import { tempDir } from '../helpers/run-cli.js';

describe('codeCacheKey', () => {
  it.each([
    [[], 'coach'],
    [['--help'], 'coach'],
    [['-V'], 'coach'],
    [['--no-color', 'prep', 'two-questions', '--answers', 'a.yaml'], 'prep'],
    [['prep', './my-playbook.yaml', '--answers', 'a.yaml'], 'prep-file'],
    [['prep', 'playbooks/Custom.YML'], 'prep-file'],
    [['prep', 'C:\\plays\\mine'], 'prep-file'],
    [['history', '--json'], 'history'],
    [['playbooks', 'validate', 'a.yaml'], 'playbooks-validate'],
    [['playbooks', '--help'], 'playbooks'],
    [['__complete', 'prep', ''], '__complete'],
    [['../etc/passwd'], 'coach'],
    [['Prep'], 'coach'],
    [['playbooks', 'x/../y'], 'playbooks'],
  ])('%j is cached as %s', (argv, key) => {
    expect(codeCacheKey(argv)).toBe(key);
  });
});

describe('code cache files', () => {
  const stamp = stampFor('0123456789abcdef');
  const data = Buffer.from([0, 1, 2, 255, 10, 13]);

  it('give back exactly the data written for the same bundle', () => {
    const file = join(tempDir(), 'nested/dir/prep.bin');
    writeCodeCache(file, stamp, () => data);
    expect(readCodeCache(file, stamp)).toEqual(data);
    expect(readdirSync(join(file, '..'))).toEqual(['prep.bin']);
  });

  it('are not used for another bundle, nor when missing', () => {
    const file = join(tempDir(), 'prep.bin');
    writeCodeCache(file, stampFor('fedcba9876543210'), () => data);
    expect(readCodeCache(file, stamp)).toBeUndefined();
    expect(readCodeCache(join(tempDir(), 'none.bin'), stamp)).toBeUndefined();
    writeFileSync(file, 'coach');
    expect(readCodeCache(file, stamp)).toBeUndefined();
  });

  it('replace an older cache whole', () => {
    const file = join(tempDir(), 'prep.bin');
    writeCodeCache(file, stampFor('fedcba9876543210'), () => Buffer.alloc(1000, 7));
    writeCodeCache(file, stamp, () => data);
    expect(readFileSync(file)).toEqual(Buffer.concat([Buffer.from(stamp), data]));
  });

  it('are skipped without an error where they cannot be written', () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, '');
    expect(() => writeCodeCache(join(blocker, 'prep.bin'), stamp, () => data)).not.toThrow();
    expect(existsSync(join(blocker, 'prep.bin'))).toBe(false);
    const file = join(tempDir(), 'prep.bin');
    expect(() =>
      writeCodeCache(file, stamp, () => {
        throw new Error('V8 could not serialize');
      }),
    ).not.toThrow();
    expect(existsSync(file)).toBe(false);
  });

  it('live in $COACH_CACHE_DIR when it is set', () => {
    expect(userCodeCacheDir({ COACH_CACHE_DIR: '/tmp/coach-cache' })).toBe(join('/tmp/coach-cache', 'code-cache'));
    expect(userCodeCacheDir({})).toMatch(/coach/);
  });
});

/** Puts `make`'s thing where the cache of every command run below would be. */
function cacheDirWith(make: (file: string) => void): string {
  const dir = tempDir('coach-code-cache-');
  mkdirSync(join(dir, 'code-cache'));
  for (const key of ['coach', 'playbooks-validate', 'playbooks-schema', 'resume']) make(join(dir, 'code-cache', `${key}.bin`));
  return dir;
}

const notFiles: [string, (file: string) => void][] = [
  ['a FIFO', (file) => expect(spawnSync('mkfifo', [file]).status).toBe(0)],
  ['a link to /dev/zero', (file) => symlinkSync('/dev/zero', file)],
  ['a directory', (file) => mkdirSync(file)],
];

describe('a cache file that is not a regular file', () => {
  it.each(notFiles)('%s is not read', (_name, make) => {
    const dir = cacheDirWith(make);
    expect(readCodeCache(join(dir, 'code-cache', 'coach.bin'), stampFor('0123456789abcdef'))).toBeUndefined();
  });

  it('nor is one larger than any cache can be', () => {
    const file = join(tempDir(), 'coach.bin');
    writeFileSync(file, stampFor('0123456789abcdef'));
    truncateSync(file, MAX_CODE_CACHE_BYTES + 1);
    expect(readCodeCache(file, stampFor('0123456789abcdef'))).toBeUndefined();
  });

  // Needs `npm run build`: these run bin/coach.js, which reads the user's cache before the bundle's.
  it.each(notFiles)('%s does not stop the built CLI: it runs and exits 0', async (_name, make) => {
    const dir = cacheDirWith(make);
    const env = { COACH_CACHE_DIR: dir, COACH_CONFIG_DIR: join(dir, 'config') };
    const version = await spawnCoach(['--version'], { env, timeoutMs: 10_000 });
    expect(version).toMatchObject({ code: 0, signal: null, stdout: `${(JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { version: string }).version}\n`, stderr: '' });
    const validate = await spawnCoach(['playbooks', 'validate', 'tests/fixtures/playbooks/valid/minimal.yaml'], { env, timeoutMs: 10_000 });
    expect(validate).toMatchObject({ code: 0, signal: null, stdout: 'tests/fixtures/playbooks/valid/minimal.yaml: ok (minimal)\n', stderr: '' });
    // An untrained command writes its cache after the run: over a FIFO or link it replaces it,
    // a directory stays a directory; either way the run succeeds.
    const resume = await spawnCoach(['resume', '--help'], { env, timeoutMs: 10_000 });
    expect(resume).toMatchObject({ code: 0, signal: null, stderr: '' });
  });
});
