import { describe, expect, it } from 'vitest';
import { wrapMarkdown, wrapText } from '../../src/terminal/wrap.js';

describe('wrapText', () => {
  it('wraps prose at the width and indents every line', () => {
    expect(wrapText('one two three four five six seven', 20, '  ')).toBe('  one two three four\n  five six seven');
  });

  it('keeps list markers tight and hangs the continuation under the text', () => {
    expect(wrapText('- Let them vent without interrupting\n1. Empathise with a specific statement', 24)).toBe(
      '- Let them vent without\n  interrupting\n1. Empathise with a\n   specific statement',
    );
  });

  it("keeps the author's blank lines and line breaks", () => {
    expect(wrapText('First.\n\nSecond.', 40, '  ')).toBe('  First.\n\n  Second.');
  });

  it('never breaks a word longer than the line', () => {
    expect(wrapText('a https://example.com/a/very/long/path b', 20)).toBe('a\nhttps://example.com/a/very/long/path\nb');
  });

  it('joins the lines of a paragraph, as Markdown does, and rewraps them to the width', () => {
    const authored = 'Start from the customer side of the table. What they need\nmay not be what they needed last time.\n\n- Be understanding\n  before being right.\n- Reassure them.';
    expect(wrapText('keep\nthese lines', 40)).toBe('keep\nthese lines');
    expect(wrapMarkdown(authored, 40)).toBe(
      'Start from the customer side of the\ntable. What they need may not be what\nthey needed last time.\n\n- Be understanding before being right.\n- Reassure them.',
    );
  });

  it('hangs an action checkbox and does not count colour codes as width', () => {
    const bold = (text: string): string => `\u001b[1m\u001b[33m${text}\u001b[39m\u001b[22m`;
    expect(wrapText(`${bold('Watch out:')} they may arrive angry today`, 33)).toBe(`${bold('Watch out:')} they may arrive angry\ntoday`);
    expect(wrapText('[ ] Agree with what you honestly can', 24)).toBe('[ ] Agree with what you\n    honestly can');
  });

  it('never starts a wrapped line with a dash used as punctuation', () => {
    const wrapped = wrapText('Do not answer aggression with defensiveness - your first job is to listen', 44);
    expect(wrapped).toBe('Do not answer aggression with\ndefensiveness - your first job is to listen');
  });
});
