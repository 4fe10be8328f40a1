/**
 * The `.lock` beside a running notes file that `--append` holds while it writes. It records its
 * owner (`pid` and `host`) so that a lock left by a coach that died (kill -9, a power cut) can be
 * told from one a running coach holds:
 *
 * - names a pid on this host that is not running (or this process's own pid, which it does not
 *   hold: an earlier process that had the same pid): stale, removed with a one-line notice;
 * - empty, or a cut-off start of this format (its writer died between creating and filling it),
 *   and seen unchanged for TORN_AFTER_MS while we wait: removed with a notice. Until then it may
 *   be a coach between those two steps, so it is waited for like any other. Its age is what we
 *   watched, on this process's monotonic clock, never the lock's mtime against the wall clock:
 *   the two clocks disagree (a clock set wrong, a file system on another machine, faketime), and a
 *   lock a coach created a moment ago must never look old;
 * - names a running pid, or another host (whose processes cannot be checked from here): waited
 *   for, then refused, naming the owner;
 * - anything else (an older coach's lock, which named no owner; a file someone made by hand):
 *   it may belong to a running coach, so it is never taken: waited for, then refused.
 *
 * Taking the lock never leaves it behind: if it cannot be filled in (a full disk), it is removed.
 */
import { open, readFile, stat, unlink, type FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import { FileError } from '../../errors.js';
import { describeFsError } from './read-text-file.js';
import { isRunning } from './process-alive.js';

const LOCK_WAIT_MS = 5000;
const LOCK_RETRY_MS = 25;
const TORN_AFTER_MS = 2000;
const HEADER = 'coach append lock\n';

/** Locks this process holds now, so that its own pid in a lock is told apart from an old one. */
const held = new Set<string>();

type Owner = { pid: number; host: string };
type Verdict = { stale: false; owner?: Owner } | { stale: true; why: string };

export function lockText(owner: Owner, taken: Date): string {
  return `${HEADER}pid: ${owner.pid}\nhost: ${owner.host}\ntaken: ${taken.toISOString()}\n`;
}

/** Takes `lock` or throws a FileError that names `target`; `notice` hears of a stale lock removed. */
export async function takeLock(lock: string, target: string, now: () => Date, notice: (line: string) => void): Promise<void> {
  const deadline = performance.now() + LOCK_WAIT_MS;
  /** When this wait first saw each version of the lock (inode, size and mtime). */
  const firstSeen = new Map<string, number>();
  let owner: Owner | undefined;
  for (;;) {
    let handle: FileHandle;
    try {
      handle = await open(lock, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new FileError(target, `cannot append: cannot create the lock ${lock}: ${describeFsError(error)}; nothing was appended`);
      }
      const verdict = await judge(lock, firstSeen);
      if (verdict === undefined) continue; // gone meanwhile: try again at once
      if (verdict.stale) {
        const removed = await removeIfUnchanged(lock, verdict.inode);
        if (removed === 'removed') notice(`${target}: removed a stale lock ${lock} (${verdict.why})`);
        // Replaced by a newer lock, or gone: judge again at once. Cannot be removed: wait as for any lock.
        if (removed !== 'failed') continue;
      } else {
        owner = verdict.owner ?? owner;
      }
      if (performance.now() > deadline) {
        const who = owner ? ` (pid ${owner.pid} on ${owner.host})` : '';
        throw new FileError(target, `another coach${who} has been appending for ${LOCK_WAIT_MS / 1000} s; if none is running, delete ${lock}`);
      }
      await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
      continue;
    }
    try {
      // One write of a few bytes: who holds it, since when (for a person who finds it, too).
      await handle.writeFile(lockText({ pid: process.pid, host: hostname() }, now()));
      await handle.close();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(lock).catch(() => undefined);
      throw new FileError(target, `cannot append: cannot write the lock ${lock}: ${describeFsError(error)}; nothing was appended`);
    }
    held.add(lock);
    return;
  }
}

export async function releaseLock(lock: string): Promise<void> {
  held.delete(lock);
  await unlink(lock).catch(() => undefined);
}

/** Undefined when the lock went away meanwhile (try again at once). */
async function judge(lock: string, firstSeen: Map<string, number>): Promise<(Verdict & { inode: number }) | undefined> {
  let text: string;
  let inode: number;
  let age: number;
  try {
    const stats = await stat(lock);
    if (!stats.isFile() || stats.size > 4096) return { stale: false, inode: stats.ino };
    inode = stats.ino;
    const version = `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
    const seen = firstSeen.get(version) ?? performance.now();
    firstSeen.set(version, seen);
    age = performance.now() - seen;
    text = await readFile(lock, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { stale: false, inode: -1 };
  }
  return { ...verdictOf(text, age, lock), inode };
}

export function verdictOf(text: string, ageMs: number, lock: string): Verdict {
  if (text === '' || (HEADER.startsWith(text) && text.length < HEADER.length) || (text.startsWith(HEADER) && !/\nhost: [^\n]*\n/.test(text))) {
    if (ageMs < TORN_AFTER_MS) return { stale: false };
    return { stale: true, why: text === '' ? 'empty: the coach taking it stopped before writing its owner' : 'cut off: the coach taking it stopped while writing its owner' };
  }
  const match = /^coach append lock\npid: (\d+)\nhost: ([^\n]*)\n/.exec(text);
  if (!match) return { stale: false };
  const owner = { pid: Number(match[1]), host: match[2] ?? '' };
  if (owner.host !== hostname()) return { stale: false, owner };
  if (owner.pid === process.pid) return held.has(lock) ? { stale: false, owner } : { stale: true, why: `left by an earlier coach with pid ${owner.pid}` };
  return isRunning(owner.pid) ? { stale: false, owner } : { stale: true, why: `left by coach pid ${owner.pid}, which is no longer running` };
}

/** Removes the lock only if it is still the file judged stale, not one a faster coach just took. */
async function removeIfUnchanged(lock: string, inode: number): Promise<'removed' | 'changed' | 'failed'> {
  const now = await stat(lock).catch(() => undefined);
  if (!now || now.ino !== inode) return 'changed';
  return unlink(lock).then(
    () => 'removed' as const,
    (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? 'changed' : 'failed'),
  );
}
