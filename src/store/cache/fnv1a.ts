/**
 * FNV-1a, 32 bits, over a string's UTF-16 code units: a fast, non-cryptographic hash that names
 * cache files (see compiled-playbook-cache.ts, parsed-answers-cache.ts, notes-index-layout.ts). Hand-written because it is a dozen lines, while
 * node:crypto's hashes bring a dozen of Node's internal modules into every start (lazy-crypto.ts),
 * and a hash here only spreads names: the entry it names holds the exact text and is compared
 * whole, so a collision costs a cache miss, never another playbook.
 */

const OFFSET_BASIS = 0x811c9dc5;
const PRIME = 0x01000193;

/** The hash of `text` as an unsigned 32-bit number. */
export function fnv1a32(text: string): number {
  let hash = OFFSET_BASIS;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, PRIME);
  }
  return hash >>> 0;
}

/**
 * Code units a cache name looks at, at most. Hashing runs as cold code at start-up, some 100 ns a
 * unit: 16K of them (a 21 KB playbook) were 2 ms of every prep of a user's playbook; 4K are
 * a fifth of that, and all of any text up to 4K.
 */
const SAMPLED_BITS = 12;
const SAMPLED_UNITS = 1 << SAMPLED_BITS;

/**
 * A cache entry's name for `text` after a short `prefix`: FNV-1a over the prefix, the text's length
 * and, for a text longer than 4K code units, 4K of them spread evenly through it, rather than all
 * of them (a 2,000-question playbook is 225 KB, and hashing it all cost a prep 5-10 ms). Two texts of the same length that differ
 * only between the sampled places share a name; since the entry holds the exact text and a hit
 * compares it whole, the only cost is that one entry replaces the other.
 */
export function cacheNameHash(text: string, prefix = ''): number {
  const { length } = text;
  // The mixing step written out each time, not a closure: cold code pays for every call.
  let hash = OFFSET_BASIS;
  // A short prefix (the coach build, a file name) is hashed whole, as if written before the text:
  // joined to the text as one string, the text was copied whole to be read (225 KB a prep).
  for (let i = 0; i < prefix.length; i++) hash = Math.imul(hash ^ prefix.charCodeAt(i), PRIME);
  hash = Math.imul(hash ^ (length & 0xffff), PRIME);
  hash = Math.imul(hash ^ (length >>> 16), PRIME);
  if (length <= SAMPLED_UNITS) {
    for (let at = 0; at < length; at++) hash = Math.imul(hash ^ text.charCodeAt(at), PRIME);
    return hash >>> 0;
  }
  // The i-th unit looked at is floor(i * length / 4K), worked out in small integers (i * stride
  // plus a share of the remainder, shifted): a fractional step made the cold loop box a number
  // for every unit it looked at.
  const stride = length >>> SAMPLED_BITS;
  const remainder = length & (SAMPLED_UNITS - 1);
  for (let i = 0; i < SAMPLED_UNITS; i++) hash = Math.imul(hash ^ text.charCodeAt(i * stride + ((i * remainder) >>> SAMPLED_BITS)), PRIME);
  return hash >>> 0;
}
