/**
 * The parsed-answers cache: an answers file read a second time comes from the cache without the
 * YAML reader and gives exactly what reading gives; any edit, another name or another build
 * misses; a file with a problem is never kept; whatever else is where an entry should be is
 * ignored and replaced.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as reader from '../../../src/formats/answers-file.js';
import { UsageError } from '../../../src/errors.js';
import { parseAnswersWithCache, parsedAnswersDir } from '../../../src/store/cache/parsed-answers-cache.js';
import { tempDir } from '../../helpers/run-cli.js';

vi.mock('../../../src/formats/answers-file.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/formats/answers-file.js')>();
  return { ...actual, parseAnswers: vi.fn(actual.parseAnswers) };
});
const reads = (): number => vi.mocked(reader.parseAnswers).mock.calls.length;
beforeEach(() => {
  vi.mocked(reader.parseAnswers).mockClear();
});

const ANSWERS = 'customer: Acme Corp\nneed: a firm date for the fix\nsignals: ~\nagree_points:\n  - The outage cost them a month\n  - Nobody called back\nhelpful: listen\u3000\n';
const entries = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.json'));

describe('an answers file read twice', () => {
  it('is read by the YAML reader the first time only, and gives the same answers, origins and empty answers', async () => {
    const dir = join(tempDir(), 'parsed-answers');
    const first = await parseAnswersWithCache(ANSWERS, 'prep.yaml', dir);
    const second = await parseAnswersWithCache(ANSWERS, 'prep.yaml', dir);
    expect(reads()).toBe(1);
    expect(second).toStrictEqual(first);
    expect(second.get('signals')).toStrictEqual({ raw: undefined, origin: 'prep.yaml:3' });
    expect(second.get('agree_points')?.raw).toEqual(['The outage cost them a month', 'Nobody called back']);
    expect(second.get('helpful')?.raw).toBe('listen\u3000');
  });

  it('comes from the entry: an entry changed behind coach shows', async () => {
    const dir = join(tempDir(), 'parsed-answers');
    await parseAnswersWithCache(ANSWERS, 'prep.yaml', dir);
    const [entry] = entries(dir);
    const path = join(dir, entry ?? '');
    // The stored answer, not the stored text (which must still match the file): the last one.
    const json = readFileSync(path, 'utf8');
    const at = json.lastIndexOf('a firm date for the fix');
    writeFileSync(path, `${json.slice(0, at)}served from the cache${json.slice(at + 'a firm date for the fix'.length)}`);
    expect((await parseAnswersWithCache(ANSWERS, 'prep.yaml', dir)).get('need')?.raw).toBe('served from the cache');
    expect(reads()).toBe(1);
  });

  it('is read again after an edit that keeps the size, under another name, or by another build', async () => {
    const dir = join(tempDir(), 'parsed-answers');
    await parseAnswersWithCache(ANSWERS, 'prep.yaml', dir);
    const edited = ANSWERS.replace('Acme Corp', 'Acme Inc.');
    expect(edited.length).toBe(ANSWERS.length);
    expect((await parseAnswersWithCache(edited, 'prep.yaml', dir)).get('customer')?.raw).toBe('Acme Inc.');
    expect((await parseAnswersWithCache(ANSWERS, 'other.yaml', dir)).get('need')?.origin).toBe('other.yaml:2');
    await parseAnswersWithCache(ANSWERS, 'prep.yaml', dir, '0.0.0+another-build');
    expect(reads()).toBe(4);
    expect(entries(dir)).toHaveLength(4);
  });

  it('is never kept when it has a problem, and says so as the reader does, every time', async () => {
    const dir = join(tempDir(), 'parsed-answers');
    const broken = 'need: [unclosed\n';
    const message = (() => {
      try {
        reader.parseAnswers(broken, 'prep.yaml');
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    for (let run = 0; run < 2; run++) {
      await expect(parseAnswersWithCache(broken, 'prep.yaml', dir)).rejects.toThrow(UsageError);
      await expect(parseAnswersWithCache(broken, 'prep.yaml', dir)).rejects.toThrow(message);
    }
    expect(readdirSync(tempDir())).toEqual([]);
  });

  it('is read every time without a cache directory, which is what a run from the sources gets', async () => {
    await parseAnswersWithCache(ANSWERS, 'prep.yaml', undefined);
    await parseAnswersWithCache(ANSWERS, 'prep.yaml', undefined);
    expect(reads()).toBe(2);
    expect(parsedAnswersDir({ COACH_CACHE_DIR: tempDir() }, '/')).toBeUndefined();
  });
});

describe('whatever is where an entry should be', () => {
  const corrupt: [string, (entry: string, json: string) => void][] = [
    ['half an entry', (entry, json) => writeFileSync(entry, json.slice(0, json.length >> 1))],
    ['not JSON', (entry) => writeFileSync(entry, '{"format":1,')],
    ['an entry of another shape', (entry, json) => writeFileSync(entry, json.replace('"answers":[[', '"answers":[[1,'))],
    ['a FIFO', (entry) => expect(spawnSync('mkfifo', [entry]).status).toBe(0)],
    ['a link to /dev/zero', (entry) => symlinkSync('/dev/zero', entry)],
    ['a directory', (entry) => mkdirSync(entry)],
  ];

  it.each(corrupt)('%s is ignored: the file is read as if it were not there', async (_name, make) => {
    const dir = join(tempDir(), 'parsed-answers');
    const expected = await parseAnswersWithCache(ANSWERS, 'prep.yaml', dir);
    const [entry] = entries(dir);
    const path = join(dir, entry ?? '');
    const json = readFileSync(path, 'utf8');
    spawnSync('rm', ['-f', path]);
    make(path, json);
    expect(await parseAnswersWithCache(ANSWERS, 'prep.yaml', dir)).toStrictEqual(expected);
    expect(reads()).toBe(2);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
