/**
 * Answers files a user did not write with care (or someone else wrote): too big, not a file, not
 * UTF-8, tags, prototype keys, aliases, nesting. Each is one line naming the file (and line), exit
 * 2 (the answers are wrong) or 4 (the file cannot be read), with no note written. And values are
 * kept as written: `007`, `no` and `12:30` stay strings wherever a string is expected.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { tempDir } from '../helpers/run-cli.js';
import { expectNoStackTrace, playbookText, runRaw, snapshot, writePlaybook } from './helpers.js';

function setup() {
  const dir = tempDir('coach-bad-answers-');
  const notes = join(dir, 'notes');
  mkdirSync(notes);
  writeFileSync(join(notes, 'kept.md'), 'an earlier note\n');
  return { dir, notes, env: { COACH_NOTES_DIR: notes }, before: snapshot(notes) };
}

async function prepWithAnswers(answers: string, env: Record<string, string>, stdin?: string) {
  const result = await runRaw(['prep', 'two-questions', '--answers', answers, '--no-input'], { env, stdin });
  expectNoStackTrace(result.stderr);
  return result;
}

function answersFile(dir: string, content: string | Buffer): string {
  const path = join(dir, 'answers.yaml');
  writeFileSync(path, content);
  return path;
}

describe('an answers file that cannot be read as text (exit 4)', () => {
  it('is over 1 MiB', async () => {
    const { dir, notes, env, before } = setup();
    const path = answersFile(dir, `customer: Acme\n# ${'x'.repeat(1024 * 1024)}\n`);
    const result = await prepWithAnswers(path, env);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`coach: ${path}: the answers file is larger than 1 MiB; coach reads at most 1 MiB\n`);
    expect(snapshot(notes)).toEqual(before);
  });

  it('is over 1 MiB on stdin (--answers -)', async () => {
    const { notes, env, before } = setup();
    const result = await prepWithAnswers('-', env, `customer: Acme\n# ${'x'.repeat(1024 * 1024)}\n`);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe('coach: <stdin>: more than 1 MiB of input; coach reads at most 1 MiB\n');
    expect(snapshot(notes)).toEqual(before);
  });

  it('is a directory', async () => {
    const { dir, notes, env, before } = setup();
    const path = join(dir, 'answers.d');
    mkdirSync(path);
    const result = await prepWithAnswers(path, env);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`coach: ${path}: the answers file must be a regular file\n`);
    expect(snapshot(notes)).toEqual(before);
  });

  it('is a FIFO (refused at once, not waited on)', async () => {
    const { dir, notes, env, before } = setup();
    const path = join(dir, 'answers.fifo');
    execFileSync('mkfifo', [path]);
    const result = await prepWithAnswers(path, env);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`coach: ${path}: the answers file must be a regular file\n`);
    expect(snapshot(notes)).toEqual(before);
  });

  it('is not UTF-8', async () => {
    const { dir, notes, env, before } = setup();
    const path = answersFile(dir, Buffer.from([0x63, 0x75, 0x73, 0x74, 0x6f, 0x6d, 0x65, 0x72, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    const result = await prepWithAnswers(path, env);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`coach: ${path}: is not valid UTF-8 text; save it as UTF-8 and try again\n`);
    expect(snapshot(notes)).toEqual(before);
  });

  it('does not exist', async () => {
    const { dir, notes, env, before } = setup();
    const path = join(dir, 'missing.yaml');
    const result = await prepWithAnswers(path, env);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`coach: ${path}: cannot read the answers file: no such file or directory\n`);
    expect(snapshot(notes)).toEqual(before);
  });
});

describe('an answers file with YAML a map of answers must not have (exit 2)', () => {
  const cases: [string, string, string][] = [
    ['a tag on a value', 'customer: Acme\nneed: !!binary aGVsbG8=\n', ':2: YAML tags are not allowed in an answers file'],
    ['a custom tag on a key', 'customer: Acme\n!js/function need: x\n', ':2: YAML tags are not allowed in an answers file'],
    ['a __proto__ key', 'customer: Acme\n__proto__: { polluted: yes }\n', ':2: "__proto__" is not a question id'],
    ['a constructor key', 'constructor: x\n', ':1: "constructor" is not a question id'],
    ['an alias', 'customer: &who Acme\nneed: *who\n', ':2: "need" uses a YAML alias; write the answer out in full'],
    ['a nested map', 'customer: Acme\nneed: { a: 1 }\n', ':2: "need" must be text or a list, not a nested map'],
    ['a list of maps', 'customer: Acme\nneed_shift_signs: [{ a: 1 }]\n', ':2: "need_shift_signs" must be a list of plain entries'],
    ['two documents', 'customer: Acme\n---\nneed: x\n', ':2: holds more than one YAML document; keep a single map of question id to answer'],
    ['a duplicate key', 'customer: Acme\ncustomer: Globex\n', ':2: Map keys must be unique; an answers file is a map of question id to answer'],
    ['a list at the top', '- customer\n- Acme\n', ':1: expected a map of question id to answer, like "need: a firm date"'],
    ['100,000 nested [', `need: ${'['.repeat(100_000)}`, ':1: nested more than 64 levels deep; flatten the structure; an answers file is a map of question id to answer'],
    ['1,400 indented maps', Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'), ':257: indented or nested more than 256 columns deep; flatten the structure; an answers file is a map of question id to answer'],
  ];

  it.each(cases)('%s', async (_name, content, message) => {
    const { dir, notes, env, before } = setup();
    const path = answersFile(dir, content);
    const result = await prepWithAnswers(path, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`coach: ${path}${message}\n`);
    expect(snapshot(notes)).toEqual(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('answers are kept as written', () => {
  it('keeps 007, no, 12:30, a quoted ~, 1e3 and 0o17 as the strings they are where text is expected', async () => {
    const { dir, notes, env } = setup();
    const playbook = writePlaybook(
      dir,
      playbookText(
        [
          '        - { id: code, type: text, prompt: Code? }',
          '        - { id: word, type: text, prompt: Word? }',
          '        - { id: time, type: text, prompt: Time? }',
          '        - { id: tilde, type: text, prompt: Tilde? }',
          '        - { id: sci, type: text, prompt: Sci? }',
          '        - { id: octal, type: text, prompt: Octal? }',
          '        - { id: agreed, type: confirm, prompt: Agreed? }',
          '        - { id: items, type: list, prompt: Items? }',
        ].join('\n'),
      ),
    );
    const path = answersFile(dir, 'customer: 007\ntitle: no\ncode: 007\nword: no\ntime: 12:30\ntilde: "~"\nsci: 1e3\noctal: 0o17\nagreed: no\nitems: [on, off, 08]\n');
    const result = await runRaw(['prep', playbook, '--answers', path, '--no-input'], { env });
    expect(result.code).toBe(0);
    const [file] = readdirSync(notes).filter((name) => name !== 'kept.md');
    expect(file).toBe('2026-11-22-007-tiny-prep.md');
    const data = parseFrontMatter(readFileSync(join(notes, file ?? ''), 'utf8'));
    expect(data).toMatchObject({ customer: '007', title: 'no' });
    // The question's type decides: a confirm reads `no` as false; text keeps it.
    expect(data?.['answers']).toEqual({ code: '007', word: 'no', time: '12:30', tilde: '~', sci: '1e3', octal: '0o17', agreed: false, items: ['on', 'off', '08'] });
  });

  it('reads a JSON answers file the same way (numbers and booleans as text until a type says otherwise)', async () => {
    const { dir, notes, env } = setup();
    const path = join(dir, 'answers.json');
    writeFileSync(path, JSON.stringify({ customer: 'Acme', need: 7, state: 'calm', helpful: 'listen', mode: 'listening', reassurance: 'fixed', time_cleared: true }));
    const result = await prepWithAnswers(path, env);
    expect(result.code).toBe(0);
    const [file] = readdirSync(notes).filter((name) => name !== 'kept.md');
    const data = parseFrontMatter(readFileSync(join(notes, file ?? ''), 'utf8'));
    expect(data?.['answers']).toMatchObject({ need: '7', time_cleared: true });
  });

  it.each([
    ['JSON null', (answers: Record<string, unknown>) => JSON.stringify(answers).replace('"NEED"', 'null'), 'answers.json'],
    ['YAML ~', (answers: Record<string, unknown>) => Object.entries(answers).map(([id, value]) => `${id}: ${value === 'NEED' ? '~' : String(value)}`).join('\n'), 'answers.yaml'],
  ])('reads %s as no answer, so a required question is still missing', async (_name, write, name) => {
    const { dir, notes, env, before } = setup();
    const path = join(dir, name);
    writeFileSync(path, write({ customer: 'Acme', need: 'NEED', state: 'calm', helpful: 'listen', mode: 'listening', reassurance: 'fixed', time_cleared: 'yes' }));
    const result = await prepWithAnswers(path, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('1 required answer is missing for two-questions: need.');
    expect(snapshot(notes)).toEqual(before);
  });
});
