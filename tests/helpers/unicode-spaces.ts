/**
 * Characters JavaScript's `trim()` or `\s` treat as white space and YAML treats as content (or,
 * for U+FEFF, as a byte order mark only at the start): the places where a reader that is not the
 * yaml library has disagreed with it. YAML's own white space is only the space and the tab.
 */
export const UNICODE_SPACES: readonly string[] = [
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u202f',
  '\u205f',
  '\u3000',
  '\f',
  '\v',
  '\r',
  '\u2028',
  '\u2029',
  '\ufeff',
];
