/**
 * A whole account through the CLI, on a fixed clock: a prep and its debrief for St. Mary's
 * Trust, the follow-ups ticked once by hand in the file and once by `followups done`, a second
 * prep that opens with what the first meeting left (shown before the first question, saved under
 * "From last time", last time's role offered and kept with Enter) and whose card carries what is
 * still open, `--last` and prefixes resolved, and `coach account` over all of it. The playbook is the test's own, so the shipped
 * ones can change without breaking it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { ACCOUNT_CHECK } from '../helpers/notes.js';
import { Capture, FakeTerminal, runCli, tempDir } from '../helpers/run-cli.js';


const FIRST_PREP = '2026-11-20-st-mary-s-trust-account-check-prep';
const FIRST_DEBRIEF = '2026-11-20-st-mary-s-trust-account-check-debrief';
// Saved under the name as typed at the prompt; the account knows it is the same customer.
const SECOND_PREP = '2026-12-02-st-marys-trust-account-check-prep';

/** A notes directory, and the test's playbook where every command finds it (a team directory). */
function setup() {
  const dir = tempDir();
  const notes = join(dir, 'notes');
  writeFileSync(join(dir, 'account-check.yaml'), ACCOUNT_CHECK);
  return { dir, notes, env: { COACH_NOTES_DIR: notes, COACH_CACHE_DIR: join(dir, 'cache'), COACH_PLAYBOOKS_PATH: dir } };
}

describe('a whole account through the CLI', () => {
  it('prep, debrief, follow-ups ticked two ways, a second prep that remembers, and the account', async () => {
    const { dir, notes, env } = setup();
    const coach = (args: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(args, { env, ...options });
    const answers = (name: string, text: string): string => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };

    // 1. The first prep, saved on the 19th for a meeting on the 20th.
    const first = await coach(['prep', 'account-check', '--answers', answers('prep1.yaml', 'customer: "St. Mary\'s Trust"\ntitle: Renewal\nrole: Head of nursing\nneed: A date for the fix\n'), '--date', '2026-11-20', '--no-input', '-q'], {
      now: new Date('2026-11-19T10:00:00Z'),
    });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).not.toContain('From last time');

    // 2. Its debrief through --last, with a due date said as people say it.
    const debrief = await coach(
      [
        'debrief',
        '--last',
        '--answers',
        answers(
          'debrief1.yaml',
          'landed: none\nfelt: angry\nlesson: Bring the exec sponsor in from the start\nagreed: [A second meeting with finance]\nnext_steps:\n  - Send the quote - me - tomorrow\n  - Share the plan - me - 2026-11-25\n  - Book finance - Sam - 2026-12-10\n',
        ),
        '--no-input',
        '-q',
      ],
      { now: new Date('2026-11-20T17:00:00Z') },
    );
    expect(debrief.code, debrief.stderr).toBe(0);
    expect(readdirSync(notes).sort()).toEqual([`${FIRST_DEBRIEF}.md`, `${FIRST_PREP}.md`]);
    const debriefPath = join(notes, `${FIRST_DEBRIEF}.md`);
    expect(readFileSync(debriefPath, 'utf8')).toContain('- [ ] Send the quote (owner: me; due 2026-11-21)');

    // 3. Follow-ups: one ticked by hand in an editor, one with followups done.
    const listed = JSON.parse((await coach(['followups', '--json'])).stdout) as { number: number; text: string; overdue: boolean }[];
    expect(listed.map((row) => [row.number, row.text, row.overdue])).toEqual([
      [1, 'Send the quote', true],
      [2, 'Share the plan', false],
      [3, 'Book finance', false],
    ]);
    writeFileSync(debriefPath, readFileSync(debriefPath, 'utf8').replace('- [ ] Share the plan', '- [x] Share the plan'));
    const done = await coach(['followups', 'done', '1']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toContain('✔ Ticked "Send the quote"');
    expect(JSON.parse((await coach(['followups', '--json'])).stdout).map((row: { text: string }) => row.text)).toEqual(['Book finance']);

    // 4. A prefix names the prep, which is debriefed already: the explicit path says so too.
    const again = await coach(['debrief', '2026-11-20-st', '--no-input']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`coach: ${FIRST_PREP} already has a debrief, ${FIRST_DEBRIEF}; to add another debrief of it: coach debrief ${FIRST_PREP} --again`);

    // 5. The second prep, at a terminal, for the customer typed another way.
    const terminal = new FakeTerminal();
    const second = coach(['prep', 'account-check'], { terminal });
    await terminal.answer('Who is the customer?', 'st marys trust');
    await terminal.waitFor('What is the meeting?');
    const shownBeforeTitle = terminal.text;
    terminal.type('Second call');
    terminal.press('enter');
    await terminal.answer('Date of the meeting', '2026-12-02');
    await terminal.waitFor('What is their role?');
    expect(terminal.text).toContain('(Head of nursing)');
    expect(terminal.text).toContain('Your answer last time is the default: Enter keeps it');
    terminal.press('enter');
    await terminal.answer('What do they need?', 'Finance on board');
    await terminal.save();
    const saved = await second;
    expect(saved.code, saved.stderr).toBe(0);
    // Wrapped to the terminal's width: compared word by word.
    const recall = shownBeforeTitle.slice(shownBeforeTitle.indexOf('From last time with')).replace(/\s+/g, ' ');
    expect(recall).toContain("From last time with St. Mary's Trust");
    expect(recall).toContain(`From the debrief of 2026-11-20 - Renewal (${FIRST_DEBRIEF})`);
    expect(recall).toContain('How it went: Where did you land? No deal yet');
    expect(recall).toContain('Agreed: A second meeting with finance');
    expect(recall).toContain('Lessons: Bring the exec sponsor in from the start');
    expect(recall).toContain('How they felt: How did they feel at the end? angry');
    expect(recall).toContain('Book finance (owner: Sam; due 2026-12-10)');
    expect(recall).not.toContain('Send the quote');
    expect(recall).not.toContain('Share the plan');

    const note = readFileSync(join(notes, `${SECOND_PREP}.md`), 'utf8');
    expect(parseFrontMatter(note)?.['answers']).toEqual({ role: 'Head of nursing', need: 'Finance on board' });
    expect(note).toContain(
      [
        '## From last time',
        '',
        `_From the debrief of 2026-11-20 - Renewal (${FIRST_DEBRIEF})._`,
        '',
        '**How it went:** Where did you land? No deal yet',
        '',
        '**Agreed:** A second meeting with finance',
        '',
        '**Lessons:** Bring the exec sponsor in from the start',
        '',
        '**How they felt:** How did they feel at the end? angry',
        '',
        '**Still open:**',
        '',
        '- Book finance (owner: Sam; due 2026-12-10)',
        '',
        `_Offered again as defaults: an answer from ${FIRST_PREP}._`,
        '',
        '## Who',
      ].join('\n'),
    );

    // 5b. The card for the second meeting carries what the first left open, as the notes say now
    // (the follow-ups ticked in step 3 are gone); the first meeting's card does not carry its own.
    const secondCard = await coach(['card', SECOND_PREP]);
    expect(secondCard.stdout).toContain('      Finance on board\n STILL OPEN FROM LAST TIME\n  • Book finance (Sam, due 2026-12-10)\n─');
    expect(secondCard.stdout).not.toContain('Send the quote');
    expect((await coach(['card', SECOND_PREP], { now: new Date('2026-12-11T09:00:00Z') })).stdout).toContain('  • Book finance (Sam, overdue since 2026-12-10)\n');
    expect((await coach(['card', FIRST_PREP])).stdout).not.toContain('STILL OPEN');
    expect((await coach(['card', SECOND_PREP, '--markdown'])).stdout).toContain('**Still open from last time**\n\n- Book finance (Sam, due 2026-12-10)');

    // 6. --last is the prep saved most recently; a unique prefix names it.
    const card = await coach(['card', '--markdown']);
    expect(card.stdout).toContain('Second call');
    const shown = await coach(['show', '2026-12-02-st', '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ customer: 'st marys trust', title: 'Second call' });

    // 7. The account, named in capitals, and by a unique start of it.
    const account = await coach(['account', 'ST MARY']);
    expect(account.code, account.stderr).toBe(0);
    expect(account.stdout).toBe(
      [
        "St. Mary's Trust · 2 meetings",
        '',
        '2026-11-20  account-check  Renewal',
        `  prep ${FIRST_PREP} · debrief ${FIRST_DEBRIEF}`,
        '  Readiness: Ready (1/1)',
        '  Outcome: Where did you land? No deal yet',
        '  Agreed: A second meeting with finance',
        '  Lessons: Bring the exec sponsor in from the start',
        '  How they felt: How did they feel at the end? angry',
        '  Open follow-ups:',
        '    [ ] Book finance (Sam, due 2026-12-10)',
        '',
        '2026-12-02  account-check  Second call',
        `  prep ${SECOND_PREP} · not debriefed yet`,
        '  Readiness: Ready (1/1)',
        '',
      ].join('\n'),
    );
    // At a terminal a line too long for it is wrapped between words, the note ids whole.
    const terminal60 = new Capture({ isTTY: true });
    terminal60.columns = 60;
    const narrow = (await coach(['account', "st. mary's"], { stdout: terminal60 })).stdout.split('\n');
    expect(narrow.every((row) => row.length <= 60)).toBe(true);
    expect(narrow).toContain(`  debrief ${FIRST_DEBRIEF}`);
    expect(narrow).toContain('2026-11-20  account-check  Renewal');
    const json = JSON.parse((await coach(['account', "st. mary's", '--json'])).stdout) as { customer: string; meetings: Record<string, unknown>[] };
    expect(json.customer).toBe("St. Mary's Trust");
    expect(json.meetings[0]).toMatchObject({
      date: '2026-11-20',
      prep: FIRST_PREP,
      debriefs: [FIRST_DEBRIEF],
      readiness: ['Readiness: Ready (1/1)'],
      outcome: ['Where did you land? No deal yet'],
      agreed: ['A second meeting with finance'],
      lessons: ['Bring the exec sponsor in from the start'],
      feeling: ['How did they feel at the end? angry'],
      followUps: [{ text: 'Book finance', owner: 'Sam', due: '2026-12-10', note: FIRST_DEBRIEF }],
    });
    expect(json.meetings[1]).toMatchObject({ date: '2026-12-02', prep: SECOND_PREP, debriefs: [], followUps: [] });
    expect(json.meetings[0]?.['followUps']).toEqual([expect.objectContaining({ overdue: false })]);

    // Once its day has passed, the follow-up is overdue, as followups and From last time say.
    const later = await runCli(['account', "st. mary's"], { env, now: new Date('2026-12-11T09:00:00Z') });
    expect(later.stdout).toContain('    [ ] Book finance (Sam, overdue since 2026-12-10)\n');
    const laterJson = JSON.parse((await runCli(['account', "st. mary's", '--json'], { env, now: new Date('2026-12-11T09:00:00Z') })).stdout) as { meetings: { followUps: unknown[] }[] };
    expect(laterJson.meetings[0]?.followUps).toEqual([expect.objectContaining({ text: 'Book finance', due: '2026-12-10', overdue: true })]);
  });

  it('an answers file is never filled from the last note: it is told what was there', async () => {
    const { dir, notes, env } = setup();
    const coach = (args: string[]) => runCli([...args, '--no-input', '-q'], { env });
    const file = join(dir, 'prep.yaml');
    writeFileSync(file, 'customer: Acme\nrole: CFO\nneed: A price\n');
    expect((await coach(['prep', 'account-check', '--answers', file, '--date', '2026-11-20'])).code).toBe(0);
    writeFileSync(file, 'customer: ACME\nneed: A date\n');
    const second = await coach(['prep', 'account-check', '--answers', file, '--date', '2026-11-27']);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('coach: "role" was "CFO" in 2026-11-20-acme-account-check-prep; answers given in advance are never filled from an old note, so give it to use it again');
    expect(second.stderr).toContain('1 required answer is missing for account-check: role.');
    expect(readdirSync(notes)).toEqual(['2026-11-20-acme-account-check-prep.md']);
  });

  it('names the customer the way people type it: ambiguous starts list the candidates, unknown ones get a hint and exit 2', async () => {
    const { dir, env } = setup();
    const coach = (args: string[]) => runCli(args, { env });
    for (const customer of ["St. Mary's Trust", 'Stark Industries']) {
      const file = join(dir, 'prep.yaml');
      writeFileSync(file, `customer: "${customer}"\nrole: CFO\nneed: A price\n`);
      expect((await coach(['prep', 'account-check', '--answers', file, '--no-input', '-q'])).code).toBe(0);
    }
    const ambiguous = await runCli(['account', 'st'], { env });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toBe(`coach: "st" starts the names of 2 customers; give more of the name, one of:\ncoach:   St. Mary's Trust\ncoach:   Stark Industries\n`);
    const unknown = await runCli(['account', 'st marx'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`no saved notes for a customer "st marx"`);
    expect(unknown.stderr).toContain(`(did you mean "St. Mary's Trust"?)`);
    expect(unknown.stdout).toBe('');
    const stark = await runCli(['account', 'STARK'], { env });
    expect(stark.stdout.split('\n')[0]).toBe('Stark Industries · 1 meeting');
  });
});
