/**
 * `coach card --pdf`: the printed card, read back with poppler as a person's viewer would. Its
 * text holds every word of the terminal card (the statement word for word, the plan, each action),
 * on one page of the paper the locale or --paper asks for, whatever script the answers are in.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/formats/front-matter.js';
import { folded, pdfInfo, pdfText } from '../helpers/pdf.js';
import { repoPath } from '../helpers/playbooks.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

const answers = repoPath('tests/fixtures/answers/two-questions.yaml');
const takeTheStick = repoPath('tests/golden/take-the-stick-prep.md');
const A4 = '595.28 x 841.89 pts';
const LETTER = '612 x 792 pts';

/** A saved two-questions prep in a fresh notes directory, with any answers changed by `--set`. */
async function savedPrep(sets: string[] = []): Promise<{ notes: string }> {
  const notes = tempDir();
  const result = await runCli(['prep', 'two-questions', '--answers', answers, '--no-input', '-q', ...sets.flatMap((set) => ['--set', set])], { env: { COACH_NOTES_DIR: notes } });
  expect(result.code, result.stderr).toBe(0);
  return { notes };
}

/** Every line of the Markdown card as plain words: what the printed card must hold too. */
async function markdownCardItems(args: string[], env: Record<string, string>): Promise<string[]> {
  const result = await runCli(['card', ...args, '--markdown'], { env });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout
    .split('\n')
    .slice(1)
    .map((line) => folded(line.replace(/^\s*- (\[ \] )?/, '').replaceAll('**', '')))
    .filter((line) => line !== '' && !['Key questions', 'Reminders', 'Actions'].includes(line));
}

describe('coach card --pdf', () => {
  it('prints the take-the-stick card on one page: the statement word for word, the plan and every action, each with a box', async () => {
    const out = join(tempDir(), 'card.pdf');
    const env = { COACH_NOTES_DIR: tempDir() };
    const result = await runCli(['card', takeTheStick, '--pdf', out], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^coach: card written to .*card\.pdf \(A4, one page(; type reduced to [\d.]+ pt to fit)?\)\n$/);

    const note = parseFrontMatter(readFileSync(takeTheStick, 'utf8')) as { answers: Record<string, string>; flags: { actions: string[] }[]; customer: string; date: string; title: string };
    const text = pdfText(out);
    expect(text).toContain(folded(note.answers['stick_statement'] ?? 'missing'));
    expect(text).toContain(folded(note.answers['fix_plan'] ?? 'missing'));
    const actions = note.flags.flatMap((flag) => flag.actions);
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect(text).toContain(`☐ ${folded(action)}`);
    for (const fact of [note.title, note.customer, note.date, 'Take the stick - win back a key account']) expect(text).toContain(fact);
    // Everything the terminal card says, nothing left out.
    for (const item of await markdownCardItems([takeTheStick], env)) expect(text).toContain(item);
    expect(pdfInfo(out)).toMatchObject({ pages: 1, size: A4 });
  });

  it('is laid out on the paper of the locale, LC_ALL before LC_PAPER before LANG, unless --paper says', async () => {
    const { notes } = await savedPrep();
    const dir = tempDir();
    const cases: [Record<string, string>, string[], string][] = [
      [{ LANG: 'en_US.UTF-8' }, [], LETTER],
      [{ LANG: 'fr_CA.UTF-8' }, [], LETTER],
      [{ LANG: 'de_DE.UTF-8' }, [], A4],
      [{ LANG: 'en_GB.UTF-8', LC_PAPER: 'es_MX.UTF-8' }, [], LETTER],
      [{ LC_ALL: 'de_DE.UTF-8', LC_PAPER: 'en_US.UTF-8' }, [], A4],
      [{}, [], A4],
      [{ LANG: 'en_US.UTF-8' }, ['--paper', 'a4'], A4],
      [{ LANG: 'de_DE.UTF-8' }, ['--paper', 'letter'], LETTER],
    ];
    for (const [index, [locale, flags, size]] of cases.entries()) {
      const out = join(dir, `card-${index}.pdf`);
      const result = await runCli(['card', '--pdf', out, ...flags], { env: { COACH_NOTES_DIR: notes, ...locale } });
      expect(result.code, result.stderr).toBe(0);
      expect(pdfInfo(out), JSON.stringify(locale)).toMatchObject({ pages: 1, size });
    }
  });

  it('prints answers in any script, selectable as text: é, Ł, —, ☕', async () => {
    const need = 'Café crème for Łukasz — and ☕ before we start';
    const { notes } = await savedPrep([`need=${need}`, 'customer=Zoë Żółć GmbH']);
    const out = join(tempDir(), 'card.pdf');
    const result = await runCli(['card', '--pdf', out], { env: { COACH_NOTES_DIR: notes } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(`coach: card written to ${out} (A4, one page)\n`);
    const text = pdfText(out);
    expect(text).toContain(need);
    expect(text).toContain('Zoë Żółć GmbH');
  });

  it('warns, naming them, about characters its font cannot draw, and still prints the rest', async () => {
    const { notes } = await savedPrep(['need=会议 before Łukasz arrives']);
    const out = join(tempDir(), 'card.pdf');
    const result = await runCli(['card', '--pdf', out], { env: { COACH_NOTES_DIR: notes } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      `coach: warning: the card's font (DejaVu Sans) has no letters for 会 议; they print as blanks (the terminal card shows them: coach card)\ncoach: card written to ${out} (A4, one page)\n`,
    );
    expect(pdfText(out)).toContain('before Łukasz arrives');
  });

  it('shrinks a card with long answers onto one page, every word kept', async () => {
    const sentences = Array.from({ length: 40 }, (_, n) => `Point ${n + 1}: they need a date they can hold us to, and a person who answers the phone.`);
    const { notes } = await savedPrep([`need=${sentences.join(' ')}`, `helpful=${sentences.slice(0, 10).join(' ')}`]);
    const out = join(tempDir(), 'card.pdf');
    const result = await runCli(['card', '--pdf', out], { env: { COACH_NOTES_DIR: notes } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^coach: card written to .*card\.pdf \(A4, one page; type reduced to \d+(\.5)? pt to fit\)\n$/);
    expect(pdfInfo(out).pages).toBe(1);
    const text = pdfText(out);
    for (const sentence of sentences) expect(text).toContain(sentence);
    for (const item of await markdownCardItems([], { COACH_NOTES_DIR: notes })) expect(text).toContain(item);
  });

  it('says so, and writes nothing, when even the smallest type would not fit one page', async () => {
    const { notes } = await savedPrep([`need=${'They need a date they can hold us to. '.repeat(600)}`]);
    const out = join(tempDir(), 'card.pdf');
    const result = await runCli(['card', '--pdf', out, '--paper', 'letter'], { env: { COACH_NOTES_DIR: notes } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'coach: the card does not fit on one US Letter page even at 7 pt, and coach does not cut your words; print it from the terminal (coach card, or --markdown) or shorten the longest answers and actions\n',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('never replaces a file without --force, as --out does', async () => {
    const { notes } = await savedPrep();
    const dir = tempDir();
    const out = join(dir, 'card.pdf');
    writeFileSync(out, 'my own file\n');
    const refused = await runCli(['card', '--pdf', 'card.pdf'], { env: { COACH_NOTES_DIR: notes }, cwd: dir });
    expect(refused.code).toBe(4);
    expect(refused.stderr).toBe('coach: card.pdf: already exists; add --force to replace it, or choose another file\n');
    expect(readFileSync(out, 'utf8')).toBe('my own file\n');

    const forced = await runCli(['card', '--pdf', 'card.pdf', '--force'], { env: { COACH_NOTES_DIR: notes }, cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(pdfInfo(out).pages).toBe(1);
  });

  it('names the path and what to do when the directory cannot be written', async () => {
    const { notes } = await savedPrep();
    const dir = tempDir();
    writeFileSync(join(dir, 'cards'), 'a file where a directory should be\n');
    const result = await runCli(['card', '--pdf', 'cards/card.pdf'], { env: { COACH_NOTES_DIR: notes }, cwd: dir });
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`coach: ${join(dir, 'cards')}: cannot use this as a directory: a file is in the way; choose a directory you can write to\n`);
  });

  it('writes to stdout with "-" only when stdout is not a terminal', async () => {
    const { notes } = await savedPrep();
    const piped = await runCli(['card', '--pdf', '-'], { env: { COACH_NOTES_DIR: notes } });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.startsWith('%PDF-')).toBe(true);
    expect(piped.stdout.trimEnd().endsWith('%%EOF')).toBe(true);

    const terminal = await runCli(['card', '--pdf', '-'], { env: { COACH_NOTES_DIR: notes }, stdoutIsTTY: true });
    expect(terminal.code).toBe(2);
    expect(terminal.stdout).toBe('');
    expect(terminal.stderr).toBe('coach: --pdf - writes the PDF to standard output, which is a terminal here; redirect it (--pdf - > card.pdf) or name a file (--pdf card.pdf)\n');
  });

  it('refuses flags that would do nothing or ask for two cards at once', async () => {
    const { notes } = await savedPrep();
    const env = { COACH_NOTES_DIR: notes };
    expect((await runCli(['card', '--paper', 'a4'], { env })).stderr).toBe('coach: --paper is for the printed card; add --pdf card.pdf\n');
    expect((await runCli(['card', '--force'], { env })).stderr).toBe('coach: --force lets --pdf replace a file; add --pdf card.pdf\n');
    expect((await runCli(['card', '--pdf', 'x.pdf', '--markdown'], { env })).stderr).toBe('coach: --markdown and --pdf make different cards; choose one\n');
    const size = await runCli(['card', '--pdf', 'x.pdf', '--paper', 'b5'], { env });
    expect(size.code).toBe(2);
    expect(size.stderr).toContain("argument 'b5' is invalid. Allowed choices are a4, letter.");
  });

  it('prints the blank method card with lines to write the answers on', async () => {
    const out = join(tempDir(), 'card.pdf');
    const result = await runCli(['card', 'two-questions', '--pdf', out], { env: { COACH_NOTES_DIR: tempDir() } });
    expect(result.code, result.stderr).toBe(0);
    const text = pdfText(out);
    for (const item of await markdownCardItems(['two-questions'], { COACH_NOTES_DIR: tempDir() })) expect(text).toContain(item);
    expect(pdfInfo(out).pages).toBe(1);
  });
});
