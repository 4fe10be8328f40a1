/**
 * The --append lock on a full disk and after a crash: taking it never leaves it behind, and a
 * lock whose owner is gone is recovered with one notice. The full disk is injected: the lock's
 * write fails with ENOSPC, as it does when the disk fills between creating the file and filling it.
 */
import type { FileHandle } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appendWithLock } from '../../../src/store/files/append-file.js';
import { lockText, verdictOf } from '../../../src/store/files/append-lock.js';
import { tempDir } from '../../helpers/run-cli.js';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, open: vi.fn(actual.open) };
});

const diskFull = (): Error => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** The next open of a `.lock` gets a handle whose write fails as on a full disk. */
async function failNextLockWrite(): Promise<void> {
  const actual = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
  vi.mocked(fsp.open).mockImplementationOnce(async (path, flags, mode) => {
    const handle = await actual.open(path, flags, mode);
    return new Proxy(handle, {
      get(target, key) {
        if (key === 'writeFile' || key === 'write') return () => Promise.reject(diskFull());
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    }) as FileHandle;
  });
}

describe('a full disk while the lock is taken', () => {
  it('reports it, leaves no lock and the file unchanged, and the next append works at once', async () => {
    const dir = tempDir();
    const journal = join(dir, 'journal.md');
    writeFileSync(journal, '# Journal\n');
    await failNextLockWrite();
    await expect(appendWithLock(journal, 'the note\n')).rejects.toThrow(
      `${journal}: cannot append: cannot write the lock ${journal}.lock: no space left on the device; nothing was appended`,
    );
    expect(existsSync(`${journal}.lock`)).toBe(false);
    expect(readFileSync(journal, 'utf8')).toBe('# Journal\n');

    const notices: string[] = [];
    await appendWithLock(journal, 'the note\n', () => new Date(), (line) => notices.push(line));
    expect(readFileSync(journal, 'utf8')).toBe('# Journal\n\nthe note\n');
    expect(notices).toEqual([]);
    expect(existsSync(`${journal}.lock`)).toBe(false);
  });
});

describe('what a lock file says about its owner', () => {
  const me = { pid: process.pid, host: hostname() };
  it('a lock this process holds is live; its own pid in a lock it does not hold is an earlier process', () => {
    expect(verdictOf(lockText(me, new Date()), 0, '/nowhere/x.lock')).toEqual({ stale: true, why: `left by an earlier coach with pid ${process.pid}` });
  });

  it('another host cannot be checked from here: never stale', () => {
    expect(verdictOf(lockText({ pid: 1, host: `not-${hostname()}` }, new Date()), 60_000, '/x.lock')).toEqual({ stale: false, owner: { pid: 1, host: `not-${hostname()}` } });
  });

  it('an empty or cut-off lock is stale only once it is old enough that no coach is still filling it', () => {
    expect(verdictOf('', 10, '/x.lock')).toEqual({ stale: false });
    expect(verdictOf('', 60_000, '/x.lock').stale).toBe(true);
    expect(verdictOf('coach app', 60_000, '/x.lock').stale).toBe(true);
    expect(verdictOf('coach append lock\npid: 12', 60_000, '/x.lock').stale).toBe(true);
  });

  it('text in any other form (an older coach, a person) is never taken', () => {
    expect(verdictOf('coach append lock, taken 2026-11-22T09:30:00.000Z\n', 3_600_000, '/x.lock')).toEqual({ stale: false });
    expect(verdictOf('held by someone else\n', 3_600_000, '/x.lock')).toEqual({ stale: false });
  });

  it('an empty lock that stays empty while coach waits is removed with a notice, and the append goes ahead', async () => {
    const dir = tempDir();
    const journal = join(dir, 'journal.md');
    writeFileSync(`${journal}.lock`, '');
    // Its mtime says nothing: what counts is that it stays empty while coach watches it.
    const yearAhead = new Date(Date.now() + 365 * 86_400_000);
    utimesSync(`${journal}.lock`, yearAhead, yearAhead);
    const notices: string[] = [];
    await appendWithLock(journal, 'the note\n', () => new Date(), (line) => notices.push(line));
    expect(notices).toEqual([`${journal}: removed a stale lock ${journal}.lock (empty: the coach taking it stopped before writing its owner)`]);
    expect(readFileSync(journal, 'utf8')).toBe('the note\n');
    expect(existsSync(`${journal}.lock`)).toBe(false);
  });
});
