/**
 * FNV-1a, 32 bits, over a string's UTF-16 code units: a fast, non-cryptographic hash that names
 * cache files (see compiled-playbook-cache.ts). Hand-written because it is a dozen lines, while
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
