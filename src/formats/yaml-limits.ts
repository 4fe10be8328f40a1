/**
 * Limits that keep a hostile or broken YAML file from exhausting memory or the stack. The yaml
 * library's composer recurses once per nesting level: about 1,400 nested maps overflow its stack,
 * and a megabyte of `[` takes over 500 MB and seconds to parse. yaml-nesting.ts checks the
 * raw text against them before that parser builds anything. Kept apart from that check so that
 * reading these numbers does not load the yaml library.
 */

/** Keys that could reach an object's prototype when data is built from a file: refused everywhere. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const YAML_LIMITS = {
  /** Aliases expanded by toJS(); stops the "billion laughs" document. */
  maxAliasCount: 100,
  /** Collections inside collections, after parsing. */
  maxDepth: 64,
  /** Block nesting needs indentation, so a column limit bounds it (at most two levels a column). */
  maxColumn: 256,
} as const;
