import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { FakeTerminal, runCli, tempDir, type CliOptions } from '../helpers/run-cli.js';
import { MEETING_CHECK, playbooksDir } from '../helpers/notes.js';

let notes: string;
let playbooks: string;
const env = (): Record<string, string> => ({ COACH_NOTES_DIR: notes });
const coach = (args: string[], options: CliOptions = {}) => runCli([...args, '--playbooks', playbooks], { env: env(), ...options });

/** A prep that raises three actions: "Book a room", "Write down: <need>", "Send an agenda". */
async function prep(customer = 'Acme', date = '2026-11-20', need = 'a firm date'): Promise<string> {
  const result = await coach(['prep', 'meeting-check', '--no-input', '-q', '--customer', customer, '--date', date, '--set', `need=${need}`, '--set', 'ready=no']);
  expect(result.code, result.stderr).toBe(0);
  const file = readdirSync(notes).find((name) => name.startsWith(date) && name.includes(customer.toLowerCase()) && name.endsWith('-prep.md'));
  if (!file) throw new Error(`no prep saved for ${customer}`);
  return file.replace(/\.md$/, '');
}

const read = (id: string): string => readFileSync(join(notes, `${id}.md`), 'utf8');
const debriefs = (): string[] => readdirSync(notes).filter((name) => name.includes('-debrief'));

beforeEach(() => {
  notes = tempDir();
  playbooks = playbooksDir();
});

describe('coach debrief of a saved prep', () => {
  it('quotes the prep, carries the actions not done into follow-ups, and leaves the prep untouched', async () => {
    const id = await prep();
    const before = read(id);
    const result = await coach(['debrief', id, '--no-input', '-q', '--set', 'got_it=no', '--set', 'done_actions=1,3']);
    expect(result.code, result.stderr).toBe(0);

    expect(read(id)).toBe(before);
    expect(debriefs()).toEqual(['2026-11-20-acme-meeting-check-debrief.md']);
    const note = read('2026-11-20-acme-meeting-check-debrief');
    expect(parseFrontMatter(note)).toMatchObject({
      kind: 'debrief',
      playbook: 'meeting-check',
      customer: 'Acme',
      date: '2026-11-20',
      prep: id,
      answers: { got_it: 'no' },
      actions: { done: ['Book a room', 'Send an agenda'], open: ['Write down: a firm date'] },
      flags: [{ id: 'missed', message: 'They still need a firm date.', actions: ['Call Acme tomorrow'] }],
    });
    expect(note).toContain('Before the meeting you wrote they needed: a firm date');
    expect(note).toContain('**Did you give them a firm date?**');
    expect(note).toContain('## Completed actions\n\n- [x] Book a room\n- [x] Send an agenda');
    expect(note).toContain('## Follow-ups\n\n- [ ] Write down: a firm date');
    // The built-in question shows up as the two task lists, not as a step of its own.
    expect(note).not.toContain('Which of the actions');
    // Follow-ups come after the reflection and before the coaching notes.
    expect(note.indexOf('## Reflect')).toBeLessThan(note.indexOf('## Follow-ups'));
    expect(note.indexOf('## Follow-ups')).toBeLessThan(note.indexOf('## Coaching notes'));
  });

  it('counts none as done when --no-input leaves the actions question unanswered', async () => {
    const id = await prep();
    const result = await coach(['debrief', id, '--no-input', '-q', '--no-save', '--format', 'json', '--set', 'got_it=yes']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      kind: 'debrief',
      prep: id,
      actions: { done: [], open: ['Book a room', 'Write down: a firm date', 'Send an agenda'] },
    });
    expect(debriefs()).toEqual([]);
  });

  it('takes the done actions by their text from an answers file, and the prep by its path', async () => {
    const id = await prep();
    const answers = join(tempDir(), 'answers.yaml');
    writeFileSync(answers, 'got_it: partly\ndone_actions:\n  - send an agenda\n');
    const result = await coach(['debrief', join(notes, `${id}.md`), '--answers', answers, '--no-input', '-q', '--no-save']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('- [x] Send an agenda');
    expect(result.stdout).toContain('## Follow-ups\n\n- [ ] Book a room\n- [ ] Write down: a firm date');
  });

  it('rejects an action number that the prep does not have, naming the choices', async () => {
    const id = await prep();
    const result = await coach(['debrief', id, '--no-input', '--set', 'got_it=yes', '--set', 'done_actions=4']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"done_actions" "4" is not one of: 1, 2, 3');
  });

  it('--last debriefs the newest prep', async () => {
    await prep('Acme', '2026-11-01');
    const newest = await prep('Globex', '2026-11-21');
    const result = await coach(['debrief', '--last', '--no-input', '-q', '--set', 'got_it=yes']);
    expect(result.code, result.stderr).toBe(0);
    expect(parseFrontMatter(read('2026-11-21-globex-meeting-check-debrief'))).toMatchObject({ prep: newest, customer: 'Globex' });
  });

  it('runs interactively: the prep is quoted on screen and the done actions are ticked', async () => {
    const id = await prep();
    const terminal = new FakeTerminal();
    const done = coach(['debrief', id], { terminal });
    await terminal.waitFor('Before the meeting you wrote they needed: a firm date');
    await terminal.waitFor('Did you give them a firm date?');
    terminal.press('down');
    terminal.press('down');
    terminal.press('enter');
    await terminal.answer('What will you do differently?', 'call sooner');
    await terminal.waitFor('Which of the actions from your prep did you get done?');
    terminal.press('space');
    terminal.press('enter');
    await terminal.save();
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(terminal.text).toContain('They still need a firm date.');
    expect(parseFrontMatter(read('2026-11-20-acme-meeting-check-debrief'))).toMatchObject({
      prep: id,
      answers: { got_it: 'no', lesson: 'call sooner', done_actions: ['1'] },
      actions: { done: ['Book a room'], open: ['Write down: a firm date', 'Send an agenda'] },
    });
  });
});

describe('coach debrief without a named prep', () => {
  it('offers the recent preps that have no debrief yet, newest first', async () => {
    const older = await prep('Acme', '2026-11-01');
    await prep('Globex', '2026-11-20');
    const debriefed = await prep('Initech', '2026-11-21');
    expect((await coach(['debrief', debriefed, '--no-input', '-q', '--set', 'got_it=yes'])).code).toBe(0);

    const terminal = new FakeTerminal();
    const done = coach(['debrief'], { terminal });
    await terminal.waitFor('Which meeting are you debriefing?');
    const screen = terminal.text;
    expect(screen).toContain('2026-11-20  Globex  (meeting-check)');
    expect(screen.indexOf('Globex')).toBeLessThan(screen.indexOf('2026-11-01  Acme  (meeting-check)'));
    expect(screen).not.toContain('Initech');
    terminal.press('down');
    terminal.press('enter');
    await terminal.waitFor('Did you give them a firm date?');
    terminal.press('enter');
    await terminal.answer('What will you do differently?', '');
    await terminal.waitFor('Which of the actions');
    terminal.press('enter');
    await terminal.save();
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(parseFrontMatter(read('2026-11-01-acme-meeting-check-debrief'))).toMatchObject({ prep: older, answers: { got_it: 'yes' } });
  });

  it('without a terminal, says how to name the prep', async () => {
    await prep();
    const result = await coach(['debrief', '--no-input']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('coach: name the prep to debrief: coach debrief <session>');
    expect(result.stderr).toContain('--last');
  });

  it('says so when every prep has its debrief', async () => {
    const id = await prep();
    expect((await coach(['debrief', id, '--no-input', '-q', '--set', 'got_it=yes'])).code).toBe(0);
    const result = await coach(['debrief'], { terminal: new FakeTerminal() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no preps are waiting for a debrief');
  });

  it('--playbook debriefs a meeting that had no prep, asking who it was with', async () => {
    const result = await coach(['debrief', '--playbook', 'meeting-check', '--no-input', '-q', '--customer', 'Globex', '--set', 'got_it=yes']);
    expect(result.code, result.stderr).toBe(0);
    const [file] = debriefs();
    expect(file).toBe('2026-11-22-globex-meeting-check-debrief.md');
    const data = parseFrontMatter(readFileSync(join(notes, file ?? ''), 'utf8'));
    expect(data).toMatchObject({ kind: 'debrief', customer: 'Globex', answers: { got_it: 'yes' } });
    expect(data).not.toHaveProperty('prep');
    expect(data).not.toHaveProperty('actions');
  });
});

describe('coach debrief refuses clearly', () => {
  it('names the nearest saved session when the id is mistyped, and points at coach history', async () => {
    const id = await prep();
    const result = await coach(['debrief', id.replace('acme', 'acne'), '--no-input']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`(did you mean "${id}"?)`);
    expect(result.stderr).toContain('coach history');
  });

  it('points from a debrief to its prep', async () => {
    const id = await prep();
    expect((await coach(['debrief', id, '--no-input', '-q', '--set', 'got_it=yes'])).code).toBe(0);
    const result = await coach(['debrief', '2026-11-20-acme-meeting-check-debrief', '--no-input']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`is a debrief, not a prep; debrief its prep instead: coach debrief ${id}`);
  });

  it('says there is nothing for --last in an empty notes directory', async () => {
    const result = await coach(['debrief', '--last', '--no-input']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no saved preps in');
  });

  it('refuses a session together with --last, and --customer for a saved prep', async () => {
    const id = await prep();
    expect((await coach(['debrief', id, '--last', '--no-input'])).stderr).toContain('give a session or --last, not both');
    const customer = await coach(['debrief', id, '--customer', 'Globex', '--no-input']);
    expect(customer.code).toBe(2);
    expect(customer.stderr).toContain("takes the meeting's customer from the prep");
  });

  it('refuses a playbook without a debrief walk', async () => {
    const result = await coach(['debrief', '--playbook', 'prep-only', '--no-input']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('playbook "prep-only" has no debrief walk');
  });

  it('reports a debrief that refers to a prep answer that does not exist, at its line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'meeting-check.yaml'), MEETING_CHECK.replace('Did you give them {{prep.need}}?', 'Did you give them {{prep.needs}}?'));
    const result = await runCli(['debrief', '--playbook', join(dir, 'meeting-check.yaml'), '--no-input'], { env: env() });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/meeting-check\.yaml:\d+:\d+: .*\{\{prep\.needs\}\}: the prep has no question "needs" \(did you mean "prep\.need"\?\)/);
  });
});
