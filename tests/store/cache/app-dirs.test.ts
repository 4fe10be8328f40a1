/**
 * Default directories come from the environment a command is given, never from a guess: XDG
 * variables and HOME are read from it, and with no usable home there is no directory at all.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cacheDirectory, platformDirectory } from '../../../src/store/cache/app-dirs.js';
import { runCli, tempDir } from '../../helpers/run-cli.js';

describe('platformDirectory', () => {
  it.each([
    ['data', '/home/pat/.local/share/coach'],
    ['config', '/home/pat/.config/coach'],
    ['cache', '/home/pat/.cache/coach'],
  ] as const)('puts %s under the home directory on Linux', (kind, expected) => {
    expect(platformDirectory(kind, { HOME: '/home/pat' }, 'linux')).toBe(expected);
  });

  it('takes the XDG variables from the given environment, and ignores a relative one', () => {
    expect(platformDirectory('data', { HOME: '/home/pat', XDG_DATA_HOME: '/data' }, 'linux')).toBe('/data/coach');
    expect(platformDirectory('cache', { HOME: '/home/pat', XDG_CACHE_HOME: 'relative/cache' }, 'linux')).toBe('/home/pat/.cache/coach');
  });

  it.each([
    ['an empty HOME', { HOME: '' }],
    ['a relative HOME', { HOME: 'somewhere' }],
  ])('is undefined with %s', (_name, env) => {
    for (const kind of ['data', 'config', 'cache'] as const) expect(platformDirectory(kind, env, 'linux')).toBeUndefined();
  });

  it('follows the macOS and Windows conventions', () => {
    expect(platformDirectory('data', { HOME: '/Users/pat' }, 'darwin')).toBe('/Users/pat/Library/Application Support/coach');
    expect(platformDirectory('cache', { HOME: '/Users/pat' }, 'darwin')).toBe('/Users/pat/Library/Caches/coach');
    const windows = { LOCALAPPDATA: 'C:\\Users\\pat\\AppData\\Local', APPDATA: 'C:\\Users\\pat\\AppData\\Roaming' };
    // path.join on this machine uses "/", so compare the parts.
    expect(platformDirectory('data', windows, 'win32')?.split(/[\\/]/).slice(-3)).toEqual(['Local', 'coach', 'Data']);
    expect(platformDirectory('config', windows, 'win32')?.split(/[\\/]/).slice(-3)).toEqual(['Roaming', 'coach', 'Config']);
  });
});

describe('cacheDirectory', () => {
  it('is COACH_CACHE_DIR, resolved against the working directory, then the platform cache', () => {
    expect(cacheDirectory({ COACH_CACHE_DIR: 'c' }, '/work')).toBe('/work/c');
    expect(cacheDirectory({ HOME: '/home/pat' }, '/work')).toBe(process.platform === 'linux' ? '/home/pat/.cache/coach' : platformDirectory('cache', { HOME: '/home/pat' }));
    expect(cacheDirectory({ HOME: '' }, '/work')).toBeUndefined();
  });
});

describe('with no usable home', () => {
  it('asks for COACH_NOTES_DIR rather than writing notes under the working directory', async () => {
    const cwd = tempDir();
    const result = await runCli(['prep', 'two-questions', '--customer', 'Acme', '--set', 'need=x', '--no-input'], { cwd, env: { HOME: '' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('coach: cannot find a home directory to keep the notes in; set COACH_NOTES_DIR to a directory (or pass --notes-dir)\n');
  });

  it('asks for --dir rather than writing a new playbook into the working directory', async () => {
    const cwd = tempDir();
    const result = await runCli(['playbooks', 'new', 'renewal-call'], { cwd, env: { HOME: '' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('coach: cannot find a home directory for your playbooks; give one with --dir <dir> (or set COACH_CONFIG_DIR)\n');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('still runs commands that need no notes, without a cache', async () => {
    const result = await runCli(['playbooks', 'list'], { env: { HOME: '', COACH_CACHE_DIR: '' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('two-questions');
  });
});
