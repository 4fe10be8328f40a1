/**
 * `coach drafts`: the unfinished sessions a person can resume, one line each, and `--discard` to
 * remove one they will not finish (an unknown id is a usage error naming the drafts there are).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDraft, type Draft } from '../../src/store/drafts/draft-file.js';
import { Capture, runCli, tempDir } from '../helpers/run-cli.js';

const draft = (customer: string | undefined, saved: string, asked: string[]): Draft => ({
  coach_draft: 1,
  playbook: { id: 'two-questions', path: '/playbooks/two-questions.yaml', source: 'built-in', fingerprint: 'abc' },
  phase: 'prep',
  started: '2026-11-22T09:00:00.000Z',
  saved,
  asked,
  answers: customer === undefined ? {} : { customer, need: 'a firm date' },
});

function setup() {
  const notes = join(tempDir('coach-drafts-cmd-'), 'notes');
  mkdirSync(join(notes, '.drafts'), { recursive: true });
  writeFileSync(join(notes, '.drafts', 'older.json'), serializeDraft(draft('Acme Corp', '2026-11-21T16:05:00.000Z', ['customer', 'title', 'date', 'need'])));
  writeFileSync(join(notes, '.drafts', 'newer.json'), serializeDraft(draft(undefined, '2026-11-22T08:15:00.000Z', ['title'])));
  return { notes, env: { COACH_NOTES_DIR: notes } };
}

describe('coach drafts', () => {
  it('lists each draft, newest first: id, playbook, customer, when saved, answers kept', async () => {
    const { env } = setup();
    const result = await runCli(['drafts'], { env });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      [
        'newer  two-questions prep  (customer not given yet)  saved 2026-11-22 08:15  1 answer',
        'older  two-questions prep  Acme Corp                 saved 2026-11-21 16:05  4 answers',
        '',
      ].join('\n'),
    );
  });

  it('at a terminal too narrow for a row puts what does not fit on the next, indented, never broken inside a cell', async () => {
    const { env } = setup();
    const stdout = new Capture({ isTTY: true });
    stdout.columns = 50;
    const result = await runCli(['drafts'], { env, stdout });
    expect(result.stdout).toBe(
      [
        'newer  two-questions prep',
        '  (customer not given yet)  saved 2026-11-22 08:15',
        '  1 answer',
        'older  two-questions prep  Acme Corp',
        '  saved 2026-11-21 16:05  4 answers',
        '',
      ].join('\n'),
    );
  });

  it('gives scripts the same list as JSON', async () => {
    const { notes, env } = setup();
    const result = await runCli(['drafts', '--json'], { env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { id: 'newer', path: join(notes, '.drafts', 'newer.json'), playbook: 'two-questions', phase: 'prep', customer: null, saved: '2026-11-22T08:15:00.000Z', answers: 1 },
      { id: 'older', path: join(notes, '.drafts', 'older.json'), playbook: 'two-questions', phase: 'prep', customer: 'Acme Corp', saved: '2026-11-21T16:05:00.000Z', answers: 4 },
    ]);
  });

  it('says so when there are none', async () => {
    const notes = tempDir();
    const result = await runCli(['drafts'], { env: { COACH_NOTES_DIR: notes } });
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe(`No drafts in ${join(notes, '.drafts')}; a draft is kept when a session stops before its note is written.\n`);
  });

  it('--discard removes one draft, says which, and leaves the others', async () => {
    const { notes, env } = setup();
    const result = await runCli(['drafts', '--discard', 'older'], { env });
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe('coach: discarded the draft older (Acme Corp - two-questions prep, 4 answers, saved 2026-11-21 16:05)\n');
    expect(existsSync(join(notes, '.drafts', 'older.json'))).toBe(false);
    expect(existsSync(join(notes, '.drafts', 'newer.json'))).toBe(true);
    expect((await runCli(['drafts'], { env })).stdout).toMatch(/^newer {2}/);
  });

  it('drafts discard <draft> is --discard <draft>, as followups done <n> ticks one; other words say what to type', async () => {
    const { notes, env } = setup();
    const result = await runCli(['drafts', 'discard', 'older'], { env });
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe('coach: discarded the draft older (Acme Corp - two-questions prep, 4 answers, saved 2026-11-21 16:05)\n');
    expect(existsSync(join(notes, '.drafts', 'older.json'))).toBe(false);
    for (const [args, message] of [
      [['drafts', 'newer'], 'coach: to continue the draft newer, say: coach resume newer; to remove it: coach drafts discard newer\n'],
      [['drafts', 'remove', 'newer'], 'coach: unknown action "remove": coach drafts lists them, coach drafts discard <draft> removes one\n'],
      [['drafts', 'discard'], 'coach: say which draft to discard: coach drafts discard <draft>, with its id from coach drafts\n'],
    ] as const) {
      const refused = await runCli([...args], { env });
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr).toBe(message);
    }
    expect(existsSync(join(notes, '.drafts', 'newer.json'))).toBe(true);
  });

  it('completes draft ids after --discard and after resume', async () => {
    const { env } = setup();
    const lines = async (words: string[]): Promise<string[]> => (await runCli(['__complete', ...words], { env })).stdout.split('\n').filter(Boolean);
    expect(await lines(['drafts', '--discard', ''])).toEqual(['older', 'newer']);
    expect(await lines(['resume', ''])).toEqual(expect.arrayContaining(['older', 'newer']));
    expect(await lines([''])).toContain('drafts');
  });

  it('--discard of an unknown id is a usage error naming the drafts, and removes nothing', async () => {
    const { notes, env } = setup();
    const result = await runCli(['drafts', '--discard', 'oldr'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`coach: no draft "oldr" in ${join(notes, '.drafts')}; the drafts are: newer, older (see coach drafts)\n`);
    expect(existsSync(join(notes, '.drafts', 'older.json'))).toBe(true);
    expect(existsSync(join(notes, '.drafts', 'newer.json'))).toBe(true);
  });
});
