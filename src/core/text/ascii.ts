/**
 * Whether a text is all ASCII. In ASCII, `\p{L}` is `[A-Za-z]`, `\p{Lu}` is `[A-Z]` and `\p{N}` is
 * `[0-9]`, so a regular expression over those classes has an ASCII twin that gives the same answer,
 * and most of what people type is ASCII. The twins are worth having: V8 builds a Unicode
 * property class from ICU's tables each time it compiles the expression (once, then again when
 * it tiers up to machine code), which cost a `coach prep` some 20 million instructions, a tenth of
 * its run; tests/core/text/ascii-twins.test.ts checks every twin against its Unicode original.
 */
const NON_ASCII = /[\u0080-\uffff]/;

export const isAscii = (text: string): boolean => !NON_ASCII.test(text);
