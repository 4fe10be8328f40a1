/**
 * Text that tries to escape where it is put: escape sequences aimed at the terminal, front matter
 * breakers aimed at the note, path tricks aimed at the file name. The terminal shows it inert,
 * the note reads back exactly, and the file stays inside the notes directory with a safe name.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { MAX_SLUG_LENGTH, slugify } from '../../src/store/notes/slug.js';
import { noteFileName } from '../../src/store/notes/notes-dir.js';
import { sanitizeForTerminal } from '../../src/terminal/sanitize.js';
import { FakeTerminal, tempDir } from '../helpers/run-cli.js';
import { playbookText, RawCapture, runRaw, writePlaybook } from './helpers.js';

/** Sequences a playbook or an answer might smuggle in; none is ever produced by coach or Inquirer. */
const PAYLOADS = {
  osc: '\u001b]0;PWNED-TITLE\u0007',
  clear: '\u001b[2J',
  c1: '\u009b31mC1-RED',
  bidi: 'abc\u202edcba',
  bell: '\u0007',
  dcs: '\u001bP+q544e\u001b\\',
};
const HOSTILE = Object.values(PAYLOADS).join(' ');
const FORBIDDEN_ON_SCREEN = [/\u001b\]/, /\u001b\[2J/, /[\u0080-\u009f]/, /[\u202a-\u202e\u2066-\u2069]/, /\u0007/, /\u001bP/];

function expectInert(screen: string): void {
  for (const pattern of FORBIDDEN_ON_SCREEN) expect(screen).not.toMatch(pattern);
}

const yamlString = (text: string): string => JSON.stringify(text);

function hostilePlaybook(): string {
  return `id: hostile
title: ${yamlString(`Title ${HOSTILE}`)}
summary: ${yamlString(`Summary ${HOSTILE}`)}
source: ${yamlString(`Source ${HOSTILE}`)}
prep:
  steps:
    - id: one
      title: ${yamlString(`Step ${HOSTILE}`)}
      guidance: ${yamlString(`Guidance ${HOSTILE}`)}
      questions:
        - id: need
          type: text
          prompt: ${yamlString(`Need ${HOSTILE}?`)}
          why: ${yamlString(`Why ${HOSTILE}`)}
          default: ${yamlString(`Default ${HOSTILE}`)}
        - { id: secret, type: text, prompt: Secret?, required: false }
        - id: mood
          type: select
          prompt: ${yamlString('You said {{secret}}. Mood?')}
          choices:
            - { value: calm, label: ${yamlString(`Calm ${HOSTILE}`)} }
            - { value: cross, label: Cross }
  flags:
    - id: echo
      level: warn
      when: { answer: need, answered: true }
      message: ${yamlString(`They need {{need}}, {{secret}} ${HOSTILE}`)}
      actions: [${yamlString(`Act on {{secret}} ${HOSTILE}`)}]
`;
}

describe('escape sequences from data never reach the terminal', () => {
  it('shows a hostile playbook and hostile answers inertly in an interactive session', async () => {
    const dir = tempDir('coach-hostile-');
    const path = writePlaybook(dir, hostilePlaybook(), 'hostile.yaml');
    const terminal = new FakeTerminal();
    const done = runRaw(['prep', path, '--set', `customer=Acme ${HOSTILE}`, '--set', `title=T ${HOSTILE}`, '--set', 'date=2026-11-22', '--set', `secret=${HOSTILE}`, '--no-save'], {
      terminal,
      env: { COACH_NOTES_DIR: join(dir, 'notes') },
    });
    await terminal.answer('Need', 'a fix');
    await terminal.waitFor('Mood?');
    terminal.press('enter');
    await terminal.waitFor('Save the note');
    terminal.press('enter');
    const result = await done;
    expect(result.code).toBe(0);
    expect(terminal.text).toContain('Need');
    expect(terminal.text).toContain('They need a fix');
    expectInert(result.stderr);
  });

  it('keeps error messages naming hostile input inert', async () => {
    const dir = tempDir('coach-hostile-');
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, `customer: Acme\n${JSON.stringify(`nee${PAYLOADS.osc}d`)}: x\n`);
    const result = await runRaw(['prep', 'two-questions', '--answers', answers, '--set', `date=${PAYLOADS.clear}${PAYLOADS.c1}`, '--no-input'], {
      env: { COACH_NOTES_DIR: join(dir, 'notes') },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown question "nee');
    expect(result.stderr).toContain('"date" is not a date coach can read');
    expectInert(result.stderr);
  });

  it('keeps a note printed on a terminal inert, while the saved file keeps every byte', async () => {
    const dir = tempDir('coach-hostile-');
    const notes = join(dir, 'notes');
    const path = writePlaybook(dir, hostilePlaybook(), 'hostile.yaml');
    const stdout = Object.assign(new RawCapture(), { isTTY: true });
    const result = await runRaw(['prep', path, '--set', `customer=Acme`, '--set', `need=${HOSTILE}`, '--set', 'mood=calm', '--stdout', '--no-input'], {
      stdout,
      env: { COACH_NOTES_DIR: notes },
    });
    expect(result.code).toBe(0);
    expectInert(result.stdout);
    expectInert(result.stderr);
    const [file] = readdirSync(notes);
    const saved = parseFrontMatter(readFileSync(join(notes, file ?? ''), 'utf8'));
    expect(saved?.['answers']).toMatchObject({ need: HOSTILE });
  });
});

describe('draft files with hostile names and contents', () => {
  it('lists and reports them inertly', async () => {
    const notes = tempDir('coach-hostile-');
    const drafts = join(notes, '.drafts');
    mkdirSync(drafts);
    writeFileSync(join(drafts, `${PAYLOADS.osc}${PAYLOADS.bidi}.json`), `{"coach_draft": ${JSON.stringify(HOSTILE)}}`);
    const result = await runRaw(['resume', '--no-input'], { env: { COACH_NOTES_DIR: notes } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot read this draft (not a coach draft (coach_draft: Invalid input: expected 1))');
    expectInert(result.stderr);
  });
});

describe('the terminal sanitizer, for any text', () => {
  const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/;
  const pieces = fc.oneof(fc.string({ unit: 'binary', maxLength: 10 }), fc.constantFrom(...Object.values(PAYLOADS), '\u001b', '\u001b[', '\u001b]', '\r', '\n', '\t', 'é', '日本'));
  const text = fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join(''));

  it('leaves no escape, C0 (but tab and newline), C1 or bidi control', () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(sanitizeForTerminal(input)).not.toMatch(unsafe);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent and never adds characters', () => {
    fc.assert(
      fc.property(text, (input) => {
        const once = sanitizeForTerminal(input);
        expect(sanitizeForTerminal(once)).toBe(once);
        expect(once.length).toBeLessThanOrEqual(input.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves text with nothing unsafe exactly as it was', () => {
    const safeText = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((input) => !unsafe.test(input));
    fc.assert(
      fc.property(safeText, (input) => {
        expect(sanitizeForTerminal(input)).toBe(input);
      }),
      { numRuns: 1000 },
    );
  });
});

// A file holds UTF-8, which cannot carry half of a surrogate pair; nobody can type one either.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('front matter survives any answer', () => {
  const tricky = fc.constantFrom('\n', '---', '\n---\n', '...', 'key: value', '"', "'", 'no', 'on', 'yes', 'off', '~', 'null', '12:30', '007', '0o17', '1e3', '0x1F', '.inf', '\u2028', '\u2029', '\u0085', ' ', '\t', '#', '- ', '[a]', '{b}', '&a', '*a', '!tag', '%YAML 1.1', '@', '`', '|', '>', '\r\n', '\r', '\u0000', '\u001b[2J', 'é', '日本語', '🙂');
  const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), tricky);
  const answerText = fc
    .array(piece, { minLength: 1, maxLength: 6 })
    .map((parts) => parts.join(''))
    .filter((value) => value.trim() !== '' && !LONE_SURROGATE.test(value));

  it('reads back exactly what an answers file gave, through the whole CLI', async () => {
    const dir = tempDir('coach-frontmatter-');
    const playbook = writePlaybook(dir, playbookText('        - { id: need, type: text, prompt: Need? }\n        - { id: more, type: long, prompt: More? }\n        - { id: items, type: list, prompt: Items? }'));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(answerText, answerText, answerText, fc.array(answerText, { minLength: 1, maxLength: 3 }), async (customer, need, more, items) => {
        const notes = join(dir, `notes-${run++}`);
        const answers = join(dir, 'answers.json');
        writeFileSync(answers, JSON.stringify({ customer, title: need, need, more, items }));
        const result = await runRaw(['prep', playbook, '--answers', answers, '--no-input', '-q'], { env: { COACH_NOTES_DIR: notes } });
        expect(result.code).toBe(0);
        const [file] = readdirSync(notes);
        const data = parseFrontMatter(readFileSync(join(notes, file ?? ''), 'utf8'));
        expect(data?.['customer']).toBe(customer);
        expect(data?.['title']).toBe(need);
        expect(data?.['answers']).toEqual({ need, more, items });
      }),
      { numRuns: 60 },
    );
  });
});

describe('file names from answers', () => {
  const windowsReserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

  it('gives a slug that is safe for any customer name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (customer) => {
        const slug = slugify(customer);
        expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
        expect(windowsReserved.test(slug)).toBe(false);
        const name = noteFileName({ date: '2026-11-22', customer, playbook: 'two-questions', kind: 'debrief' });
        expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255 - '-9999'.length);
        expect(name).not.toMatch(/^[.-]|[\\/:*?"<>|\u0000-\u001f]/);
      }),
      { numRuns: 2000 },
    );
  });

  const names: [string, string][] = [
    ['../../../etc/passwd', '2026-11-22-etc-passwd-two-questions-prep.md'],
    ['.hidden', '2026-11-22-hidden-two-questions-prep.md'],
    ['-rf --no-preserve-root', '2026-11-22-rf-no-preserve-root-two-questions-prep.md'],
    ['CON', '2026-11-22-con-meeting-two-questions-prep.md'],
    ['株式会社日本', '2026-11-22-customer-two-questions-prep.md'],
    ['Société Générale', '2026-11-22-societe-generale-two-questions-prep.md'],
    ['a/b\\c:d*e?f"g<h>i|j', '2026-11-22-a-b-c-d-e-f-g-h-i-j-two-questions-prep.md'],
    [`${'é'.repeat(300)}`, `2026-11-22-${'e'.repeat(MAX_SLUG_LENGTH)}-two-questions-prep.md`],
  ];

  it.each(names)('saves a note for customer %j inside the notes directory as %s', async (customer, expected) => {
    const dir = tempDir('coach-names-');
    const notes = join(dir, 'notes');
    const result = await runRaw(['prep', 'two-questions', '--answers', join(import.meta.dirname, '../fixtures/answers/two-questions.yaml'), '--customer', customer, '--no-input', '-q'], {
      env: { COACH_NOTES_DIR: notes },
    });
    expect(result.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['notes']);
    expect(readdirSync(notes)).toEqual([expected]);
    expect(parseFrontMatter(readFileSync(join(notes, expected), 'utf8'))?.['customer']).toBe(customer);
  });
});

describe('ids with control characters in messages', () => {
  it.each([
    ['an escape', 'ne\u001bed', 'ne\\u001bed'],
    ['a bidi override', 'ne\u202eed', 'ne\\u202eed'],
    ['a C1 control', 'ne\u009bed', 'ne\\u009bed'],
  ])('spells out %s in a --set id instead of showing an id that reads like a valid one', async (_name, id, shown) => {
    const dir = tempDir();
    const playbook = writePlaybook(dir, playbookText());
    const result = await runRaw(['prep', playbook, '--customer', 'Acme', '--set', `${id}=x`, '--set', 'need=x', '--no-input', '--no-save', '--stdout'], { env: { COACH_NOTES_DIR: join(dir, 'notes') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--set ${shown}: unknown question "${shown}" (did you mean "need"?)`);
    expect(result.stderr).not.toContain('unknown question "need"');
    expectInert(result.stderr);
  });
});
