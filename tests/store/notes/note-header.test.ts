import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringifyFrontMatter } from '../../../src/formats/front-matter-emitter.js';
import { splitFrontMatter } from '../../../src/formats/front-matter-split.js';
import { readYamlMapping } from '../../../src/formats/yaml.js';
import { headerFromData, noteHeader, parseFrontMatterData } from '../../../src/store/notes/note-header.js';

/** What a full YAML parse makes of the same front matter: the fast reading must agree with it. */
function fullParse(frontMatter: string) {
  const parsed = parseFrontMatterData(frontMatter, readYamlMapping);
  return 'reason' in parsed ? { ok: false } : headerFromData(parsed.data);
}

/** Plain words, YAML look-alikes, and any code point at all (controls, U+2028, lone surrogates). */
const anyText = fc.oneof(
  fc.string(),
  fc.constantFrom('yes', 'no', '~', 'null', '0o17', '1e3', '- a', '[x]', 'a: b', '#hash', "it's", '"q"', '  padded  ', '2026-11-22'),
  fc.string({ unit: 'binary' }),
);

const base = 'coach: 1\nkind: prep\nplaybook: meeting-check\n';

describe('noteHeader', () => {
  it.each([
    ['as coach writes it', `${base}customer: Acme Corp\ntitle: "Renewal: Q3"\ndate: "2026-11-22"\ncreated: "2026-11-22T09:30:00.000Z"\n`],
    ['unquoted dates and timestamps', `${base}customer: Acme\ndate: 2026-11-22\ncreated: 2026-11-22T09:30:00.000Z\n`],
    ['a debrief with its prep id', `coach: 1\nkind: debrief\nplaybook: x\ncustomer: Acme\ndate: 2026-11-22\nprep: 2026-11-22-acme-x-prep\n`],
    ['comments and blank lines', `# written by hand\n${base}\ncustomer: Acme # the big one\ntitle: a#b\ndate: 2026-11-22 # moved\n`],
    ['single quotes with a doubled quote', `${base}customer: 'O''Brien & Sons'\ndate: '2026-11-22'\n`],
    ['JSON escapes in double quotes', `${base}customer: "Caf\\u00e9 \\"Noir\\""\ndate: "2026-11-22"\n`],
    ['a YAML-only escape', `${base}customer: "Tab\\there and \\x41"\ndate: "2026-11-22"\n`],
    ['a quoted value with a comment', `${base}customer: "Acme" # note\ndate: "2026-11-22"\n`],
    ['a number as the customer', `${base}customer: 1984\ndate: 2026-11-22\n`],
    ['an octal-looking customer', `${base}customer: 0o17\ndate: 2026-11-22\n`],
    ['yes and no as text', `${base}customer: yes\ntitle: no\ndate: 2026-11-22\n`],
    ['a null title', `${base}customer: Acme\ntitle: ~\ndate: 2026-11-22\n`],
    ['a block scalar title', `${base}customer: Acme\ntitle: |-\n  two\n  lines\ndate: 2026-11-22\n`],
    ['a title on the next line', `${base}customer: Acme\ntitle:\n  on the next line\ndate: 2026-11-22\n`],
    ['an anchor and an alias', `${base}customer: &who Acme\ntitle: *who\ndate: 2026-11-22\n`],
    ['a list as the customer', `${base}customer: [a, b]\ndate: 2026-11-22\n`],
    ['keys in another order after the answers', `answers:\n  need: a date\nflags: []\ndate: 2026-11-22\ncustomer: Acme\nplaybook: x\nkind: prep\n`],
    ['Windows line endings', `${base}customer: Acme\r\ntitle: "Q3"\r\ndate: 2026-11-22\r\n`.replace(/\n/g, '\r\n').replace(/\r\r/g, '\r')],
    ['nested blocks with colons and dashes', `${base}customer: Acme\ndate: 2026-11-22\nanswers:\n  kind: debrief\n  list:\n    - "customer: Globex"\nflags:\n- level: tip\n  message: "kind: debrief"\n`],
  ])('reads %s as a full YAML parse does', (_name, frontMatter) => {
    expect(noteHeader(frontMatter, readYamlMapping)).toEqual(fullParse(frontMatter));
  });

  it('reads back any customer and title coach wrote, whatever they contain', () => {
    fc.assert(
      fc.property(anyText, fc.option(anyText, { nil: undefined }), (customer, title) => {
        const note = { coach: 1, kind: 'prep', playbook: 'p', customer, ...(title !== undefined ? { title } : {}), date: '2026-11-22', answers: { need: 'x' } };
        const split = splitFrontMatter(stringifyFrontMatter(note));
        expect(split).toBeDefined();
        const result = noteHeader(split?.frontMatter ?? '', readYamlMapping);
        expect(result).toEqual({ ok: true, header: { kind: 'prep', playbook: 'p', customer, title, date: '2026-11-22', created: undefined, prep: undefined } });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses the whole note when the mistake is inside a nested block, as show and debrief do', () => {
    const frontMatter = `${base}customer: Acme\ndate: 2026-11-22\nanswers:\n  need: "unterminated\n`;
    expect(fullParse(frontMatter).ok).toBe(false);
    expect(noteHeader(frontMatter, readYamlMapping)).toMatchObject({ ok: false, reason: expect.stringMatching(/^its front matter is not valid YAML \(line \d+: /) });
  });

  it.each([
    ['invalid YAML', `${base}customer: [unclosed\n`, /not valid YAML/],
    ['a key given twice', `${base}customer: Acme\ncustomer: Globex\n`, /not valid YAML/],
    ['a list instead of a mapping', '- kind: prep\n- playbook: x\n', /no "kind: prep"|not a YAML mapping/],
    ['no kind', 'playbook: x\ncustomer: Acme\n', /not a coach note/],
    ['another kind', 'kind: meeting\nplaybook: x\n', /not a coach note/],
    ['no playbook', 'kind: prep\ncustomer: Acme\n', /not a coach note/],
    ['an unrelated notes app header', 'tags: [work]\naliases: []\n', /not a coach note/],
    ['nesting deep enough to hurt the parser', `${base}customer: ${'['.repeat(100)}\n`, /nested more than/],
  ])('refuses %s with a reason', (_name, frontMatter, reason) => {
    const result = noteHeader(frontMatter, readYamlMapping);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });
});
