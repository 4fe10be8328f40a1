/**
 * While a command goes through every note, V8's young generation is held at its size by a V8 flag
 * set at run time (src/young-generation.ts). V8 checks every flag when it takes a code cache, so
 * the flag must be back as it was when the last holder lets go: these tests see it through that
 * check, with caches V8 makes here (each source is new, so V8's own in-memory cache never answers).
 */
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { withYoungGenerationHeld } from '../../src/young-generation.js';

let sources = 0;
/** A script V8 has not seen in this process, always of the same length: V8's check on the source is its length. */
const newSource = (): string => `(function () { return ${String(++sources).padStart(6, '0')}; })()`;
const accepted = (cachedData: Buffer): boolean => !new Script(newSource(), { cachedData }).cachedDataRejected;
/** A cache made now, under the flags as they are now. */
const cacheNow = (): Buffer => new Script(newSource()).createCachedData();

describe('holding the young generation', () => {
  it('changes a V8 flag while held, and puts it back after, nested or not', async () => {
    const before = cacheNow();
    expect(accepted(before)).toBe(true);
    const during = await withYoungGenerationHeld(async () => {
      expect(accepted(before)).toBe(false);
      await withYoungGenerationHeld(async () => undefined);
      // Still held by the outer one.
      expect(accepted(before)).toBe(false);
      return cacheNow();
    });
    expect(accepted(before)).toBe(true);
    expect(accepted(during)).toBe(false);
  });

  it('puts it back when the work fails, and passes the failure on', async () => {
    const before = cacheNow();
    await expect(withYoungGenerationHeld(() => Promise.reject(new Error('the notes directory went away')))).rejects.toThrow('went away');
    expect(accepted(before)).toBe(true);
  });

  it('gives back what the work returns', async () => {
    await expect(withYoungGenerationHeld(async () => 42)).resolves.toBe(42);
  });
});
