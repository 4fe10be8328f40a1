/**
 * The interactive prompter driven by @inquirer/testing: real Inquirer prompts on in-memory
 * streams, one per question type, typed and keyed as a person would.
 */
import { render } from '@inquirer/testing';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/core/session/answers.js';
import type { AskRequest } from '../../src/core/session/prompter.js';
import { Question } from '../../src/core/playbook/schema.js';
import { contextStep } from '../../src/core/session/context.js';
import { InterruptedError } from '../../src/errors.js';
import { inquirerPrompter, pickOne } from '../../src/prompters/inquirer.js';
import { FakeTerminal } from '../helpers/run-cli.js';

const noColour = new Chalk({ level: 0 });
const step = { id: 's', title: 'S', number: 1, total: 1 };

/** Wraps one `ask` as an Inquirer-style prompt so @inquirer/testing can own its streams; `columns` is the terminal's width. */
const askPromptAt =
  (columns?: number) =>
  (request: AskRequest, context?: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream }): Promise<AnswerValue | undefined> =>
    Promise.resolve(inquirerPrompter({ input: context?.input ?? process.stdin, output: context?.output ?? process.stdout, columns }, noColour).ask(request));
const askPrompt = askPromptAt();

const ask = (fields: Record<string, unknown>) =>
  render(askPrompt, { question: Question.parse({ id: 'q', prompt: 'Your answer?', ...fields }), step });

/** The finished question alone on its row, and below it, on indented rows within 40 columns, the answer broken between words. */
function expectAnswerBelow(screen: string, question: string, answer: string): void {
  const rows = screen.split('\n');
  const asked = rows.findIndex((row) => row.startsWith(`✔ ${question}`));
  expect(rows[asked]?.trimEnd()).toBe(`✔ ${question}`);
  const below = rows.slice(asked + 1).filter((row) => row.startsWith('  '));
  expect(below.every((row) => row.length <= 40)).toBe(true);
  expect(below.map((row) => row.trim()).join(' ')).toBe(answer);
}

describe('inquirerPrompter', () => {
  it('text: shows the why, then takes what was typed', async () => {
    const { answer, events, getScreen } = await ask({ type: 'text', why: 'Because it matters.' });
    events.type('a firm date');
    events.keypress('enter');
    await expect(answer).resolves.toBe('a firm date');
    expect(getScreen()).toContain('Your answer? a firm date');
  });

  it('text: at 40 columns an answer too long for the question\'s line goes below it, broken between words', async () => {
    const typed = 'Quarterly renewal negotiation with procurement and legal';
    const { answer, events, getScreen } = await render(askPromptAt(40), { question: Question.parse({ id: 'q', type: 'text', prompt: 'What is the meeting?' }), step });
    events.type(typed);
    events.keypress('enter');
    await expect(answer).resolves.toBe(typed);
    expectAnswerBelow(getScreen(), 'What is the meeting?', typed);
  });

  it('text: at 40 columns an answer that fits stays on the question\'s line', async () => {
    const { answer, events, getScreen } = await render(askPromptAt(40), { question: Question.parse({ id: 'q', type: 'text', prompt: 'What is the meeting?' }), step });
    events.type('Renewal');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Renewal');
    expect(getScreen()).toContain('✔ What is the meeting? Renewal');
  });

  it('text: at 40 columns the Tab hint and the default go on the next row when the question\'s row cannot hold them', async () => {
    const { answer, events, getScreen } = await render(askPromptAt(40), {
      question: Question.parse({ id: 'q', type: 'text', prompt: 'What is the customer asking for today?', default: 'a refund' }),
      step: { ...step, guidance: 'Listen before you answer.' },
    });
    const rows = getScreen().split('\n');
    const asked = rows.findIndex((row) => row.startsWith('? What is the customer asking for'));
    expect(rows.slice(asked, asked + 2)).toEqual(['? What is the customer asking for today?', '(a refund) (tab: help)']);
    expect(rows.every((row) => row.length <= 40)).toBe(true);
    events.keypress('enter');
    await expect(answer).resolves.toBe('a refund');
    expect(getScreen()).toContain('✔ What is the customer asking for today?');
  });

  it('text: at 40 columns a hint that fits stays on the question\'s row', async () => {
    const { events, getScreen, answer } = await render(askPromptAt(40), { question: Question.parse({ id: 'q', type: 'text', prompt: 'Who?' }), step: { ...step, guidance: 'Listen.' } });
    expect(getScreen()).toContain('? Who? (tab: help)');
    events.type('Sam');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Sam');
  });

  it('text: Tab shows the step guidance again (not the why, already just above), keeping what was typed', async () => {
    const { answer, events, getScreen, nextRender } = await render(askPrompt, {
      question: Question.parse({ id: 'q', type: 'text', prompt: 'Your answer?', why: 'Because it matters.' }),
      step: { ...step, guidance: 'Listen before you answer.' },
    });
    expect(getScreen()).toContain('(tab: help)');
    events.type('half a tho');
    events.keypress('tab');
    await nextRender();
    expect(getScreen()).toContain('Listen before you answer.');
    expect(getScreen()).not.toContain('Why:');
    expect(getScreen()).toContain('Your answer? half a tho');
    events.keypress('tab');
    await nextRender();
    expect(getScreen()).not.toContain('Listen before you answer.');
    events.type('ught');
    events.keypress('enter');
    await expect(answer).resolves.toBe('half a thought');
  });

  it('text: "Who is the customer?" offers no Tab help that would only repeat its why', async () => {
    const customer = contextStep('2026-11-22').questions[0];
    const { answer, events, getScreen } = await render(askPrompt, { question: Question.parse(customer), step: { ...step, id: 'meeting', number: 0 } });
    expect(getScreen()).not.toContain('(tab: help)');
    events.type('Acme');
    events.keypress('tab');
    expect(getScreen()).not.toContain('The person or account this meeting is with');
    expect(getScreen()).toContain('Who is the customer? Acme');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Acme');
  });

  it('text: refuses an empty answer to a required question until one is typed', async () => {
    const { answer, events, getScreen, nextRender } = await ask({ type: 'text' });
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain('This answer is required.');
    events.type('now');
    events.keypress('enter');
    await expect(answer).resolves.toBe('now');
  });

  it('text: an optional question left empty is not recorded', async () => {
    const { answer, events } = await ask({ type: 'text', required: false });
    events.keypress('enter');
    await expect(answer).resolves.toBeUndefined();
  });

  it('number: uses the same validation as supplied answers', async () => {
    const { answer, events, getScreen, nextRender } = await ask({ type: 'number', min: 1, max: 10 });
    events.type('12');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain('This answer must be at most 10 (got 12).');
    for (let i = 0; i < 2; i++) events.keypress('backspace');
    events.type('7');
    events.keypress('enter');
    await expect(answer).resolves.toBe(7);
  });

  it('scale: shows its range and returns a whole number', async () => {
    const { answer, events, getScreen } = await ask({ type: 'scale' });
    expect(getScreen()).toContain('Your answer? (1-5)');
    events.type('4');
    events.keypress('enter');
    await expect(answer).resolves.toBe(4);
  });

  it('date: offers the default and accepts it with enter', async () => {
    const { answer, events, getScreen } = await ask({ type: 'date', default: '2026-11-22' });
    expect(getScreen()).toContain('2026-11-22');
    events.keypress('enter');
    await expect(answer).resolves.toBe('2026-11-22');
  });

  it('confirm: takes y or n', async () => {
    const { answer, events } = await ask({ type: 'confirm' });
    events.type('n');
    events.keypress('enter');
    await expect(answer).resolves.toBe(false);
  });

  it('select: moves down to a choice and shows labels', async () => {
    const { answer, events, getScreen } = await ask({ type: 'select', choices: ['calm', { value: 'angry', label: 'Angry - loud' }] });
    expect(getScreen()).toContain('Angry - loud');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe('angry');
  });

  it('select: typing the start of a label jumps to that choice, and the help line says so', async () => {
    const { answer, events, getScreen } = await ask({ type: 'select', choices: ['calm', 'worried', { value: 'angry', label: 'Angry - loud' }] });
    expect(getScreen()).toContain('↑↓ navigate • type to jump • ⏎ select');
    events.type('an');
    expect(getScreen()).toContain('❯ Angry - loud');
    events.keypress('enter');
    await expect(answer).resolves.toBe('angry');
  });

  it('multi: toggles choices with space', async () => {
    const { answer, events } = await ask({ type: 'multi', choices: ['time', 'energy', 'empathy'] });
    events.keypress('space');
    events.keypress('down');
    events.keypress('down');
    events.keypress('space');
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['time', 'empathy']);
  });

  it('multi: at 40 columns the choices picked go below the question when its line cannot hold them, broken between words', async () => {
    const choices = ["Background - the account's history", 'Help from your senior executives', 'Empathy'];
    const { answer, events, getScreen } = await render(askPromptAt(40), { question: Question.parse({ id: 'q', type: 'multi', prompt: 'Which do you have?', choices }), step });
    events.keypress('space');
    events.keypress('down');
    events.keypress('space');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([choices[0], choices[1]]);
    expectAnswerBelow(getScreen(), 'Which do you have?', `${choices[0]}, ${choices[1]}`);
  });

  it('multi and select: at 40 columns a choice that fits stays on the question\'s line', async () => {
    const multi = await render(askPromptAt(40), { question: Question.parse({ id: 'q', type: 'multi', prompt: 'Which?', choices: ['time', 'energy'] }), step });
    multi.events.keypress('space');
    multi.events.keypress('enter');
    await expect(multi.answer).resolves.toEqual(['time']);
    expect(multi.getScreen()).toContain('✔ Which? time');
    const select = await render(askPromptAt(40), { question: Question.parse({ id: 'q', type: 'select', prompt: 'How will they feel?', choices: ['calm', 'worried'], required: true }), step });
    select.events.keypress('enter');
    await expect(select.answer).resolves.toBe('calm');
    expect(select.getScreen()).toContain('✔ How will they feel? calm');
  });

  it('select: at 40 columns a long label picked goes below the question, broken between words', async () => {
    const label = 'Angry - they may come in aggressive and loud';
    const { answer, events, getScreen } = await render(askPromptAt(40), {
      question: Question.parse({ id: 'q', type: 'select', prompt: 'What state do you expect?', choices: [{ value: 'angry', label }], required: true }),
      step,
    });
    events.keypress('enter');
    await expect(answer).resolves.toBe('angry');
    expectAnswerBelow(getScreen(), 'What state do you expect?', label);
  });

  it('pickOne: at 40 columns a long choice picked goes below the question, broken between words', async () => {
    const name = '2026-12-02  Acme Corp - Renewal after the outage  (two-questions)';
    const pick = (config: { message: string }, context?: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream }): Promise<string> =>
      pickOne({ input: context?.input ?? process.stdin, output: context?.output ?? process.stdout, columns: 40 }, noColour, config.message, [{ value: 'acme', name }]);
    const { answer, events, getScreen } = await render(pick, { message: 'Which meeting are you debriefing?' });
    events.keypress('enter');
    await expect(answer).resolves.toBe('acme');
    expectAnswerBelow(getScreen(), 'Which meeting are you debriefing?', name.replace(/ +/g, ' '));
  });

  it('multi: at 40 columns a label too long for its row goes on the next, under its first letter, and is whole again once picked', async () => {
    const label = 'Background - the account\'s history and the specifics of this failure';
    const { answer, events, getScreen } = await render(askPromptAt(40), { question: Question.parse({ id: 'q', type: 'multi', prompt: 'Which?', choices: [label, 'Time'] }), step });
    const rows = getScreen().split('\n');
    const first = rows.findIndex((row) => row.includes('Background'));
    // "❯◯ " before a label: its later rows start under its first letter, none past the edge.
    expect(rows.slice(first, first + 2)).toEqual(["❯◯ Background - the account's history", '   and the specifics of this failure']);
    expect(getScreen()).toContain(' ◯ Time');
    events.keypress('space');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([label]);
    expectAnswerBelow(getScreen(), 'Which?', label);
  });

  it('multi: at 40 columns the keys it takes are broken between tips, not inside one', async () => {
    const { answer, events, getScreen } = await render(askPromptAt(40), { question: Question.parse({ id: 'q', type: 'multi', prompt: 'Which?', choices: ['time', 'energy'], required: false }), step });
    const rows = getScreen().split('\n');
    const tips = rows.slice(rows.findIndex((row) => row.startsWith('↑↓')));
    expect(tips).toEqual(['↑↓ navigate • space select • a all', 'i invert • ⏎ submit']);
    // Answered, so the prompt is not left waiting when the test ends.
    events.keypress('enter');
    await expect(answer).resolves.toBeUndefined();
  });

  it('pickOne: at 40 columns the description under the list is broken between words', async () => {
    const description = 'A key account is angry because your company failed them and says it will not buy again.';
    const pick = (config: { message: string }, context?: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream }): Promise<string> =>
      pickOne({ input: context?.input ?? process.stdin, output: context?.output ?? process.stdout, columns: 40 }, noColour, config.message, [{ value: 'take-the-stick', name: 'Take the stick', description }]);
    const { answer, events, getScreen } = await render(pick, { message: 'Which playbook?' });
    const rows = getScreen().split('\n');
    const described = rows.slice(rows.findIndex((row) => row.startsWith('A key account')), rows.findIndex((row) => row.startsWith('↑↓')));
    expect(described.every((row) => row.length <= 40)).toBe(true);
    expect(described.join(' ')).toBe(description);
    events.keypress('enter');
    await expect(answer).resolves.toBe('take-the-stick');
  });

  it('date: at 40 columns a date it cannot read is refused on rows broken between words, hung under the message', async () => {
    const terminal = new FakeTerminal();
    const answer = inquirerPrompter({ input: terminal.input, output: terminal.screen, columns: 40, today: '2026-12-02' }, noColour).ask({
      question: Question.parse({ id: 'q', type: 'date', prompt: 'When?' }),
      step,
    });
    await terminal.answer('When?', 'when the moon is full again next year');
    await terminal.waitFor('8 Dec.');
    const rows = terminal.text.split('\n');
    const refused = rows.slice(rows.findIndex((row) => row.startsWith('> This answer')));
    const message = refused.slice(0, refused.findIndex((row) => row.endsWith('8 Dec.')) + 1);
    expect(message.length).toBeGreaterThan(2);
    expect(message.every((row) => row.length <= 40)).toBe(true);
    expect(message.slice(1).every((row) => row.startsWith('  ') && !row.startsWith('   '))).toBe(true);
    expect(message.map((row) => row.trim()).join(' ')).toContain('not a date coach can read (got "when the moon is full again next year")');
    await terminal.answer('When?', '2026-12-04');
    await expect(answer).resolves.toBe('2026-12-04');
  });

  // list and long chain several prompts, which @inquirer/testing's single-prompt render cannot
  // follow; the FakeTerminal drives the same real prompts over streams that outlive each one.
  const askOnTerminal = (fields: Record<string, unknown>) => {
    const terminal = new FakeTerminal();
    const answer = inquirerPrompter({ input: terminal.input, output: terminal.screen }, noColour).ask({
      question: Question.parse({ id: 'q', prompt: 'Your answer?', ...fields }),
      step,
    });
    return { terminal, answer };
  };

  it('list: one entry per line until an empty line', async () => {
    const { terminal, answer } = askOnTerminal({ type: 'list' });
    await terminal.answer('(empty line ends)', 'price');
    await terminal.answer('2.', 'timing');
    await terminal.answer('3.', '');
    await expect(answer).resolves.toEqual(['price', 'timing']);
  });

  it('long: lines joined into one answer', async () => {
    const { terminal, answer } = askOnTerminal({ type: 'long' });
    await terminal.answer('(empty line ends)', 'first line');
    await terminal.answer('...', 'second line');
    await terminal.answer('...', '');
    await expect(answer).resolves.toBe('first line\nsecond line');
  });

  describe('changing an answer (the review): the prompt opens on it', () => {
    const change = (fields: Record<string, unknown>, previous: AnswerValue) =>
      render(askPrompt, { question: Question.parse({ id: 'q', prompt: 'Your answer?', ...fields }), step, previous });

    it('a number is on the line to edit: one more digit, not the number retyped', async () => {
      const { answer, events, getScreen } = await change({ type: 'number' }, 40);
      expect(getScreen()).toContain('Your answer? 40');
      events.type('0');
      events.keypress('enter');
      await expect(answer).resolves.toBe(400);
    });

    it('a choice starts on the one picked before', async () => {
      const { answer, events, getScreen } = await change({ type: 'select', choices: ['calm', { value: 'angry', label: 'Angry - loud' }] }, 'angry');
      expect(getScreen()).toContain('❯ Angry - loud');
      events.keypress('enter');
      await expect(answer).resolves.toBe('angry');
    });

    it('several choices start ticked as they were', async () => {
      const { answer, events } = await change({ type: 'multi', choices: ['time', 'energy', 'empathy'] }, ['energy']);
      events.keypress('space');
      events.keypress('enter');
      await expect(answer).resolves.toEqual(['time', 'energy']);
    });

    it('a long answer typed line by line offers its lines back', async () => {
      const terminal = new FakeTerminal();
      const answer = inquirerPrompter({ input: terminal.input, output: terminal.screen }, noColour).ask({
        question: Question.parse({ id: 'q', type: 'long', prompt: 'Your answer?' }),
        step,
        previous: 'first line\nsecond line',
      });
      await terminal.waitFor('(empty line ends) first line');
      terminal.press('enter');
      await terminal.waitFor('... second line');
      terminal.type(', and more');
      terminal.press('enter');
      await terminal.answer('...', '');
      await expect(answer).resolves.toBe('first line\nsecond line, and more');
    });
  });

  it('Ctrl-C becomes an InterruptedError, which the CLI turns into exit 130', async () => {
    const { answer, events } = await ask({ type: 'text' });
    events.keypress({ name: 'c', ctrl: true });
    await expect(answer).rejects.toBeInstanceOf(InterruptedError);
    await expect(answer).rejects.toMatchObject({ exitCode: 130 });
  });

  it('never lets escape sequences from a playbook reach the terminal', async () => {
    const { answer, events, getScreen } = await ask({ type: 'text', prompt: 'Evil\u001b]0;pwned\u0007 \u001b[2Jprompt\u202e?', why: 'Why\u009b31m?' });
    const raw = getScreen({ raw: true });
    expect(raw).not.toContain('pwned');
    expect(raw).not.toContain('\u001b[2J');
    expect(raw).not.toContain('\u202e');
    expect(raw).not.toContain('\u009b');
    expect(getScreen()).toContain('Evil prompt?');
    events.type('ok');
    events.keypress('enter');
    await expect(answer).resolves.toBe('ok');
  });
});
