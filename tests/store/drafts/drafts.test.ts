/**
 * Drafts on disk: saved atomically and privately, read back exactly, written one at a time with
 * the newest state, and never deleted when unreadable (moved aside instead).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileError } from '../../../src/errors.js';
import { answersFromDraft, unmappedSection, withDraftAnswers } from '../../../src/store/drafts/draft-answers.js';
import { serializeDraft, type Draft } from '../../../src/store/drafts/draft-file.js';
import { parseDraft } from '../../../src/store/drafts/draft-parse.js';
import { keepDraft } from '../../../src/store/drafts/draft-keeper.js';
import { listDrafts, loadDraft, removeDraft, saveDraft } from '../../../src/store/drafts/drafts.js';
import { questionsOf } from '../../../src/core/session/supplied-answers.js';
import { parsePlaybook } from '../../../src/core/playbook/parse-playbook.js';
import { tempDir } from '../../helpers/run-cli.js';

const base: Draft = {
  coach_draft: 1,
  playbook: { id: 'tiny', path: '/playbooks/tiny.yaml', source: 'file', fingerprint: 'abc' },
  phase: 'prep',
  started: '2026-11-22T09:30:00.000Z',
  saved: '2026-11-22T09:31:00.000Z',
  asked: [],
  answers: {},
};

const id = fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}$/);
const value = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.array(fc.string({ unit: 'grapheme', maxLength: 10 }), { maxLength: 4 }));
const answers = fc.dictionary(id, value, { maxKeys: 8 });
const invite = fc.record({
  attendees: fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { maxLength: 4 }),
  suggested: fc.dictionary(id, fc.record({ value, origin: fc.string({ minLength: 1, maxLength: 20 }) }), { maxKeys: 3 }),
});
const draft: fc.Arbitrary<Draft> = fc
  .record({ answers, unmapped: fc.option(answers, { nil: undefined }), asked: fc.array(id, { maxLength: 8 }), phase: fc.constantFrom('prep' as const, 'debrief' as const), invite: fc.option(invite, { nil: undefined }) })
  .map((parts) => ({
    ...base,
    ...parts,
    ...(parts.unmapped === undefined ? { unmapped: undefined } : {}),
    ...(parts.invite === undefined ? { invite: undefined } : {}),
  }));

describe('draft save and load', () => {
  it('reads back exactly what was saved, for any answers', async () => {
    const dir = tempDir('coach-drafts-');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(draft, async (original) => {
        const file = join(dir, '.drafts', `d${n++}.json`);
        saveDraft(file, original);
        const loaded = await loadDraft(file);
        expect('draft' in loaded).toBe(true);
        if (!('draft' in loaded)) return;
        expect(JSON.parse(JSON.stringify(loaded.draft))).toEqual(JSON.parse(JSON.stringify(original)));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps drafts private: the directory 0700, each file 0600, no temporary files left', async () => {
    const notes = tempDir('coach-drafts-');
    const file = join(notes, '.drafts', 'one.json');
    saveDraft(file, base);
    saveDraft(file, { ...base, answers: { customer: 'Acme' } });
    expect(statSync(join(notes, '.drafts')).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(notes, '.drafts'))).toEqual(['one.json']);
  });

  it('never gives anything but a draft or a reason, whatever bytes the file holds', async () => {
    const dir = tempDir('coach-drafts-');
    const file = join(dir, 'x.json');
    const near = fc.oneof(
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
      fc.jsonValue().map((json) => Buffer.from(JSON.stringify(json))),
      fc.tuple(fc.nat({ max: 400 }), fc.string({ maxLength: 6 })).map(([at, text]) => {
        const good = serializeDraft({ ...base, asked: ['customer'], answers: { customer: 'Acme' } });
        return Buffer.from(good.slice(0, at) + text + good.slice(at + text.length));
      }),
    );
    await fc.assert(
      fc.asyncProperty(near, async (bytes) => {
        writeFileSync(file, bytes);
        const loaded = await loadDraft(file);
        if ('problem' in loaded) expect(loaded.problem.length).toBeGreaterThan(0);
        else expect(loaded.draft.coach_draft).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses prototype keys and answer ids a question could never have', () => {
    const withProto = serializeDraft(base).replace('"answers": {}', '"answers": {"__proto__": {"polluted": true}}');
    expect(parseDraft(withProto)).toEqual({ problem: 'the key "__proto__" is not allowed' });
    expect(Object.prototype).not.toHaveProperty('polluted');
    const badId = serializeDraft({ ...base, answers: { 'Not An Id': 'x' } });
    expect(parseDraft(badId)).toMatchObject({ problem: expect.stringContaining('not a coach draft (answers.Not An Id') });
  });
});

describe('unreadable drafts', () => {
  it('moves each aside (never deletes it), reports it, and still lists the good ones', async () => {
    const notes = tempDir('coach-drafts-');
    const dir = join(notes, '.drafts');
    mkdirSync(dir);
    writeFileSync(join(dir, 'good.json'), serializeDraft({ ...base, asked: ['customer'], answers: { customer: 'Acme' } }));
    writeFileSync(join(dir, 'truncated.json'), serializeDraft(base).slice(0, 40));
    writeFileSync(join(dir, 'latin1.json'), Buffer.from([0x7b, 0xe9, 0x7d]));
    writeFileSync(join(dir, 'huge.json'), `{"x": "${'a'.repeat(1024 * 1024)}"}`);
    mkdirSync(join(dir, 'a-directory.json'));
    writeFileSync(join(dir, 'truncated.json.corrupt'), 'an earlier corrupt draft\n');

    const { drafts, unreadable } = await listDrafts(notes);
    expect(drafts.map((entry) => entry.draft.answers)).toEqual([{ customer: 'Acme' }]);
    expect(unreadable.map((entry) => [entry.file.replace(`${dir}/`, ''), entry.movedTo?.replace(`${dir}/`, '')]).sort()).toEqual([
      ['a-directory.json', 'a-directory.json.corrupt'],
      ['huge.json', 'huge.json.corrupt'],
      ['latin1.json', 'latin1.json.corrupt'],
      ['truncated.json', 'truncated.json.corrupt-2'],
    ]);
    expect(unreadable.find((entry) => entry.file.endsWith('truncated.json'))?.problem).toMatch(/^not valid JSON/);
    expect(unreadable.find((entry) => entry.file.endsWith('latin1.json'))?.problem).toBe('is not valid UTF-8 text; save it as UTF-8 and try again');
    expect(readFileSync(join(dir, 'truncated.json.corrupt'), 'utf8')).toBe('an earlier corrupt draft\n');
    expect(readFileSync(join(dir, 'truncated.json.corrupt-2'), 'utf8')).toBe(serializeDraft(base).slice(0, 40));
    expect(readdirSync(dir).sort()).toEqual(['a-directory.json.corrupt', 'good.json', 'huge.json.corrupt', 'latin1.json.corrupt', 'truncated.json.corrupt', 'truncated.json.corrupt-2']);
  });

  it('lists the newest save first', async () => {
    const notes = tempDir('coach-drafts-');
    saveDraft(join(notes, '.drafts', 'b.json'), { ...base, saved: '2026-11-21T00:00:00.000Z' });
    saveDraft(join(notes, '.drafts', 'a.json'), { ...base, saved: '2026-11-23T00:00:00.000Z' });
    saveDraft(join(notes, '.drafts', 'c.json'), { ...base, saved: '2026-11-22T00:00:00.000Z' });
    const { drafts } = await listDrafts(notes);
    expect(drafts.map((entry) => entry.file.slice(-6))).toEqual(['a.json', 'c.json', 'b.json']);
  });

  it('removes the drafts directory with the last draft, and leaves it while others remain', async () => {
    const notes = tempDir('coach-drafts-');
    saveDraft(join(notes, '.drafts', 'a.json'), base);
    saveDraft(join(notes, '.drafts', 'b.json'), base);
    removeDraft(join(notes, '.drafts', 'a.json'));
    expect(readdirSync(join(notes, '.drafts'))).toEqual(['b.json']);
    removeDraft(join(notes, '.drafts', 'b.json'));
    expect(existsSync(join(notes, '.drafts'))).toBe(false);
  });
});

describe('the draft keeper', () => {
  it('writes one at a time and always ends with the newest state, however fast answers come', async () => {
    const notes = tempDir('coach-drafts-');
    const file = join(notes, '.drafts', 'k.json');
    const keeper = keepDraft(file, { ...base }, () => new Date('2026-11-22T09:30:00Z'));
    const all: Record<string, string> = {};
    for (let i = 0; i < 50; i++) {
      all[`q${i}`] = `answer ${i}`;
      keeper.record(`q${i}`, { ...all });
    }
    await keeper.flushed();
    const loaded = await loadDraft(file);
    expect('draft' in loaded && loaded.draft.answers).toEqual(all);
    expect('draft' in loaded && loaded.draft.asked).toHaveLength(50);
    expect(keeper.asked).toBe(50);
    expect(readdirSync(join(notes, '.drafts'))).toEqual(['k.json']);
  });

  it('reports a write that failed when the session next waits for it', async () => {
    const notes = tempDir('coach-drafts-');
    writeFileSync(join(notes, '.drafts'), 'a file in the way\n');
    const keeper = keepDraft(join(notes, '.drafts', 'k.json'), { ...base }, () => new Date());
    keeper.record('customer', { customer: 'Acme' });
    await expect(keeper.flushed()).rejects.toBeInstanceOf(FileError);
    await expect(keeper.flushed()).rejects.toThrow(`${join(notes, '.drafts')}: cannot use this as a directory: a file is in the way`);
  });

  it('discards only after a write still running has finished, so nothing recreates the draft', async () => {
    const notes = tempDir('coach-drafts-');
    const keeper = keepDraft(join(notes, '.drafts', 'k.json'), { ...base }, () => new Date());
    keeper.record('customer', { customer: 'Acme' });
    await keeper.discard();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(existsSync(join(notes, '.drafts'))).toBe(false);
  });
});

describe('a draft against the playbook as it is now', () => {
  const now = parsePlaybook(
    `id: tiny
title: Tiny
summary: S
source: T
prep:
  steps:
    - id: s
      title: S
      questions:
        - { id: kept, type: text, prompt: Kept? }
        - { id: skipped, type: text, prompt: Skipped?, required: false }
        - { id: now_required, type: text, prompt: Now required? }
        - { id: level, type: scale, prompt: Level?, min: 1, max: 3 }
        - { id: added, type: text, prompt: Added? }
`,
    'tiny.yaml',
  );
  const questions = questionsOf(now, 'prep', '2026-11-22');
  const old: Draft = {
    ...base,
    asked: ['customer', 'kept', 'skipped', 'now_required', 'level', 'removed'],
    answers: { customer: 'Acme', kept: 'still fits', level: 5, removed: 'an answer to a question that is gone' },
  };

  it('supplies what fits, re-asks what changed, and keeps what has no question any more', () => {
    const { supplied, skipped, unmapped, refitted } = answersFromDraft(old, questions, 'draft d');
    expect([...supplied.entries()]).toEqual([
      ['customer', { raw: 'Acme', origin: 'draft d' }],
      ['kept', { raw: 'still fits', origin: 'draft d' }],
    ]);
    expect([...skipped]).toEqual(['skipped']);
    expect(unmapped).toEqual({ level: 5, removed: 'an answer to a question that is gone' });
    expect(refitted).toEqual(['level']);
  });

  it('renders the unmapped answers as their own section, quoted', () => {
    expect(unmappedSection({ removed: 'line one\nline two', flag: true, many: ['a', 'b'] })).toEqual([
      '## Unmapped answers\n\n_Given to questions this version of the playbook no longer asks in this form._\n\n**removed**\n\n> line one\n> line two\n\n**flag**\n\nYes\n\n**many**\n\n- a\n- b',
    ]);
    expect(unmappedSection({})).toEqual([]);
  });

  it('lets --set override a draft answer, and a draft answer override an answers file', () => {
    const fromDraft = new Map([
      ['customer', { raw: 'Typed Inc', origin: 'draft d' }],
      ['need', { raw: 'typed need', origin: 'draft d' }],
    ]);
    const given = new Map([
      ['customer', { raw: 'File Corp', origin: 'answers.yaml:1' }],
      ['need', { raw: 'set need', origin: '--set need' }],
      ['extra', { raw: 'from the file', origin: 'answers.yaml:3' }],
    ]);
    const merged = withDraftAnswers(fromDraft, given);
    expect(merged.get('customer')?.raw).toBe('Typed Inc');
    expect(merged.get('need')?.raw).toBe('set need');
    expect(merged.get('extra')?.raw).toBe('from the file');
  });
});
