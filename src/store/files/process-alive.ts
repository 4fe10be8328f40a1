/**
 * Whether a file coach left behind (an --append lock, a temporary file) may still belong to a
 * running coach: its writer is named by pid and host, and only a pid on this host can be checked.
 */
import { hostname } from 'node:os';

export function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** This host as it can appear in a file name: letters, digits and dots, at most 40 of them. */
export function hostTag(): string {
  return hostname().replace(/[^A-Za-z0-9.]/g, '').slice(0, 40) || 'host';
}
