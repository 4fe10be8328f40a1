import { isAscii } from './ascii.js';

/** Keys made this run, by name; emptied when full, so a run over many distinct names stays small. */
const keys = new Map<string, string>();
const KEYS_KEPT = 10_000;

/**
 * A customer name as people type it: "st marys trust", "St. Mary's Trust" and "ST MARY’S TRUST"
 * are the same customer. Letters and digits only, accents dropped, in lower case.
 */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    // A run keys the same few names once per note that holds them (an account over 10,000 notes).
    if (keys.size >= KEYS_KEPT) keys.clear();
    key = keyOf(name);
    keys.set(name, key);
  }
  return key;
}

function keyOf(name: string): string {
  const lower = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  // The Unicode expression is written where it is used, so that it is made only for a name that
  // needs it: V8 builds its classes from ICU's tables when it makes the expression, not only
  // when it compiles it, and a module-level one was made by every run that loaded this file.
  return isAscii(lower) ? lower.replace(NOT_ASCII_LETTERS_OR_DIGITS, '') : lower.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The ASCII twin (ascii.ts) of `[^\p{L}\p{N}]+`, for the lower-case ASCII text it is given. */
const NOT_ASCII_LETTERS_OR_DIGITS = /[^a-z0-9]+/g;
