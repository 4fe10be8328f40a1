import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoPath } from '../helpers/playbooks.js';
import { KEYS, PtySession } from '../helpers/pty.js';
import { tempDir } from '../helpers/run-cli.js';

interface TwoQuestions {
  prep: { steps: { guidance?: string }[]; flags: { id: string; message: string }[] };
}

/** The rows from the one that starts with `first` to the end of its paragraph, joined with spaces. */
function paragraph(rows: string[], first: string): string {
  const start = rows.findIndex((row) => row.trimStart().startsWith(first));
  expect(start, `a row starting with ${JSON.stringify(first)}`).toBeGreaterThanOrEqual(0);
  const indentOf = (row: string): number => row.length - row.trimStart().length;
  const indent = indentOf(rows[start] ?? '');
  const end = rows.findIndex((row, i) => i > start && (row.trim() === '' || indentOf(row) !== indent));
  return rows
    .slice(start, end < 0 ? undefined : end)
    .map((row) => row.trim())
    .join(' ');
}

describe('a narrow terminal', () => {
  it('wraps the guidance and the coaching to 40 columns, between words', async () => {
    const answers = join(tempDir(), 'answers.yaml');
    writeFileSync(answers, `${readFileSync(repoPath('tests/fixtures/answers/two-questions.yaml'), 'utf8')}need_shift_signs: [a price question]\nsignals: [short emails]\n`);
    const session = PtySession.coach(['prep', 'two-questions', '--answers', answers, '--no-save', '--no-review', '-o', join(tempDir(), 'note.md')], {
      env: { COACH_NOTES_DIR: tempDir() },
      cols: 40,
    });
    // Every answer is supplied but the date, so the session asks that one and shows its coaching.
    await session.answer('Date of', '');
    const { exitCode } = await session.exited;
    expect(exitCode).toBe(0);
    const { all } = await session.screen();
    const rows = all.map((line) => line.text);
    // The guidance and coaching are the indented rows. A row that ran past column 40 would make
    // the emulator wrap it onto the next row (at any character, mid-word); none may.
    const coachRows = all.flatMap((line, i) => (line.text.startsWith('  ') || line.text.startsWith('Readiness') ? [i] : []));
    expect(coachRows.length).toBeGreaterThan(5);
    for (const i of coachRows) expect(all[i + 1]?.wrapped ?? false, `row ${i} ran past column 40: ${rows[i]}`).toBe(false);
    // Broken between words: read back row by row, the paragraphs are the playbook's sentences.
    const playbook = parse(readFileSync(repoPath('playbooks/two-questions.yaml'), 'utf8')) as TwoQuestions;
    const guidance = playbook.prep.steps[0]?.guidance ?? '';
    expect(paragraph(rows, guidance.slice(0, 20))).toBe(guidance);
    const angry = playbook.prep.flags.find((flag) => flag.message.startsWith('They may arrive angry'))?.message ?? '';
    expect(paragraph(rows, 'Watch out:')).toBe(`Watch out: ${angry}`);
  });

  it('puts an answer too long for its question\'s line below it, broken between words, not at the edge', async () => {
    const answers = join(tempDir(), 'answers.yaml');
    const given = readFileSync(repoPath('tests/fixtures/answers/two-questions.yaml'), 'utf8').replace(/^(customer|title): .*\n/gm, '');
    writeFileSync(answers, `${given}need_shift_signs: [a price question]\nsignals: [short emails]\n`);
    const session = PtySession.coach(['prep', 'two-questions', '--answers', answers, '--no-save', '--no-review', '-o', join(tempDir(), 'note.md')], {
      env: { COACH_NOTES_DIR: tempDir() },
      cols: 40,
    });
    await session.answer('Who is the customer?', 'Northwind Traders International Holdings');
    await session.answer('What is the meeting?', 'Quarterly renewal negotiation with procurement');
    await session.answer('Date of', '');
    const { exitCode } = await session.exited;
    expect(exitCode).toBe(0);
    const { all } = await session.screen();
    const rows = all.map((line) => line.text);
    for (const [question, typed] of [
      ['✔ Who is the customer?', 'Northwind Traders International Holdings'],
      ['✔ What is the meeting? (optional)', 'Quarterly renewal negotiation with procurement'],
    ] as const) {
      const at = rows.findIndex((row) => row.trimEnd() === question);
      expect(at, `${question} on a row of its own, in:\n${rows.join('\n')}`).toBeGreaterThanOrEqual(0);
      // No row ran past column 40 (the emulator would have wrapped it, at any character).
      for (let i = at; i <= at + 2; i++) expect(all[i + 1]?.wrapped ?? false, `row ${i}: ${rows[i]}`).toBe(false);
      expect(rows.slice(at + 1, at + 3).map((row) => row.trim()).join(' ')).toBe(typed);
    }
  });

  it('puts the choices picked below the question when its line cannot hold them, broken between words', async () => {
    const session = PtySession.coach(['prep', 'take-the-stick', '--no-save', '--no-review'], { env: { COACH_NOTES_DIR: tempDir() }, cols: 40 });
    await session.answer('Who is the customer?', 'Northwind');
    await session.answer('What is the meeting?', '');
    await session.answer('Date of', '');
    await session.waitFor('Which of these do you already have');
    session.press(KEYS.space);
    session.press(KEYS.down);
    session.press(KEYS.space);
    session.press(KEYS.enter);
    await session.waitFor('Step 2 of');
    const { all } = await session.screen();
    const rows = all.map((line) => line.text);
    const at = rows.findIndex((row) => row.startsWith('✔ Which of these'));
    expect(at, rows.join('\n')).toBeGreaterThanOrEqual(0);
    // The question itself takes two rows at 40 columns; the choices picked come on rows of their own.
    const asked = rows.findIndex((row, i) => i >= at && row.trimEnd().endsWith('(optional)'));
    expect(rows.slice(at, asked + 1).map((row) => row.trim()).join(' ')).toBe('✔ Which of these do you already have in place? (optional)');
    const end = rows.findIndex((row, i) => i > asked && !row.startsWith('  '));
    // No row ran past column 40 (the emulator would have wrapped it, mid-word).
    for (let i = at; i < end; i++) expect(all[i + 1]?.wrapped ?? false, `row ${i}: ${rows[i]}`).toBe(false);
    const picked = rows.slice(asked + 1, end).map((row) => row.trim()).join(' ');
    expect(picked).toBe("Background - the account's history and the specifics of this failure, Help from your senior executives");
    session.press(KEYS.ctrlC);
    expect((await session.exited).exitCode).toBe(130);
  });
});
