/**
 * The code cache files: which command a run is cached under, and that a file made for another
 * bundle, a missing file or an unwritable directory never reaches V8 or stops a run.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeCacheKey, readCodeCache, stampFor, userCodeCacheDir, writeCodeCache } from '../../src/build/code-cache.js';
import { tempDir } from '../helpers/run-cli.js';

describe('codeCacheKey', () => {
  it.each([
    [[], 'coach'],
    [['--help'], 'coach'],
    [['-V'], 'coach'],
    [['--no-color', 'prep', 'two-questions', '--answers', 'a.yaml'], 'prep'],
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
