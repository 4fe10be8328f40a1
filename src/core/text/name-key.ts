import { isAscii } from './ascii.js';

/**
 * A customer name as people type it: "st marys trust", "St. Mary's Trust" and "ST MARY’S TRUST"
 * are the same customer. Letters and digits only, accents dropped, in lower case.
 */
export function nameKey(name: string): string {
  const lower = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return isAscii(lower) ? lower.replace(NOT_ASCII_LETTERS_OR_DIGITS, '') : lower.replace(NOT_LETTERS_OR_DIGITS, '');
}

const NOT_LETTERS_OR_DIGITS = /[^\p{L}\p{N}]+/gu;
/** Its ASCII twin (ascii.ts), for the lower-case ASCII text it is given. */
const NOT_ASCII_LETTERS_OR_DIGITS = /[^a-z0-9]+/g;
