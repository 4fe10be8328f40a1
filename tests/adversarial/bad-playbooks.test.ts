/**
 * Playbooks a user did not write: too big, not a file, not UTF-8, YAML 1.1, aliases that explode,
 * nesting that would blow the parser's stack, tags, prototype keys. Each gives one located message
 * and exit 3 (invalid playbook) or 4 (unreadable file), quickly, and writes nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../src/core/playbook/parse-playbook.js';
import { FileError, PlaybookError } from '../../src/errors.js';
import { decodeStrictUtf8 } from '../../src/store/files/read-text-file.js';
import { tempDir } from '../helpers/run-cli.js';
import { expectNoStackTrace, playbookText, runRaw, snapshot, spawnCoach, writePlaybook } from './helpers.js';

function setup() {
  const dir = tempDir('coach-bad-playbook-');
  const notes = join(dir, 'notes');
  mkdirSync(notes);
  writeFileSync(join(notes, 'kept.md'), 'an earlier note\n');
  return { dir, notes, env: { COACH_NOTES_DIR: notes }, before: snapshot(notes) };
}

async function prepWith(path: string, env: Record<string, string>) {
  const result = await runRaw(['prep', path, '--set', 'customer=Acme', '--set', 'need=x', '--no-input'], { env });
  expectNoStackTrace(result.stderr);
  return result;
}

describe('a playbook that is not a readable text file', () => {
  it('refuses a file over 1 MiB without parsing it (exit 4)', async () => {
    const { dir, notes, env, before } = setup();
    const path = writePlaybook(dir, `${playbookText()}# ${'x'.repeat(1024 * 1024)}\n`);
    const result = await prepWith(path, env);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`coach: ${path}: the playbook is larger than 1 MiB; coach reads at most 1 MiB`);
    expect(snapshot(notes)).toEqual(before);
  });

  it('refuses a directory named like a playbook (exit 4)', async () => {
    const { dir, notes, env, before } = setup();
    const path = join(dir, 'dir.yaml');
    mkdirSync(path);
    const result = await prepWith(path, env);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`coach: ${path}: the playbook must be a regular file`);
    expect(snapshot(notes)).toEqual(before);
  });

  it('refuses a FIFO at once instead of waiting for a writer (exit 4)', async () => {
    const { dir, notes, env, before } = setup();
    const path = join(dir, 'fifo.yaml');
    execFileSync('mkfifo', [path]);
    // No writer ever opens the FIFO: a coach that opened it to read would wait forever (and the
    // test would time out), so returning at all is the proof.
    const result = await prepWith(path, env);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`${path}: the playbook must be a regular file`);
    expect(snapshot(notes)).toEqual(before);
  });

  it('refuses a device such as /dev/zero, which would never end (exit 4)', async () => {
    const { env } = setup();
    const result = await prepWith('/dev/zero', env);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('/dev/zero: the playbook must be a regular file');
  });

  it('refuses bytes that are not UTF-8 (exit 4)', async () => {
    const { dir, notes, env, before } = setup();
    const path = join(dir, 'latin1.yaml');
    writeFileSync(path, Buffer.concat([Buffer.from(playbookText().replace('Tiny', 'Caf')), Buffer.from([0xe9, 0x0a])]));
    const result = await prepWith(path, env);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`coach: ${path}: is not valid UTF-8 text; save it as UTF-8 and try again`);
    expect(snapshot(notes)).toEqual(before);
  });
});

describe('YAML that is valid somewhere but not in a playbook', () => {
  const cases: [string, string, RegExp][] = [
    ['a %YAML 1.1 directive (which would make `no` false)', `%YAML 1.1\n---\n${playbookText()}`, /:1:1: YAML 1\.1 is not supported; remove the %YAML directive/],
    ['a YAML 1.1 boolean word where a boolean is expected', playbookText('        - { id: need, type: text, prompt: Need?, required: no }'), /:10:60: prep\.steps\[0\]\.questions\[0\]\.required: expected boolean, got "no"/],
    ['a tag', playbookText('        - { id: need, type: text, prompt: !!binary aGVsbG8= }'), /:10:52: YAML tags such as "!!binary" are not allowed in a playbook; remove the tag/],
    ['a custom tag', playbookText().replace('title: Tiny', "title: !js/function 'return 1'"), /:2:21: YAML tags such as "!js\/function" are not allowed in a playbook/],
    ['a __proto__ key', playbookText('        - { id: need, type: text, prompt: Need?, __proto__: { polluted: true } }'), /:10:50: "__proto__" is not allowed as a key/],
    ['a constructor key', `constructor: x\n${playbookText()}`, /:1:1: "constructor" is not allowed as a key/],
    ['two documents', `${playbookText()}---\nid: second\n`, /:11:1: a playbook is one YAML document: remove this "---", or split the file in two/],
    ['a duplicate key', `id: one\n${playbookText()}`, /:2:1: Map keys must be unique/],
  ];

  it.each(cases)('rejects %s with a located message and exit 3', async (_name, text, message) => {
    const { dir, notes, env, before } = setup();
    const path = writePlaybook(dir, text);
    const result = await prepWith(path, env);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${message.source}`, 'm'));
    expect(result.stderr).toContain('coach: the playbook is invalid');
    expect(snapshot(notes)).toEqual(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('stops the billion-laughs alias bomb (exit 3)', async () => {
    const { dir, notes, env, before } = setup();
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) bomb.push(`${'abcdefghi'[level]}: &${'abcdefghi'[level]} [${Array(9).fill(`*${'abcdefghi'[level - 1]}`).join(',')}]`);
    const path = writePlaybook(dir, `${bomb.join('\n')}\n${playbookText()}`);
    // Refused by the alias limit, so never expanded (9^9 strings); its time is in `npm run bench`.
    const result = await prepWith(path, env);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/:1:1: cannot be read: Excessive alias count/);
    expect(snapshot(notes)).toEqual(before);
  });
});

describe('nesting that would overflow the YAML parser', () => {
  const deep: [string, string, RegExp][] = [
    ['100,000 unclosed [', `title: ${'['.repeat(100_000)}`, /:1:72: nested more than 64 levels deep; flatten the structure/],
    ['100,000 balanced [ ]', `tags: ${'['.repeat(100_000)}${']'.repeat(100_000)}`, /:1:71: nested more than 64 levels deep/],
    ['a megabyte of {', `${'{a: '.repeat(250_000)}`.slice(0, 1024 * 1024 - 10), /:1:\d+: nested more than 64 levels deep/],
    ['1,400 indented maps', Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'), /:257:258: indented or nested more than 256 columns deep/],
    ['100,000 compact "- " sequences', `${'- '.repeat(100_000)}x`, /:1:259: indented or nested more than 256 columns deep/],
  ];

  // How long these take is measured by `npm run bench` (the refused-nesting cases), not here.
  it.each(deep)('%s: a located error, never a crash (exit 3)', async (_name, text, message) => {
    const { dir, notes, env, before } = setup();
    const path = writePlaybook(dir, text);
    const result = await prepWith(path, env);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(message);
    expect(snapshot(notes)).toEqual(before);
  });

  it('survives two deeply nested files in one process: a playbook and an answers file', async () => {
    const { dir, env } = setup();
    const playbook = writePlaybook(dir, `title: ${'['.repeat(200_000)}`);
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, `need: ${'{'.repeat(200_000)}`);
    const first = await runRaw(['prep', playbook, '--answers', answers, '--no-input'], { env });
    expect(first.code).toBe(3);
    const second = await runRaw(['prep', 'two-questions', '--answers', answers, '--no-input'], { env });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`coach: ${answers}:1: nested more than 64 levels deep`);
  });

  it('lists two deeply nested playbooks as broken, in a real process, and still exits 0', async () => {
    const { dir } = setup();
    const library = join(dir, 'library');
    mkdirSync(library);
    writeFileSync(join(library, 'deep-flow.yaml'), `id: ${'['.repeat(500_000)}`);
    writeFileSync(join(library, 'deep-block.yaml'), Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'));
    const result = await spawnCoach(['playbooks', 'list', '--playbooks', library]);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).toContain('deep-flow.yaml');
    expect(result.stdout + result.stderr).toContain('deep-block.yaml');
    expect(result.stdout).toContain('two-questions');
  });

  it('accepts a long one-line list and deep-but-legal indentation in a real playbook', () => {
    const choices = Array.from({ length: 60 }, (_, i) => `choice-${i}`).join(', ');
    const playbook = parsePlaybook(playbookText(`        - { id: pick, type: select, prompt: Pick?, choices: [${choices}] }`), 'long.yaml');
    expect(playbook.prep.steps[0]?.questions[0]?.choices).toHaveLength(60);
  });
});

describe('the loader, for any input', () => {
  const yamlPieces = fc.constantFrom('id: x\n', 'prep:\n', '  steps:\n', '    - ', 'id: ', '[', ']', '{', '}', ': ', '- ', '&a ', '*a ', '!!str ', '!t ', '%YAML 1.1\n', '---\n', '...\n', '"', "'", '#', '\t', '\n', '  ', '__proto__: 1\n', '<<: *a\n', '|\n', '>\n', 'yes', 'no', '~', '0o17');
  const yamlish = fc.array(fc.oneof(yamlPieces, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(''));

  function loadsOrFailsCleanly(bytes: Uint8Array): void {
    let text: string;
    try {
      text = decodeStrictUtf8(bytes, 'p.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(FileError);
      return;
    }
    try {
      expect(parsePlaybook(text, 'p.yaml').id).toMatch(/^[a-z0-9-]+$/);
    } catch (error) {
      expect(error).toBeInstanceOf(PlaybookError);
      for (const issue of (error as PlaybookError).issues) {
        expect(issue.file).toBe('p.yaml');
        expect(issue.line).toBeGreaterThanOrEqual(1);
        expect(issue.col).toBeGreaterThanOrEqual(1);
        expect(issue.message.length).toBeGreaterThan(0);
      }
    }
  }

  it('gives a playbook or a located error from arbitrary bytes, never a crash', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), loadsOrFailsCleanly), { numRuns: 500 });
  });

  it('gives a playbook or a located error from YAML-shaped text, never a crash', () => {
    fc.assert(fc.property(yamlish, (text) => loadsOrFailsCleanly(new TextEncoder().encode(text))), { numRuns: 500 });
  });

  it('gives a playbook or a located error from a mutated real playbook', () => {
    const valid = playbookText('        - { id: need, type: text, prompt: Need?, why: Because }\n        - { id: ok, type: confirm, prompt: OK?, default: yes }');
    const mutated = fc.tuple(fc.nat({ max: valid.length }), fc.nat({ max: 20 }), yamlish).map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut));
    fc.assert(fc.property(mutated, (text) => loadsOrFailsCleanly(new TextEncoder().encode(text))), { numRuns: 500 });
  });
});

describe('a bad playbook never costs the answers file', () => {
  it('leaves the answers file and the notes untouched', async () => {
    const { dir, notes, env, before } = setup();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, 'customer: Acme\n');
    const path = writePlaybook(dir, 'id: [');
    const result = await runRaw(['prep', path, '--answers', answers, '--no-input'], { env });
    expect(result.code).toBe(3);
    expect(snapshot(dir)).toMatchObject({ 'answers.yaml': Buffer.from('customer: Acme\n').toString('base64') });
    expect(snapshot(notes)).toEqual(before);
  });
});
