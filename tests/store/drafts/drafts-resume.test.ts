/**
 * `coach resume` as a user meets it: a session stopped with Ctrl-C continues where it was, a
 * draft of an older playbook keeps every answer (those with no question any more go in the note
 * under "Unmapped answers"), an unreadable draft is moved aside and reported, a picker appears
 * when there are several drafts and a terminal, and a debrief of a saved prep resumes as one.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../src/formats/front-matter.js';
import { FakeTerminal, runCli, tempDir } from '../../helpers/run-cli.js';
import { MEETING_CHECK, playbooksDir } from '../../helpers/notes.js';

const TINY_V1 = `id: tiny
title: Tiny
summary: A playbook that changes between two sessions.
source: Tests
prep:
  steps:
    - id: only
      title: Only step
      questions:
        - { id: need, type: text, prompt: What do they need? }
        - { id: budget, type: text, prompt: What is the budget? }
        - { id: risk, type: text, prompt: What is the risk? }
`;

/** Version 2: `budget` is gone, `risk` is still there, `owner` is new. */
const TINY_V2 = TINY_V1.replace('        - { id: budget, type: text, prompt: What is the budget? }\n', '').concat(
  '        - { id: owner, type: text, prompt: Who owns it? }\n',
);

function setup() {
  const dir = tempDir('coach-resume-');
  const notes = join(dir, 'notes');
  return { dir, notes, env: { COACH_NOTES_DIR: notes } };
}

const draftFiles = (notes: string): string[] => (existsSync(join(notes, '.drafts')) ? readdirSync(join(notes, '.drafts')) : []);
const notesIn = (notes: string): string[] => readdirSync(notes).filter((name) => name.endsWith('.md'));

/** Starts the tiny playbook at a terminal, answers the meeting and `need`, then presses Ctrl-C. */
async function interruptTiny(playbook: string, env: Record<string, string>, alsoBudget = false): Promise<{ code: number; screen: string }> {
  const terminal = new FakeTerminal();
  const done = runCli(['prep', playbook], { terminal, env });
  await terminal.answer('Who is the customer?', 'Acme');
  await terminal.answer('What is the meeting?', '');
  await terminal.answer('Date of the meeting', '');
  await terminal.answer('What do they need?', 'a firm date');
  if (alsoBudget) await terminal.answer('What is the budget?', '40k');
  await terminal.waitFor(alsoBudget ? 'What is the risk?' : 'What is the budget?');
  terminal.press('c', { ctrl: true });
  const result = await done;
  return { code: result.code, screen: terminal.text };
}

describe('coach resume after Ctrl-C', () => {
  it('asks only the questions left, then saves the note and removes the draft', async () => {
    const { dir, notes, env } = setup();
    const playbook = join(dir, 'tiny.yaml');
    writeFileSync(playbook, TINY_V1);
    const stopped = await interruptTiny(playbook, env);
    expect(stopped.code).toBe(130);
    const [draft] = draftFiles(notes);
    expect(stopped.screen).toContain(`coach: Interrupted. 4 answers kept; continue with: coach resume ${draft?.replace('.json', '')}`);
    expect(notesIn(notes)).toEqual([]);

    const terminal = new FakeTerminal();
    const done = runCli(['resume'], { terminal, env });
    await terminal.waitFor(`Continuing Acme - tiny prep, 4 answers, saved 2026-11-22 09:30 from ${draft?.replace('.json', '')}.`);
    await terminal.answer('What is the budget?', '40k');
    await terminal.answer('What is the risk?', 'none');
    await terminal.save();
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    // Asked means a prompt ("? …"); the review at the end lists every answer without one.
    for (const asked of ['Who is the customer?', 'What is the meeting?', 'Date of the meeting', 'What do they need?']) expect(terminal.text).not.toContain(`? ${asked}`);
    expect(notesIn(notes)).toEqual(['2026-11-22-acme-tiny-prep.md']);
    expect(parseFrontMatter(readFileSync(join(notes, '2026-11-22-acme-tiny-prep.md'), 'utf8'))?.['answers']).toEqual({ need: 'a firm date', budget: '40k', risk: 'none' });
    expect(existsSync(join(notes, '.drafts'))).toBe(false);
  });

  it('finishes without a terminal from --set, like prep, and keeps the draft until the note is saved', async () => {
    const { dir, notes, env } = setup();
    const playbook = join(dir, 'tiny.yaml');
    writeFileSync(playbook, TINY_V1);
    await interruptTiny(playbook, env);
    const [draft] = draftFiles(notes);

    const missing = await runCli(['resume', '--set', 'budget=40k', '--no-input'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('coach: 1 required answer is missing for tiny: risk.');
    expect(draftFiles(notes)).toEqual([draft]);

    const finished = await runCli(['resume', draft ?? '', '--set', 'risk=none', '--no-input', '-q'], { env });
    expect(finished.code, finished.stderr).toBe(0);
    expect(parseFrontMatter(readFileSync(join(notes, '2026-11-22-acme-tiny-prep.md'), 'utf8'))?.['answers']).toEqual({ need: 'a firm date', budget: '40k', risk: 'none' });
    expect(draftFiles(notes)).toEqual([]);
  });

  it('without a terminal and short of an answer, leaves the questions it had no answer for to be asked at a terminal', async () => {
    const { dir, notes, env } = setup();
    const playbook = join(dir, 'tiny.yaml');
    writeFileSync(playbook, TINY_V1.replace('prompt: What is the budget? }', 'prompt: What is the budget?, required: false }'));
    await interruptTiny(playbook, env);
    // Nothing answers the optional budget, and the required risk is missing: the run stops.
    const missing = await runCli(['resume', '--no-input'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('coach: 1 required answer is missing for tiny: risk.');
    // The draft still holds what a person answered, and no budget left empty by nobody.
    expect((await runCli(['drafts'], { env })).stdout).toContain('Acme  saved 2026-11-22 09:30  4 answers');

    const terminal = new FakeTerminal();
    const done = runCli(['resume'], { terminal, env });
    await terminal.answer('What is the budget?', '40k');
    await terminal.answer('What is the risk?', 'none');
    await terminal.save();
    expect((await done).code).toBe(0);
    expect(parseFrontMatter(readFileSync(join(notes, '2026-11-22-acme-tiny-prep.md'), 'utf8'))?.['answers']).toEqual({ need: 'a firm date', budget: '40k', risk: 'none' });
  });
});

const TWO_STEPS = `id: two-steps
title: Two steps
summary: A first step answered before the stop, a second one half answered.
source: Tests
prep:
  steps:
    - id: first
      title: First things
      guidance: Listen before you answer.
      questions:
        - { id: mood, type: select, prompt: How will they arrive?, choices: [{ value: frustrated, label: Frustrated and tired }, { value: calm, label: Calm }] }
    - id: second
      title: The plan
      guidance: Say what you will do.
      questions:
        - { id: need, type: text, prompt: What do they need? }
        - { id: plan, type: text, prompt: What is the plan? }
`;

describe('coach resume shows what was kept', () => {
  it('lists the answers already given, a line each with the labels shown, then picks up at the first question left', async () => {
    const { dir, notes, env } = setup();
    const playbook = join(dir, 'two-steps.yaml');
    writeFileSync(playbook, TWO_STEPS);
    const first = new FakeTerminal();
    const stopped = runCli(['prep', playbook], { terminal: first, env });
    await first.answer('Who is the customer?', 'Acme');
    await first.answer('What is the meeting?', '');
    await first.answer('Date of the meeting', '');
    await first.waitFor('How will they arrive?');
    first.press('enter');
    await first.answer('What do they need?', 'a firm date');
    await first.waitFor('What is the plan?');
    first.press('c', { ctrl: true });
    expect((await stopped).code).toBe(130);

    const terminal = new FakeTerminal();
    const done = runCli(['resume'], { terminal, env });
    await terminal.waitFor('Continuing Acme');
    await terminal.answer('? What is the plan?', 'a fix by Friday');
    await terminal.save();
    expect((await done).code).toBe(0);
    const shown = terminal.text.slice(terminal.text.indexOf('Continuing Acme'), terminal.text.indexOf('? What is the plan?'));
    expect(shown).toContain(
      [
        'Answered already',
        '  Who is the customer? → Acme',
        '  What is the meeting? → (no answer)',
        '  Date of the meeting → 2026-11-22',
        '  How will they arrive? → Frustrated and tired',
        '  What do they need? → a firm date',
        '',
        'Step 2 of 2 - The plan',
        '  Say what you will do.',
      ].join('\n'),
    );
    // The steps already answered are not walked through again.
    expect(shown).not.toContain('First things');
    expect(shown).not.toContain('Listen before you answer.');
    expect(parseFrontMatter(readFileSync(join(notes, '2026-11-22-acme-two-steps-prep.md'), 'utf8'))?.['answers']).toEqual({
      mood: 'frustrated',
      need: 'a firm date',
      plan: 'a fix by Friday',
    });
  });
});

describe('the printed resume command', () => {
  it('names the notes directory when it is not the default, and works as printed', async () => {
    const { dir, notes } = setup();
    const playbook = join(dir, 'tiny.yaml');
    writeFileSync(playbook, TINY_V1);
    const terminal = new FakeTerminal();
    const done = runCli(['prep', playbook, '--notes-dir', notes], { terminal, env: { COACH_NOTES_DIR: join(dir, 'default-notes') } });
    await terminal.answer('Who is the customer?', 'Acme');
    await terminal.waitFor('What is the meeting?');
    terminal.press('c', { ctrl: true });
    const stopped = await done;
    expect(stopped.code).toBe(130);
    const printed = /continue with: coach (resume .*)$/m.exec(terminal.text)?.[1] ?? '';
    const [draft] = draftFiles(notes);
    expect(printed).toBe(`resume ${draft?.replace('.json', '')} --notes-dir ${notes}`);

    const resumed = await runCli([...printed.split(' '), '--set', 'need=x', '--set', 'budget=y', '--set', 'risk=z', '--no-input', '-q'], { env: { COACH_NOTES_DIR: join(dir, 'default-notes') } });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(notesIn(notes)).toEqual(['2026-11-22-acme-tiny-prep.md']);
  });
});

describe('a draft made with an older version of the playbook', () => {
  it('warns, keeps the answers that fit, asks what is new, and puts answers to removed questions under "Unmapped answers"', async () => {
    const { dir, notes, env } = setup();
    const playbook = join(dir, 'tiny.yaml');
    writeFileSync(playbook, TINY_V1);
    await interruptTiny(playbook, env, true);
    writeFileSync(playbook, TINY_V2);

    const result = await runCli(['resume', '--set', 'risk=none', '--set', 'owner=Sam', '--no-input'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'coach: playbook "tiny" has changed since this draft was saved: 3 answers still fit; answers to questions it no longer asks go in the note under "Unmapped answers"; new questions will be asked.',
    );
    const note = readFileSync(join(notes, '2026-11-22-acme-tiny-prep.md'), 'utf8');
    expect(parseFrontMatter(note)?.['answers']).toEqual({ need: 'a firm date', risk: 'none', owner: 'Sam' });
    expect(note).toContain('## Unmapped answers\n\n_Given to questions this version of the playbook no longer asks in this form._\n\n**budget**\n\n> 40k\n');
    expect(draftFiles(notes)).toEqual([]);
  });

  it('keeps unmapped answers through a second interruption', async () => {
    const { dir, notes, env } = setup();
    const playbook = join(dir, 'tiny.yaml');
    writeFileSync(playbook, TINY_V1);
    await interruptTiny(playbook, env, true);
    writeFileSync(playbook, TINY_V2);

    const terminal = new FakeTerminal();
    const done = runCli(['resume'], { terminal, env });
    await terminal.waitFor('What is the risk?');
    terminal.press('c', { ctrl: true });
    expect((await done).code).toBe(130);
    const [draft] = draftFiles(notes);
    const kept = JSON.parse(readFileSync(join(notes, '.drafts', draft ?? ''), 'utf8')) as { unmapped?: Record<string, unknown> };
    expect(kept.unmapped).toEqual({ budget: '40k' });

    const result = await runCli(['resume', '--set', 'risk=none', '--set', 'owner=Sam', '--no-input', '-q'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(notes, '2026-11-22-acme-tiny-prep.md'), 'utf8')).toContain('**budget**\n\n> 40k');
  });
});

describe('an unreadable draft', () => {
  it('named on the command line: moved aside (not deleted), reported, exit 4', async () => {
    const { notes, env } = setup();
    mkdirSync(join(notes, '.drafts'), { recursive: true });
    writeFileSync(join(notes, '.drafts', 'broken.json'), '{"coach_draft": 1, "answers": ');
    const result = await runCli(['resume', 'broken'], { env });
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      `coach: ${join(notes, '.drafts', 'broken.json')}: cannot read this draft (not valid JSON (Unexpected end of JSON input)); moved it to ${join(notes, '.drafts', 'broken.json.corrupt')}; nothing was deleted\n`,
    );
    expect(readFileSync(join(notes, '.drafts', 'broken.json.corrupt'), 'utf8')).toBe('{"coach_draft": 1, "answers": ');
  });

  it('among good ones: reported and moved aside, and the newest good draft is resumed', async () => {
    const { dir, notes, env } = setup();
    const playbook = join(dir, 'tiny.yaml');
    writeFileSync(playbook, TINY_V1);
    await interruptTiny(playbook, env);
    writeFileSync(join(notes, '.drafts', 'zzz-newest-but-broken.json'), 'not json');
    const result = await runCli(['resume', '--set', 'budget=1', '--set', 'risk=2', '--no-input', '-q'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`coach: ${join(notes, '.drafts', 'zzz-newest-but-broken.json')}: cannot read this draft (not valid JSON`);
    expect(draftFiles(notes)).toEqual(['zzz-newest-but-broken.json.corrupt']);
    expect(notesIn(notes)).toEqual(['2026-11-22-acme-tiny-prep.md']);
  });

  it('names the drafts there are when the one asked for is not there (exit 2)', async () => {
    const { dir, notes, env } = setup();
    const playbook = join(dir, 'tiny.yaml');
    writeFileSync(playbook, TINY_V1);
    await interruptTiny(playbook, env);
    const [draft] = draftFiles(notes);
    const result = await runCli(['resume', 'nope'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`coach: no draft "nope" in ${join(notes, '.drafts')}; drafts: ${draft?.replace('.json', '')}\n`);
  });

  it('says what to do when the playbook has gone, and keeps the draft (exit 2)', async () => {
    const { dir, notes, env } = setup();
    const playbook = join(dir, 'tiny.yaml');
    writeFileSync(playbook, TINY_V1);
    await interruptTiny(playbook, env);
    writeFileSync(playbook, '');
    const result = await runCli(['resume', '--no-input'], { env });
    expect(result.code).toBe(3);
    expect(draftFiles(notes)).toHaveLength(1);
  });
});

describe('several drafts at a terminal', () => {
  it('offers a picker and continues the one picked', async () => {
    const { dir, notes, env } = setup();
    const playbook = join(dir, 'tiny.yaml');
    writeFileSync(playbook, TINY_V1);
    await interruptTiny(playbook, env);
    await interruptTiny(playbook, env, true);
    expect(draftFiles(notes)).toHaveLength(2);

    const terminal = new FakeTerminal();
    const done = runCli(['resume', '--set', 'risk=none', '--no-review'], { terminal, env });
    await terminal.waitFor('Which session do you want to continue?');
    const screen = terminal.text;
    expect(screen).toContain('Acme - tiny prep, 5 answers');
    expect(screen).toContain('Acme - tiny prep, 4 answers');
    // Both were saved at the same (test) moment, so either may be listed first: pick the 4-answer one.
    if (screen.indexOf('4 answers') > screen.indexOf('5 answers')) terminal.press('down');
    terminal.press('enter');
    await terminal.answer('What is the budget?', 'picked the older one');
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(parseFrontMatter(readFileSync(join(notes, '2026-11-22-acme-tiny-prep.md'), 'utf8'))?.['answers']).toMatchObject({ budget: 'picked the older one' });
    expect(draftFiles(notes)).toHaveLength(1);
  });
});

describe('a debrief of a saved prep', () => {
  it('resumes as that debrief: beside the prep, linked to it, with its actions', async () => {
    const { notes, env } = setup();
    const playbooks = playbooksDir();
    expect(MEETING_CHECK).toContain('debrief:');
    const prep = await runCli(['prep', 'meeting-check', '--playbooks', playbooks, '--no-input', '-q', '--customer', 'Acme', '--date', '2026-11-20', '--set', 'need=a firm date', '--set', 'ready=no'], { env });
    expect(prep.code, prep.stderr).toBe(0);
    const prepId = '2026-11-20-acme-meeting-check-prep';

    const terminal = new FakeTerminal();
    const done = runCli(['debrief', prepId, '--playbooks', playbooks], { terminal, env });
    await terminal.waitFor('Did you give them a firm date?');
    terminal.press('down');
    terminal.press('down');
    terminal.press('enter');
    await terminal.waitFor('What will you do differently?');
    terminal.press('c', { ctrl: true });
    expect((await done).code).toBe(130);
    expect(draftFiles(notes)).toHaveLength(1);

    const result = await runCli(['resume', '--set', 'lesson=call sooner', '--set', 'done_actions=1', '--no-input', '-q'], { env });
    expect(result.code, result.stderr).toBe(0);
    const debrief = parseFrontMatter(readFileSync(join(notes, '2026-11-20-acme-meeting-check-debrief.md'), 'utf8'));
    expect(debrief).toMatchObject({ kind: 'debrief', prep: prepId, customer: 'Acme', answers: { got_it: 'no', lesson: 'call sooner', done_actions: ['1'] } });
    expect(debrief?.['actions']).toMatchObject({ done: ['Book a room'] });
    expect(draftFiles(notes)).toEqual([]);
  });
});
