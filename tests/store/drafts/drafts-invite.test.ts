/**
 * A prep started from a calendar invitation (`coach prep --ics`, `coach upcoming`) and stopped
 * before its note was written resumes into the note an uninterrupted prep would have written:
 * the same attendees, and the invitation's title and date still offered for the questions not
 * asked yet. A draft of an older coach (no invitation in it) still resumes; a draft whose
 * invitation is malformed is moved aside like any unreadable draft, never deleted.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../src/formats/front-matter.js';
import { playbooksDir, writeNote } from '../../helpers/notes.js';
import { repoPath } from '../../helpers/playbooks.js';
import { FakeTerminal, runCli, tempDir } from '../../helpers/run-cli.js';

const googleInvite = repoPath('tests/fixtures/calendar/google-invite.ics');
const calendar = repoPath('tests/fixtures/calendar/google-calendar.ics');
/** Tuesday 1 December 2026 in Berlin; the invitation's meeting is on Tuesday 8 December. */
const clock = { now: new Date('2026-12-01T10:00:00Z'), timeZone: 'Europe/Berlin' };
const ATTENDEES = ['Dana Whitfield <dana.whitfield@northwind-traders.com>', 'Sam Carter <sam.carter@contoso.com>', 'priya.nair@contoso.com'];
const NOTE = '2026-12-08-northwind-traders-meeting-check-prep.md';

function setup() {
  const notes = join(tempDir('coach-invite-'), 'notes');
  return { notes, args: ['--notes-dir', notes, '--playbooks', playbooksDir()] };
}

const draftFiles = (notes: string): string[] => (existsSync(join(notes, '.drafts')) ? readdirSync(join(notes, '.drafts')) : []);
const draftPath = (notes: string): string => join(notes, '.drafts', draftFiles(notes)[0] ?? '');

/** Starts `prep --ics`, answers up to and including `stopAfter`, then presses Ctrl-C at the next question. */
async function interruptedPrep(args: string[], stopAfter: 'customer' | 'need'): Promise<string> {
  const terminal = new FakeTerminal();
  const done = runCli(['prep', 'meeting-check', '--ics', googleInvite, ...args], { terminal, ...clock });
  await terminal.answer('Who is the customer? (Northwind)', 'Northwind Traders');
  if (stopAfter === 'need') {
    await terminal.answer('What is the meeting? (optional) (Northwind renewal: pricing concerns)', '');
    await terminal.answer('Date of the meeting (YYYY-MM-DD or e.g. tomorrow) (2026-12-08)', '');
    await terminal.answer('What do they need?', 'a price they can defend');
  }
  await terminal.waitFor(stopAfter === 'need' ? 'Are you ready?' : 'What is the meeting?');
  terminal.press('c', { ctrl: true });
  const result = await done;
  expect(result.code, result.stderr).toBe(130);
  return terminal.text;
}

/** Takes the invitation's title and date, answers the rest and saves. */
async function fromTheTitleOn(terminal: FakeTerminal): Promise<void> {
  await terminal.answer('What is the meeting? (optional) (Northwind renewal: pricing concerns)', '');
  await terminal.answer('Date of the meeting (YYYY-MM-DD or e.g. tomorrow) (2026-12-08)', '');
  await terminal.answer('What do they need?', 'a price they can defend');
  await terminal.answer('Are you ready?', '');
  await terminal.save();
}

/** The same prep, start to finish without a stop: the note a resumed one must match. */
async function uninterruptedNote(): Promise<string> {
  const { notes, args } = setup();
  const terminal = new FakeTerminal();
  const done = runCli(['prep', 'meeting-check', '--ics', googleInvite, ...args], { terminal, ...clock });
  await terminal.answer('Who is the customer? (Northwind)', 'Northwind Traders');
  await fromTheTitleOn(terminal);
  expect((await done).code).toBe(0);
  return readFileSync(join(notes, NOTE), 'utf8');
}

describe('coach resume of a prep from an invitation', () => {
  it('saves the note an uninterrupted prep saves, attendees and all, and names them when it continues', async () => {
    const { notes, args } = setup();
    await interruptedPrep(args, 'need');
    expect(draftFiles(notes)).toHaveLength(1);

    const terminal = new FakeTerminal();
    const done = runCli(['resume', ...args], { terminal, ...clock });
    await terminal.waitFor('Continuing Northwind Traders - meeting-check prep, 4 answers');
    await terminal.answer('Are you ready?', '');
    await terminal.save();
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(terminal.text).toContain('  Attendees: Dana Whitfield, Sam Carter, priya.nair@contoso.com\n');

    const note = readFileSync(join(notes, NOTE), 'utf8');
    expect(parseFrontMatter(note)?.['attendees']).toEqual(ATTENDEES);
    expect(note).toContain('**Attendees:** Dana Whitfield, Sam Carter, priya.nair@contoso.com');
    expect(note).toBe(await uninterruptedNote());
    expect(draftFiles(notes)).toEqual([]);
  });

  it('stopped before the title and date were asked: the invitation still offers them', async () => {
    const { notes, args } = setup();
    await interruptedPrep(args, 'customer');

    const terminal = new FakeTerminal();
    const done = runCli(['resume', ...args], { terminal, ...clock });
    await fromTheTitleOn(terminal);
    expect((await done).code).toBe(0);
    // The customer the person typed stays theirs: it is not offered the invitation's again.
    expect(terminal.text).not.toContain('? Who is the customer?');
    expect(readFileSync(join(notes, NOTE), 'utf8')).toBe(await uninterruptedNote());
  });

  it('finishes without a terminal with the invitation title and date, not today', async () => {
    const { notes, args } = setup();
    await interruptedPrep(args, 'customer');
    const result = await runCli(['resume', '--set', 'need=a price they can defend', '--no-input', '-q', ...args], clock);
    expect(result.code, result.stderr).toBe(0);
    expect(parseFrontMatter(readFileSync(join(notes, NOTE), 'utf8'))).toMatchObject({
      customer: 'Northwind Traders',
      title: 'Northwind renewal: pricing concerns',
      date: '2026-12-08',
      attendees: ATTENDEES,
    });
  });

  it('a prep coach upcoming started keeps the calendar entry attendees too', async () => {
    const { notes, args } = setup();
    const upcomingClock = { now: new Date('2026-11-27T12:00:00Z'), timeZone: 'Europe/Berlin' };
    // The first meeting has a prep already, so Enter starts the next one's.
    writeNote(notes, '2026-12-01-northwind-meeting-check-prep', { customer: 'Northwind', title: 'Northwind renewal: pricing concerns', date: '2026-12-01' });
    const terminal = new FakeTerminal();
    const done = runCli(['upcoming', calendar, '--playbook', 'meeting-check', ...args], { terminal, stdoutIsTTY: true, ...upcomingClock });
    await terminal.waitFor('Start the prep of a meeting?');
    terminal.press('enter');
    await terminal.answer('Who is the customer? (Tailspin Toys)', '');
    await terminal.waitFor('What is the meeting?');
    terminal.press('c', { ctrl: true });
    expect((await done).code).toBe(130);

    const result = await runCli(['resume', '--set', 'need=the rollout dates in writing', '--no-input', ...args], upcomingClock);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('  Attendees: Maria Lopez, Sam Carter\n');
    expect(parseFrontMatter(readFileSync(join(notes, '2026-12-01-tailspin-toys-meeting-check-prep.md'), 'utf8'))).toMatchObject({
      title: 'Tailspin Toys weekly check-in (after their QBR)',
      date: '2026-12-01',
      attendees: ['Maria Lopez <maria.lopez@tailspin-toys.com>', 'Sam Carter <sam.carter@contoso.com>'],
    });
  });
});

describe('the invitation in the draft file', () => {
  it('a draft without one, as an older coach wrote it, still resumes: no attendees, nothing else lost', async () => {
    const { notes, args } = setup();
    await interruptedPrep(args, 'need');
    const file = draftPath(notes);
    const { invite, ...older } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(invite).toMatchObject({ attendees: ATTENDEES });
    writeFileSync(file, `${JSON.stringify(older, null, 2)}\n`);

    const result = await runCli(['resume', '--set', 'ready=true', '--no-input', ...args], clock);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('Attendees');
    const note = readFileSync(join(notes, NOTE), 'utf8');
    expect(parseFrontMatter(note)).toMatchObject({ customer: 'Northwind Traders', title: 'Northwind renewal: pricing concerns', date: '2026-12-08', answers: { need: 'a price they can defend' } });
    expect(parseFrontMatter(note)?.['attendees']).toBeUndefined();
    expect(note).not.toContain('**Attendees:**');
  });

  it('a malformed one makes the draft unreadable like any malformed field: moved aside, reported, exit 4', async () => {
    const { notes, args } = setup();
    await interruptedPrep(args, 'need');
    const file = draftPath(notes);
    const broken = readFileSync(file, 'utf8').replace(/"attendees": \[[^\]]*\]/, '"attendees": "Dana Whitfield"');
    expect(broken).toContain('"attendees": "Dana Whitfield"');
    writeFileSync(file, broken);
    const handle = draftFiles(notes)[0]?.replace(/\.json$/, '') ?? '';

    const result = await runCli(['resume', handle, ...args], clock);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      `coach: ${file}: cannot read this draft (not a coach draft (invite.attendees: Invalid input: expected array, received string)); moved it to ${file}.corrupt; nothing was deleted\n`,
    );
    expect(readFileSync(`${file}.corrupt`, 'utf8')).toBe(broken);
    expect(existsSync(file)).toBe(false);
  });
});
