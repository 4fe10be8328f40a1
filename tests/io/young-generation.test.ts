/**
 * While a command checks a large notes directory, V8's young generation is held at its size by a
 * V8 flag set at run time (src/young-generation.ts). V8 checks every flag when it takes a code
 * cache, so the flag must be back as it was when the last holder lets go: these tests see it
 * through that check, with caches V8 makes here (each source is new, so V8's own in-memory cache
 * never answers). tests/build/bundle.test.ts runs a history that holds it, through the launcher.
 */
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { holdYoungGeneration } from '../../src/young-generation.js';

let sources = 0;
/** A script V8 has not seen in this process, always of the same length: V8's check on the source is its length. */
const newSource = (): string => `(function () { return ${String(++sources).padStart(6, '0')}; })()`;
const accepted = (cachedData: Buffer): boolean => !new Script(newSource(), { cachedData }).cachedDataRejected;
/** A cache made now, under the flags as they are now. */
const cacheNow = (): Buffer => new Script(newSource()).createCachedData();

describe('holding the young generation', () => {
  it('changes a V8 flag while held, and puts it back when the hold is let go', () => {
    const before = cacheNow();
    expect(accepted(before)).toBe(true);
    const letGo = holdYoungGeneration();
    expect(accepted(before)).toBe(false);
    const during = cacheNow();
    letGo();
    expect(accepted(before)).toBe(true);
    expect(accepted(during)).toBe(false);
  });

  it('stays held until the last of overlapping holds is let go, however often each is let go', () => {
    const before = cacheNow();
    const scan = holdYoungGeneration();
    const printing = holdYoungGeneration();
    scan();
    scan();
    expect(accepted(before)).toBe(false);
    printing();
    expect(accepted(before)).toBe(true);
    printing();
    expect(accepted(before)).toBe(true);
  });
});
