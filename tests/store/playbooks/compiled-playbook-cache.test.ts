/**
 * The compiled-playbook cache: a playbook loaded a second time comes from the cache without the
 * parser, gives exactly what parsing gives, and any edit misses. Whatever is found where an entry
 * should be (nothing, half a file, another version's entry, a FIFO, a link to /dev/zero, a
 * directory) is ignored and rebuilt, and a cache that cannot be written costs nothing but time.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkPlaybook } from '../../../src/core/playbook/parse-playbook.js';
import * as reader from '../../../src/core/playbook/read-playbook-yaml.js';
import { PlaybookError } from '../../../src/errors.js';
import { COACH_VERSION } from '../../../src/store/cache/coach-build.js';
import {
  compiledPlaybookFile,
  compiledPlaybooksDir,
  parsePlaybookWithCache,
  readCompiledPlaybook,
  writeCompiledPlaybook,
} from '../../../src/store/playbooks/compiled-playbook-cache.js';
import { cacheNameHash, fnv1a32 } from '../../../src/store/cache/fnv1a.js';
import { loadPlaybookFile } from '../../../src/store/playbooks/playbook-library.js';
import { repoPath } from '../../helpers/playbooks.js';
import { tempDir } from '../../helpers/run-cli.js';

// Every reading of a playbook's YAML (the first half of every parse) is counted, so a test can
// prove that a load did not parse.
vi.mock('../../../src/core/playbook/read-playbook-yaml.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/core/playbook/read-playbook-yaml.js')>();
  return { ...actual, readPlaybookYaml: vi.fn(actual.readPlaybookYaml) };
});
const parseCalls = (): number => vi.mocked(reader.readPlaybookYaml).mock.calls.length;

const RENEWAL = readFileSync(repoPath('tests/fixtures/playbooks/guide/renewal-call.yaml'), 'utf8');

function setup(text = RENEWAL) {
  const dir = tempDir('coach-playbook-cache-');
  const path = join(dir, 'renewal-call.yaml');
  writeFileSync(path, text);
  const cache = join(dir, 'cache', 'compiled-playbooks');
  return { dir, path, cache, entry: compiledPlaybookFile(cache, text) };
}

function parsed(text = RENEWAL) {
  const real = vi.mocked(reader.readPlaybookYaml).getMockImplementation();
  if (real === undefined) throw new Error('readPlaybookYaml is not wrapped');
  return checkPlaybook(real(text, 'expected.yaml'));
}
const leftovers = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

beforeEach(() => {
  vi.mocked(reader.readPlaybookYaml).mockClear();
});

describe('fnv1a32', () => {
  it('is FNV-1a: the published test values', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
});

describe('an entry\'s name for a long text (cacheNameHash)', () => {
  const long = `${RENEWAL}\n${'# a long comment line to make the text big\n'.repeat(8000)}`;

  it('looks at the whole of a short text and at the length of any text', () => {
    expect(cacheNameHash(RENEWAL)).not.toBe(cacheNameHash(RENEWAL.replace('renewal', 'Renewal')));
    expect(cacheNameHash(long)).toBe(cacheNameHash(`${long}`));
    expect(cacheNameHash(long)).not.toBe(cacheNameHash(`${long} `));
  });

  it('looks at the whole of a prefix (the build, the file name), which is never joined to the text', () => {
    expect(cacheNameHash(long, '0.1.0+a\0')).not.toBe(cacheNameHash(long, '0.1.0+b\0'));
    expect(cacheNameHash(long, '0.1.0+a\0')).toBe(cacheNameHash(`${long}`, '0.1.0+a\0'));
    expect(cacheNameHash(RENEWAL, 'x')).not.toBe(cacheNameHash(RENEWAL));
  });

  it('may give two long texts one name, which costs a miss and never the other text\'s playbook', async () => {
    expect(long.length).toBeGreaterThan(300_000);
    // Find an edit of the same length that the sampled name does not see.
    let edited = '';
    for (let at = long.length - 2; at > RENEWAL.length; at--) {
      const candidate = `${long.slice(0, at)}X${long.slice(at + 1)}`;
      if (cacheNameHash(candidate) === cacheNameHash(long)) {
        edited = candidate;
        break;
      }
    }
    expect(edited.length).toBe(long.length);
    const dir = join(tempDir('coach-playbook-cache-'), 'compiled-playbooks');
    const playbook = await parsePlaybookWithCache(long, 'long.yaml', dir);
    expect(readCompiledPlaybook(dir, edited)).toBeUndefined();
    await parsePlaybookWithCache(edited, 'long.yaml', dir);
    expect(parseCalls()).toBe(2);
    expect(readCompiledPlaybook(dir, edited)).toStrictEqual(playbook);
    expect(readCompiledPlaybook(dir, long)).toBeUndefined();
  });
});

describe('a playbook loaded twice', () => {
  it('is parsed the first time only, and the second load gives exactly the same playbook', async () => {
    const { path, cache, entry } = setup();
    const first = await loadPlaybookFile(path, 'user', cache);
    expect(parseCalls()).toBe(1);
    expect(statSync(entry).isFile()).toBe(true);
    const second = await loadPlaybookFile(path, 'user', cache);
    expect(parseCalls()).toBe(1);
    expect(second).toStrictEqual(first);
    expect(second.playbook).toStrictEqual(parsed());
  });

  it('comes from the entry, not from the file: an entry changed behind coach shows', async () => {
    const { path, cache, entry } = setup();
    await loadPlaybookFile(path, 'file', cache);
    const stored = JSON.parse(readFileSync(entry, 'utf8')) as { playbook: { title: string } };
    stored.playbook.title = 'Changed in the cache only';
    writeFileSync(entry, JSON.stringify(stored));
    expect((await loadPlaybookFile(path, 'file', cache)).playbook.title).toBe('Changed in the cache only');
  });

  it('is parsed again after an edit, even one that keeps the size', async () => {
    const { path, cache } = setup();
    await loadPlaybookFile(path, 'file', cache);
    const edited = RENEWAL.replace('title: Renewal call', 'title: Renewal talk');
    expect(edited.length).toBe(RENEWAL.length);
    writeFileSync(path, edited);
    const loaded = await loadPlaybookFile(path, 'file', cache);
    expect(parseCalls()).toBe(2);
    expect(loaded.playbook.title).toBe('Renewal talk');
    // Both texts now have an entry; the first still serves the old text.
    expect(readCompiledPlaybook(cache, RENEWAL)?.title).toBe('Renewal call');
    expect(readCompiledPlaybook(cache, edited)?.title).toBe('Renewal talk');
  });

  it('is shared by two copies of the same text: the playbook depends on the text alone', async () => {
    const { dir, path, cache } = setup();
    const copy = join(dir, 'copy.yaml');
    writeFileSync(copy, RENEWAL);
    await loadPlaybookFile(path, 'file', cache);
    const loaded = await loadPlaybookFile(copy, 'dir', cache);
    expect(parseCalls()).toBe(1);
    expect(loaded).toMatchObject({ path: copy, source: 'dir' });
  });

  it('is parsed every time without a cache directory', async () => {
    const { path } = setup();
    await loadPlaybookFile(path, 'file', undefined);
    await loadPlaybookFile(path, 'file');
    expect(parseCalls()).toBe(2);
  });

  it('is never cached when invalid, and the problem names the file', async () => {
    const { path, cache } = setup('id: half-done\n');
    await expect(loadPlaybookFile(path, 'file', cache)).rejects.toThrow(PlaybookError);
    await expect(loadPlaybookFile(path, 'file', cache)).rejects.toThrow(`${path}:1:1: missing required key "title"`);
    expect(parseCalls()).toBe(2);
    expect(() => readdirSync(cache)).toThrow();
  });
});

describe('what a hit requires', () => {
  it('the same coach version: an entry of another version is ignored and kept apart', () => {
    const { cache } = setup();
    const playbook = parsed();
    writeCompiledPlaybook(cache, RENEWAL, playbook, '0.0.1-older');
    expect(compiledPlaybookFile(cache, RENEWAL, '0.0.1-older')).not.toBe(compiledPlaybookFile(cache, RENEWAL));
    expect(readCompiledPlaybook(cache, RENEWAL)).toBeUndefined();
    expect(readCompiledPlaybook(cache, RENEWAL, '0.0.1-older')).toStrictEqual(playbook);
  });

  it.each([
    ['another version under this version\'s name', (entry: Record<string, unknown>) => ({ ...entry, coach: '9.9.9' })],
    ['another format', (entry: Record<string, unknown>) => ({ ...entry, format: 2 })],
    ['another text (a hash collision)', (entry: Record<string, unknown>) => ({ ...entry, source: `${RENEWAL} ` })],
    ['no playbook', ({ playbook: _, ...entry }: Record<string, unknown>) => entry],
    ['a null playbook', (entry: Record<string, unknown>) => ({ ...entry, playbook: null })],
    ['a list for a playbook', (entry: Record<string, unknown>) => ({ ...entry, playbook: [] })],
    ['a playbook without an id', (entry: Record<string, unknown>) => ({ ...entry, playbook: { title: 'x' } })],
    ['a list for an entry', () => []],
    ['a string for an entry', () => 'coach'],
  ])('an entry with %s is ignored, then rebuilt', async (_name, change) => {
    const { path, cache, entry } = setup();
    await loadPlaybookFile(path, 'file', cache);
    writeFileSync(entry, JSON.stringify(change(JSON.parse(readFileSync(entry, 'utf8')) as Record<string, unknown>)));
    const loaded = await loadPlaybookFile(path, 'file', cache);
    expect(parseCalls()).toBe(2);
    expect(loaded.playbook).toStrictEqual(parsed());
    expect(readCompiledPlaybook(cache, RENEWAL)).toStrictEqual(parsed());
  });
});

describe('whatever is where an entry should be', () => {
  const corrupt: [string, (entry: string, json: string) => void][] = [
    ['half an entry (truncated)', (entry, json) => writeFileSync(entry, json.slice(0, json.length >> 1))],
    ['an empty file', (entry) => writeFileSync(entry, '')],
    ['not JSON', (entry) => writeFileSync(entry, '{"format":1,')],
    ['bytes that are not UTF-8', (entry) => writeFileSync(entry, Buffer.from([0xff, 0xfe, 0x7b, 0x00]))],
    ['a symbolic link to itself (unreadable)', (entry) => symlinkSync(entry, entry)],
    ['a FIFO', (entry) => expect(spawnSync('mkfifo', [entry]).status).toBe(0)],
    ['a link to /dev/zero', (entry) => symlinkSync('/dev/zero', entry)],
  ];

  it.each(corrupt)('%s is ignored and replaced by a good entry', async (_name, make) => {
    const { path, cache, entry } = setup();
    await loadPlaybookFile(path, 'file', cache);
    const json = readFileSync(entry, 'utf8');
    spawnSync('rm', ['-f', entry]);
    make(entry, json);
    const loaded = await loadPlaybookFile(path, 'file', cache);
    expect(parseCalls()).toBe(2);
    expect(loaded.playbook).toStrictEqual(parsed());
    expect(readFileSync(entry, 'utf8')).toBe(json);
    expect(leftovers(cache)).toEqual([]);
  });

  it('a directory is ignored, left alone, and leaves no temp file behind', async () => {
    const { path, cache, entry } = setup();
    mkdirSync(join(entry, 'inside'), { recursive: true });
    expect((await loadPlaybookFile(path, 'file', cache)).playbook).toStrictEqual(parsed());
    expect((await loadPlaybookFile(path, 'file', cache)).playbook).toStrictEqual(parsed());
    expect(parseCalls()).toBe(2);
    expect(readdirSync(entry)).toEqual(['inside']);
    expect(leftovers(cache)).toEqual([]);
  });

  it('another run\'s half-written temp file is not read, and does not stop this run\'s entry', async () => {
    const { path, cache, entry } = setup();
    mkdirSync(cache, { recursive: true });
    const theirs = `${entry}.99999-1-abcdefgh.tmp`;
    writeFileSync(theirs, '{"format":1,"coach":"');
    await loadPlaybookFile(path, 'file', cache);
    expect(readCompiledPlaybook(cache, RENEWAL)).toStrictEqual(parsed());
    expect(leftovers(cache)).toEqual([theirs.slice(cache.length + 1)]);
  });
});

describe('a cache directory that cannot be used', () => {
  it('a file in its place: loads as without a cache and leaves the file as it was', async () => {
    const { dir, path } = setup();
    const blocker = join(dir, 'cache-file');
    writeFileSync(blocker, 'mine\n');
    expect((await loadPlaybookFile(path, 'file', join(blocker, 'playbooks'))).playbook).toStrictEqual(parsed());
    expect((await loadPlaybookFile(path, 'file', blocker)).playbook).toStrictEqual(parsed());
    expect(readFileSync(blocker, 'utf8')).toBe('mine\n');
  });

  it('read-only: loads every time (root may still write it) and leaves no temp file', async () => {
    const { path, cache } = setup();
    mkdirSync(cache, { recursive: true });
    chmodSync(cache, 0o555);
    try {
      expect((await loadPlaybookFile(path, 'file', cache)).playbook).toStrictEqual(parsed());
      expect((await loadPlaybookFile(path, 'file', cache)).playbook).toStrictEqual(parsed());
      expect(leftovers(cache)).toEqual([]);
      if (process.getuid?.() !== 0) expect(readdirSync(cache)).toEqual([]);
    } finally {
      chmodSync(cache, 0o755);
    }
  });

  it('an entry too big to keep is not written', async () => {
    // A playbook can be at most 1 MiB, so only an absurd entry reaches the limit: one made here.
    const { cache, entry } = setup();
    const playbook = { ...parsed(), summary: 'x'.repeat(17 * 1024 * 1024) };
    writeCompiledPlaybook(cache, RENEWAL, playbook);
    expect(existsSync(entry)).toBe(false);
  });
});

describe('where the cache lives', () => {
  it('is nowhere when coach runs from its sources, whose schema may change under one version', () => {
    expect(compiledPlaybooksDir({ COACH_CACHE_DIR: '/tmp/coach-cache' }, '/')).toBeUndefined();
  });

  it('is keyed by this coach version', () => {
    expect(COACH_VERSION).toBe((JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { version: string }).version);
  });
});

describe('parsePlaybookWithCache', () => {
  it('gives every valid fixture and shipped playbook back exactly as parsing does', async () => {
    const cache = join(tempDir(), 'playbooks');
    const files = [
      ...readdirSync(repoPath('playbooks')).filter((name) => name.endsWith('.yaml')).map((name) => repoPath(`playbooks/${name}`)),
      repoPath('tests/fixtures/playbooks/valid/minimal.yaml'),
      repoPath('tests/fixtures/playbooks/guide/renewal-call.yaml'),
    ];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const cold = await parsePlaybookWithCache(text, file, cache);
      const warm = await parsePlaybookWithCache(text, file, cache);
      expect(warm, file).toStrictEqual(cold);
    }
    expect(parseCalls()).toBe(files.length);
  });
});
