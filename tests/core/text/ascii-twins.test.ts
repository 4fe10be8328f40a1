/**
 * The ASCII twins of src/core/text/ascii.ts give the answers their Unicode originals give. Each
 * function is asked twice about the same ASCII text: as it is, which takes the twin, and with a
 * character added at the end that is neither a letter, a digit nor punctuation (U+200B, a
 * zero-width space; U+00A0 where the text is trimmed first), which makes the text non-ASCII and
 * takes the Unicode expression, without changing what either should find.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPhrases } from '../../../src/core/check/phrases.js';
import type { Question } from '../../../src/core/playbook/schema.js';
import { withoutPlaceholders } from '../../../src/core/session/placeholder-answer.js';
import { isAscii } from '../../../src/core/text/ascii.js';
import { nameKey } from '../../../src/core/text/name-key.js';

const NOT_A_WORD = '\u200b';

/** ASCII text that looks like answers: words of any case, digits, apostrophes, marks, spaces, controls. */
const asciiText = fc
  .array(fc.oneof(fc.constantFrom('Pete', 'did', 'you', "don't", 'blamed', 'Monday', 'I', 'X', 'tbd', '42', 'a1'), fc.string({ unit: 'binary-ascii', maxLength: 3 })), { maxLength: 12 })
  .map((parts) => parts.join(' '));

const PHRASES = ['<start> did you', '<name>', 'blame', "don't", 'actually ,', '<number>', 'you <word>', '-', 'i'];

describe('ASCII twins of the Unicode expressions', () => {
  it('isAscii tells ASCII text from any other', () => {
    expect(isAscii('Acme, Inc. 42 \t~')).toBe(true);
    expect(isAscii('')).toBe(true);
    expect(isAscii('caf\u00e9')).toBe(false);
    expect(isAscii(`ok${NOT_A_WORD}`)).toBe(false);
  });

  it('phrases are found in the same places', () => {
    fc.assert(
      fc.property(asciiText, (text) => {
        expect(findPhrases(`${text}${NOT_A_WORD}`, PHRASES)).toEqual(findPhrases(text, PHRASES));
      }),
      { numRuns: 400 },
    );
    // And the twin does find things: a name inside a sentence, a question's start, a word's forms.
    expect(findPhrases('So, did you ask Pete? He blamed me.', PHRASES).map((hit) => hit.text)).toEqual(['did you', 'Pete', 'blamed']);
  });

  it('customer names key the same', () => {
    fc.assert(
      fc.property(asciiText, (name) => {
        expect(nameKey(`${name}\u00a0`)).toBe(nameKey(name));
        expect(nameKey(name)).toBe(name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
      }),
      { numRuns: 400 },
    );
  });

  it('placeholder answers are told apart the same', () => {
    const questions = new Map([['plan', { id: 'plan', type: 'text' } as Question]]);
    const kept = (text: string): boolean => 'plan' in withoutPlaceholders({ plan: text }, questions);
    fc.assert(
      fc.property(fc.oneof(asciiText, fc.string({ unit: 'binary-ascii', maxLength: 4 })), (text) => {
        // A placeholder word ("tbd") stops being one with anything added; the letters rule is what is compared.
        fc.pre(!/^(?:x+|tbd|tbc|todo|n\/?a|idk|dunno|asdf+|test|later|\?+|\.+|-+|_+)$/i.test(text.trim()));
        expect(kept(`${text}${NOT_A_WORD}`)).toBe(kept(text));
      }),
      { numRuns: 400 },
    );
    expect(kept('x')).toBe(false);
    expect(kept('Call Pete')).toBe(true);
    // Placeholder words in any case go through the lower-cased twin.
    for (const word of ['TBD', 'Tbd', 'N/A', 'n/a', 'IdK', 'XXX', 'Later']) expect(kept(word), word).toBe(false);
    expect(kept('Testing')).toBe(true);
  });
});
