/**
 * coach reads YAML one way: the yaml library, through src/formats/yaml.ts. No other source file
 * imports the library, and what the CLI makes of playbooks, answers files and notes' front
 * matter is what the library reads, including every Unicode space and line separator (where
 * hand-written readers once disagreed with it: JavaScript's trim() strips them, YAML keeps them).
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parse, parseDocument, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { playbookText } from '../adversarial/helpers.js';
import { runCli, tempDir } from '../helpers/run-cli.js';
import { UNICODE_SPACES } from '../helpers/unicode-spaces.js';
import { splitFrontMatter } from '../../src/formats/front-matter-split.js';
import { readYaml, readYamlMapping } from '../../src/formats/yaml.js';
import { noteHeader } from '../../src/store/notes/note-header.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const codePoint = (space: string): string => `U+${(space.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
const spaces = UNICODE_SPACES.map((space) => [codePoint(space), space] as const);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('one YAML reader', () => {
  it('is the only source file that imports the yaml library', () => {
    const importers = sourceFiles(join(repo, 'src'))
      .filter((path) => /from 'yaml'|import\('yaml'\)|require\('yaml'\)/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(repo, path));
    expect(importers).toEqual(['src/formats/yaml.ts']);
  });

  it("builds the document the library's parseDocument builds, errors and warnings included", () => {
    const options = { version: '1.2', schema: 'core', uniqueKeys: true, strict: true, prettyErrors: false } as const;
    const shipped = readdirSync(join(repo, 'playbooks')).filter((name) => name.endsWith('.yaml')).map((name) => readFileSync(join(repo, 'playbooks', name), 'utf8'));
    const odd = ['', 'a: 1\n---\nb: 2\n', 'a: [1, 2\n', 'a: 1\na: 2\n', '%YAML 1.1\n---\nx: yes\n', 'k: !custom v\n', '- a\n - b\n', 'x: "unclosed\n', '? [a]\n: b\n', 'a: &x 1\nb: *x\n'];
    const pieces = fc.array(fc.constantFrom('a', ': ', '- ', '\n', '  ', '[', ']', '{', '}', ',', '"', "'", '#', '&x ', '*x', '---\n', '? ', '|\n', '1', 'no', '\u00a0', '\u2028', '\t'), { maxLength: 40 });
    const texts = [...shipped, ...odd, ...fc.sample(pieces.map((parts) => parts.join('')), { numRuns: 300, seed: 12 })];
    const summary = (doc: Document.Parsed) => ({
      data: (() => {
        try {
          return doc.toJS();
        } catch (error) {
          return `throws ${(error as Error).message}`;
        }
      })(),
      errors: doc.errors.map((error) => [error.code, error.pos, error.message]),
      warnings: doc.warnings.map((warning) => [warning.code, warning.pos, warning.message]),
      range: doc.range,
    });
    for (const text of texts) {
      const read = readYaml(text);
      if ('tooDeep' in read) throw new Error(`unexpectedly too deep: ${JSON.stringify(text)}`);
      expect(summary(read.doc), JSON.stringify(text)).toEqual(summary(parseDocument(text, { ...options, lineCounter: new LineCounter() })));
    }
  });

  it('refuses text nested past the limits at its first place, in any document of it', () => {
    const deep = `a: ${'['.repeat(70)}${']'.repeat(70)}\n`;
    expect(readYaml(deep)).toMatchObject({ tooDeep: { line: 1, col: 68, message: 'nested more than 64 levels deep; flatten the structure' } });
    expect(readYaml(`a: 1\n---\nb: 2\n---\n${deep}`)).toMatchObject({ tooDeep: { line: 5, message: 'nested more than 64 levels deep; flatten the structure' } });
  });
});

/** The tests' tiny playbook with a select question and a flag on one of its values. */
const playbook = (state: string): string =>
  `${playbookText('        - { id: state, type: select, prompt: How are they?, choices: [angry, calm] }')}  flags:
    - when: { answer: state, equals: "${state}" }
      level: warn
      message: They are angry.
`;

describe('playbooks', () => {
  it.each(spaces)('validate sees "angry" followed by %s as another value, which can never match', async (_name, space) => {
    const dir = tempDir('coach-yaml-');
    const path = join(dir, 'tiny.yaml');
    writeFileSync(path, playbook(`angry${JSON.stringify(space).slice(1, -1)}`));
    const result = await runCli(['playbooks', 'validate', path]);
    expect(result.code).toBe(3);
    // Control characters are made visible or dropped before they reach a terminal; the rest print as they are.
    const shown = /[\f\v\r]/.test(space) ? '[^"]*' : space;
    expect(result.stdout).toMatch(new RegExp(`prep\\.flags\\[0\\]\\.when\\.equals: "angry${shown}" is not a choice of "state" \\(did you mean "angry"\\?\\); it can never match`));
  });

  it('validates the same playbook without the space', async () => {
    const dir = tempDir('coach-yaml-');
    const path = join(dir, 'tiny.yaml');
    writeFileSync(path, playbook('angry'));
    expect((await runCli(['playbooks', 'validate', path])).code).toBe(0);
  });
});

describe("notes' front matter", () => {
  it.each(spaces)('history and show --json give a customer ending in %s as the library reads it', async (_name, space) => {
    const notes = tempDir('coach-yaml-notes-');
    const text = `---\ncoach: 1\nkind: prep\nplaybook: two-questions\ncustomer: Acme${space}\ndate: 2026-11-20\n---\n# Note\n`;
    writeFileSync(join(notes, 'n.md'), text);
    const env = { COACH_NOTES_DIR: notes };
    const library = parse(splitFrontMatter(text)?.frontMatter ?? '', { version: '1.2' }) as Record<string, unknown>;
    const history = await runCli(['history', '--json'], { env });
    const show = await runCli(['show', 'n', '--json'], { env });
    expect(history.code).toBe(0);
    expect(show.code).toBe(0);
    expect((JSON.parse(history.stdout) as { customer: string }[])[0]?.customer).toBe(library['customer']);
    expect((JSON.parse(show.stdout) as { customer: string }).customer).toBe(library['customer']);
  });

  it('reads any front matter, Unicode spaces anywhere, as the library does or not at all', () => {
    const piece = fc.oneof(fc.constantFrom(...UNICODE_SPACES), fc.constantFrom(' ', '  ', '#', ': ', '"', "'", '[', ']', '-', 'Acme', '\n', '\t'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.array(piece, { maxLength: 6 }), (before, after) => {
        const frontMatter = `coach: 1\nkind: prep\nplaybook: p\ncustomer: ${before.join('')}Acme${after.join('')}\ndate: 2026-11-20\n`;
        let library: Record<string, unknown> | undefined;
        try {
          library = parse(frontMatter, { version: '1.2', uniqueKeys: true, logLevel: 'error' }) as Record<string, unknown>;
        } catch {
          library = undefined;
        }
        const result = noteHeader(frontMatter, readYamlMapping);
        if (library === undefined || library === null || typeof library !== 'object' || library['kind'] !== 'prep') {
          expect(result.ok).toBe(false);
          return;
        }
        const customer = library['customer'];
        const expected = typeof customer === 'string' ? customer : typeof customer === 'number' || typeof customer === 'boolean' ? String(customer) : '';
        expect(result).toMatchObject({ ok: true, header: { customer: expected } });
      }),
      { numRuns: 2000 },
    );
  });
});
