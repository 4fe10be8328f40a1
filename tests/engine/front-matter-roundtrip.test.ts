import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/engine/front-matter.js';
import { noteFromWalk } from '../../src/engine/note.js';
import { parsePlaybook } from '../../src/engine/parse-playbook.js';
import { renderMarkdown } from '../../src/engine/render-markdown.js';

const playbook = parsePlaybook(
  `
id: round-trip
title: Round trip
summary: Text answers of every kind.
source: Tests
prep:
  steps:
    - id: s
      title: S
      questions:
        - { id: one, type: text, prompt: One? }
        - { id: two, type: long, prompt: Two? }
        - { id: many, type: list, prompt: Many? }
`,
  'round-trip.yaml',
);

/** The strings that break hand-written front matter, mixed into arbitrary Unicode. */
const tricky = fc.constantFrom('\n', '---', '\n---\n', 'key: value', '"', "'", 'no', 'on', 'yes', '~', 'null', '12:30', '007', '1e3', '\u2028', '\u2029', '\u0085', ' ', '\t', '#', '- ', '[a]', '{b}', '&a', '*a', '!tag', '%', '@', '`', '|', '>', '\r\n', 'é', '日本語', '🙂');
const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), tricky);
const answerText = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')).filter((text) => text.trim() !== '');

function render(one: string, two: string, many: string[], customer: string, title: string): string {
  const note = noteFromWalk(
    playbook,
    'prep',
    { context: { customer, title, date: '2026-11-22' }, answers: { one, two, many }, flags: [], scores: [] },
    new Date('2026-11-22T09:30:00Z'),
  );
  return renderMarkdown(note, playbook);
}

describe('front matter round trip', () => {
  it('reads back exactly the answers and context that were written, whatever they contain', () => {
    fc.assert(
      fc.property(answerText, answerText, fc.array(answerText, { minLength: 1, maxLength: 3 }), answerText, answerText, (one, two, many, customer, title) => {
        const data = parseFrontMatter(render(one, two, many, customer, title));
        expect(data?.['answers']).toEqual({ one, two, many });
        expect(data?.['customer']).toBe(customer);
        expect(data?.['title']).toBe(title);
        expect(data?.['date']).toBe('2026-11-22');
      }),
      { numRuns: 300 },
    );
  });

  it.each(['no', 'on', '12:30', '007', 'key: value', '---', 'line\n---\nkey: value', ' padded ', 'x\u2028y'])('keeps %j as the same string', (text) => {
    const data = parseFrontMatter(render(text, text, [text], text, text));
    expect(data?.['answers']).toEqual({ one: text, two: text, many: [text] });
    expect(data?.['customer']).toBe(text);
  });
});
