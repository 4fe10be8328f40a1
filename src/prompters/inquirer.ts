/**
 * The interactive prompter: with text-prompt.ts (its text input), the only modules that import
 * @inquirer/*. Prompts draw on stderr so stdout carries only the note (`coach prep > note.md`
 * keeps the prompts visible). Every typed answer is checked by coerceAnswer, the same check
 * supplied answers get.
 */
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import type { ChalkInstance } from 'chalk';
import { checkAnswer, detectorsNeeded, type CheckFinding } from '../core/check/check-answer.js';
import type { AnswerValue } from '../core/session/answers.js';
import { choiceLabel, choiceValue, coerceAnswer, scaleBounds } from '../core/session/coerce-answer.js';
import type { AskRequest, Prompter } from '../core/session/prompter.js';
import { isIsoDateShape } from '../core/session/calendar-date.js';
import { describeDate, readSpokenDate } from '../core/session/spoken-date.js';
import { joinNextStep, NEXT_STEP_FORMAT, nextStepProblem, splitNextStep } from '../core/session/next-steps.js';
import type { Question } from '../core/playbook/schema.js';
import { InterruptedError } from '../errors.js';
import { detectorsFor } from '../language/lazy-detectors.js';
import { editInEditor, editorTemplate, type EditorLaunch } from '../terminal/editor.js';
import { visibleLength } from '../terminal/fit.js';
import { sanitizeForTerminal as safe } from '../terminal/sanitize.js';
import { wrapAfter, wrapMarkdown, wrapText } from '../terminal/wrap.js';
import { textPrompt } from './text-prompt.js';

export interface TerminalStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  columns?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Where long answers are written; without one they are typed line by line. */
  editor?: EditorLaunch | undefined;
  /** Today (YYYY-MM-DD), which said dates ("tomorrow") count from; without it a date is YYYY-MM-DD only. */
  today?: string | undefined;
}

/**
 * `columns`: the terminal's width. Inquirer breaks a line at the edge wherever it falls, inside a
 * word, so a message too long for it is wrapped between words first (the "? " before it takes two
 * columns); one that fits is left exactly as it is.
 */
function theme(chalk: ChalkInstance, columns: number | undefined) {
  return {
    prefix: { idle: chalk.blue('?'), done: chalk.green('✔') },
    style: {
      // Defaults come from the playbook and answers can be pre-filled from them: data, so made safe.
      answer: (text: string) => chalk.cyan(safe(text)),
      message: (text: string) => chalk.bold(messageRows(text, columns)),
      error: (text: string) => chalk.red(columns === undefined ? `> ${text}` : wrapAfter('> ', text, columns)),
      // A choice's description (what a playbook is for) is a sentence or two, under the list.
      description: (text: string) => chalk.cyan(columns === undefined ? text : wrapText(text, columns)),
      defaultAnswer: (text: string) => chalk.dim(`(${safe(text)})`),
      help: (text: string) => chalk.dim(text),
      highlight: (text: string) => chalk.cyan(text),
      key: (text: string) => chalk.cyan.bold(`<${text}>`),
      keysHelpTip: (keys: [key: string, action: string][]) => keyTips(chalk, columns, keys),
    },
  };
}

/** The keys a list takes ("↑↓ navigate • ⏎ select"), as Inquirer shows them, on more rows between tips when they do not fit on one. */
function keyTips(chalk: ChalkInstance, columns: number | undefined, keys: readonly [key: string, action: string][]): string {
  const separator = chalk.dim(' • ');
  const rows: string[] = [];
  for (const tip of keys.map(([key, action]) => `${chalk.bold(key)} ${chalk.dim(action)}`)) {
    const row = rows.at(-1);
    if (row !== undefined && (columns === undefined || visibleLength(row) + visibleLength(separator) + visibleLength(tip) <= columns)) rows[rows.length - 1] = row + separator + tip;
    else rows.push(tip);
  }
  return rows.join('\n');
}

/** The question as Inquirer shows it after "? ": on rows between words when it is too long for one. */
const messageRows = (text: string, columns: number | undefined): string => (visibleLength(text) > (columns ?? 80) - 2 ? wrapText(text, (columns ?? 80) - 2) : text);

/**
 * The theme for a question answered by picking (select, multi, confirm) whose finished line,
 * "✔ <message> <what was picked>", would pass the terminal's edge, where Inquirer breaks it inside
 * a word ("the account's histo|ry"): what was picked then goes on indented rows below the
 * question, broken between words, as textPrompt does for a typed answer. A line that fits is left
 * as it is.
 */
function themeWithAnswerFitted<Theme extends ReturnType<typeof theme>>(base: Theme, chalk: ChalkInstance, columns: number | undefined, message: string): Theme {
  if (columns === undefined) return base;
  const rows = messageRows(message, columns).split('\n');
  // The first row follows "✔ "; the answer follows the last row and a space.
  const taken = visibleLength(rows.at(-1) ?? '') + (rows.length === 1 ? 2 : 0) + 1;
  const answer = (text: string): string => {
    const shown = safe(text);
    if (taken + visibleLength(shown) <= columns) return chalk.cyan(shown);
    return `\n${wrapText(shown, columns, '  ')
      .split('\n')
      .map((row) => chalk.cyan(row))
      .join('\n')}`;
  };
  return { ...base, style: { ...base.style, answer } };
}

/**
 * Choices as a list shows them, each label too long for its row put on more rows between words and
 * hung under its first letter: `gutter` is what Inquirer puts before a label ("❯ " in a select,
 * "❯◯ " in a multi-select), and it breaks a row at the terminal's edge wherever that falls. The
 * label is kept whole as `short`, for the line left when the question is answered.
 */
function fittedChoices<Choice extends { name: string }>(choices: readonly Choice[], columns: number | undefined, gutter: number): (Choice & { short: string })[] {
  return choices.map((choice) => {
    const fits = columns === undefined || gutter + visibleLength(choice.name) <= columns;
    const name = fits ? choice.name : wrapText(choice.name, columns - gutter).replace(/\n/g, `\n${' '.repeat(gutter)}`);
    return { ...choice, name, short: choice.name };
  });
}

/** What a select and a multi-select put before each label: the cursor and a space, and a box between them. */
const SELECT_GUTTER = 2;
const MULTI_GUTTER = 3;

/**
 * Inquirer's select jumps to the first choice whose label starts with the letters typed; its help
 * line says only "navigate" and "select", so typing looked swallowed. The line now says it.
 */
function selectTheme(chalk: ChalkInstance, columns: number | undefined) {
  const base = theme(chalk, columns);
  const keysHelpTip = (keys: [key: string, action: string][]): string => {
    const enter = keys.findIndex(([key]) => key === '⏎');
    return keyTips(chalk, columns, [...keys.slice(0, enter), ['type', 'to jump'], ...keys.slice(enter)]);
  };
  return { ...base, style: { ...base.style, keysHelpTip } };
}

function hint(question: Question, saidDates: boolean): string {
  switch (question.type) {
    case 'scale': {
      const { min, max } = scaleBounds(question);
      return ` (${min}-${max})`;
    }
    case 'date':
      return saidDates ? ' (YYYY-MM-DD or e.g. tomorrow)' : ' (YYYY-MM-DD)';
    case 'number':
      return question.min !== undefined && question.max !== undefined ? ` (${question.min}-${question.max})` : '';
    default:
      return question.required ? '' : ' (optional)';
  }
}

/** A long answer typed line by line, as the lines a review offers back: its blank lines are where it broke. */
function keptLines(previous: AnswerValue | undefined): string[] {
  return typeof previous === 'string' ? previous.split('\n').filter((line) => line.trim() !== '') : [];
}

/** Inquirer rejects with these when the user presses Ctrl-C or Ctrl-D, or the signal aborts. */
function isPromptExit(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}

export function inquirerPrompter(streams: TerminalStreams, chalk: ChalkInstance): Prompter {
  const context = { input: streams.input, output: streams.output, signal: streams.signal };
  const look = theme(chalk, streams.columns);
  const width = Math.min(streams.columns ?? 80, 100);
  /** Why what was typed is not taken, in red below it as Inquirer's own messages are, wrapped between words. */
  const refuse = (text: string): void => void streams.output.write(`${chalk.red(wrapAfter('> ', text, width))}\n`);

  const validator = (question: Question) => (value: string) => {
    const result = coerceAnswer(question, value);
    return result.ok ? true : `This answer ${result.message}.`;
  };

  /**
   * In a review, the answer being changed sits on the line ready to edit (Inquirer's own editable
   * prefill), so changing one word is moving the cursor and changing that word. A line cleared
   * shows what Enter keeps; Backspace on the empty line lets it go.
   */
  const edit = (message: string, before: string, validate: (value: string) => true | string, what: string): Promise<string> => {
    const kept = { ...look, style: { ...look.style, defaultAnswer: () => chalk.dim(`(Enter keeps ${what}, Backspace drops it)`) } };
    return input({ message, default: before, prefill: 'editable', validate, theme: kept }, context);
  };

  /** Free text, numbers and dates: typed, then checked and converted by coerceAnswer. */
  const typed = async (question: Question, message: string, help: string | undefined, previous: AnswerValue | undefined): Promise<AnswerValue | undefined> => {
    const fallback = question.default === undefined ? undefined : String(question.default);
    const text =
      previous === undefined
        ? await textPrompt({ message, default: fallback, help, validate: validator(question), theme: look, columns: streams.columns }, context)
        : await edit(message, String(previous), validator(question), 'the old answer');
    const result = coerceAnswer(question, text);
    return result.ok ? result.value : undefined;
  };

  /**
   * A date, as YYYY-MM-DD or as people say it: a said date passes the prompt's check and is read
   * after it (the date library loads only then), echoed as the day it names, or refused with why
   * and asked again.
   */
  const dated = async (question: Question, message: string, help: string | undefined, today: string, previous: AnswerValue | undefined): Promise<AnswerValue | undefined> => {
    const fallback = question.default === undefined ? undefined : String(question.default);
    const validate = (value: string) => {
      const said = value.trim();
      return said !== '' && !isIsoDateShape(said) ? true : validator(question)(value);
    };
    let before = previous === undefined ? undefined : String(previous);
    for (;;) {
      const text = before === undefined ? await textPrompt({ message, default: fallback, help, validate, theme: look, columns: streams.columns }, context) : await edit(message, before, validate, 'the old date');
      const said = text.trim();
      if (said === '' || isIsoDateShape(said)) {
        const result = coerceAnswer(question, text);
        return result.ok ? result.value : undefined;
      }
      const read = await readSpokenDate(said, today);
      if (read.ok) {
        streams.output.write(`${chalk.dim(`  = ${describeDate(read.date)} (${read.date})`)}\n`);
        return read.date;
      }
      refuse(`This answer ${safe(read.message)}.`);
      // Editing, the words refused stay on the line to be put right.
      if (before !== undefined) before = said;
    }
  };

  /**
   * Several lines or entries: one prompt per line, an empty line ends it. `kept`: in a review, the
   * entries already given, each offered on its line to keep (Enter), edit, or drop, before new ones.
   */
  const lines = async (question: Question, message: string, joinWith: string | undefined, help?: string, kept: readonly string[] = []): Promise<AnswerValue | undefined> => {
    const entries: string[] = [];
    const pending = [...kept];
    const steps = question.entries === 'next-steps';
    let asked = 0;
    for (;;) {
      const before = pending.shift();
      const label = asked === 0 ? `${message} ${chalk.dim(steps ? `(${NEXT_STEP_FORMAT}; empty line ends)` : '(empty line ends)')}` : chalk.dim(joinWith === undefined ? `  ${entries.length + 1}.` : '  ...');
      asked += 1;
      const validate = (value: string): true | string => {
        if (value.trim() === '') return before === undefined && entries.length === 0 && question.required ? 'This answer is required.' : true;
        return steps && splitNextStep(value) === undefined ? `Write it as ${NEXT_STEP_FORMAT}.` : true;
      };
      const entry = before === undefined ? await textPrompt({ message: label, help, validate, theme: look, columns: streams.columns }, context) : await edit(label, before, validate, 'this entry');
      if (entry.trim() === '') {
        if (before === undefined) break;
        continue;
      }
      // Editing, an entry refused comes back on its line to be put right.
      const again = (): void => {
        if (before !== undefined) pending.unshift(entry);
      };
      const step = steps ? splitNextStep(entry) : undefined;
      if (step && !isIsoDateShape(step.due) && streams.today !== undefined) {
        const read = await readSpokenDate(step.due, streams.today);
        if (!read.ok) {
          refuse(`The due date ${safe(read.message)}.`);
          again();
          continue;
        }
        streams.output.write(`${chalk.dim(`  = due ${describeDate(read.date)} (${read.date})`)}\n`);
        entries.push(joinNextStep({ ...step, due: read.date }));
        continue;
      }
      const problem = step ? nextStepProblem(entry) : undefined;
      if (problem !== undefined) {
        refuse(`This entry ${safe(problem.replace(/^"[^"]*"(: )?/, ''))}.`);
        again();
        continue;
      }
      entries.push(entry);
    }
    const result = coerceAnswer(question, joinWith === undefined ? entries : entries.join(joinWith));
    return result.ok ? result.value : undefined;
  };

  /** Enter opens the editor on a template; a line typed instead is the answer, for short ones. */
  const inEditor = async (question: Question, message: string, editor: EditorLaunch, previous: AnswerValue | undefined): Promise<AnswerValue | undefined> => {
    let current = previous !== undefined ? String(previous) : question.default === undefined ? '' : String(question.default);
    for (;;) {
      const typedInstead = await textPrompt({ message: `${message} ${chalk.dim('(enter opens your editor, or type a short answer)')}`, theme: look, columns: streams.columns }, context);
      if (typedInstead.trim() !== '') return coerceAnswer(question, typedInstead).ok ? typedInstead : undefined;
      const edited = await editInEditor(editor, editorTemplate(safe(question.prompt), question.why && safe(question.why), current), streams.signal);
      if (!edited.ok) {
        streams.output.write(`${chalk.yellow(wrapText(`${edited.reason}; type the answer instead.`, width))}\n`);
        return lines(question, message, '\n', undefined, keptLines(previous));
      }
      const result = coerceAnswer(question, edited.text);
      if (result.ok) {
        streams.output.write(`${chalk.dim(wrapText(safe(edited.text), width, '  '))}\n`);
        return result.value;
      }
      current = edited.text;
      refuse(`This answer ${safe(result.message)}.`);
    }
  };

  /**
   * What Tab shows while typing: the step's guidance, which may have scrolled away, made safe.
   * Not the why: `ask` prints it on the line just above the prompt, so it would only repeat it.
   * A question with no guidance (the meeting's own questions) offers no Tab at all.
   */
  const helpFor = (guidance: string | undefined): string | undefined => {
    const text = guidance?.trim();
    return text ? wrapMarkdown(safe(text), width, '  ') : undefined;
  };

  /** A review changing an answer opens on it: the choice picked, the words or entries given. */
  const askOne = async (question: Question, guidance: string | undefined, previous: AnswerValue | undefined): Promise<AnswerValue | undefined> => {
    const message = `${safe(question.prompt)}${hint(question, streams.today !== undefined)}`;
    const help = helpFor(guidance);
    const preselect = previous ?? question.default;
    switch (question.type) {
      case 'confirm': {
        const preset = preselect === undefined ? undefined : coerceAnswer(question, preselect);
        const fallback = preset?.ok && typeof preset.value === 'boolean' ? preset.value : undefined;
        return confirm({ message, default: fallback, theme: themeWithAnswerFitted(look, chalk, streams.columns, message) }, context);
      }
      case 'select': {
        const choices = (question.choices ?? []).map((choice) => ({ value: choiceValue(choice), name: safe(choiceLabel(choice)) }));
        const skip = question.required ? [] : [{ value: '', name: chalk.dim('(skip)') }];
        const picked = await select(
          {
            message,
            choices: fittedChoices([...choices, ...skip], streams.columns, SELECT_GUTTER),
            default: preselect === undefined ? undefined : String(preselect),
            theme: themeWithAnswerFitted(selectTheme(chalk, streams.columns), chalk, streams.columns, message),
          },
          context,
        );
        return picked === '' ? undefined : picked;
      }
      case 'multi': {
        const preset = new Set(Array.isArray(preselect) ? preselect : []);
        const picked = await checkbox(
          {
            message,
            choices: fittedChoices(
              (question.choices ?? []).map((choice) => ({ value: choiceValue(choice), name: safe(choiceLabel(choice)), checked: preset.has(choiceValue(choice)) })),
              streams.columns,
              MULTI_GUTTER,
            ),
            required: question.required,
            theme: themeWithAnswerFitted(look, chalk, streams.columns, message),
          },
          context,
        );
        return picked.length === 0 ? undefined : picked;
      }
      case 'list':
        return lines(question, message, undefined, help, Array.isArray(previous) ? previous : []);
      case 'long':
        return streams.editor ? inEditor(question, message, streams.editor, previous) : lines(question, message, '\n', help, keptLines(previous));
      case 'date':
        return streams.today === undefined ? typed(question, message, help, previous) : dated(question, message, help, streams.today, previous);
      case 'text':
      case 'number':
      case 'scale':
        return typed(question, message, help, previous);
    }
  };

  /** What a check says about the words, and the better way, as a coach would say it. */
  const showFinding = (finding: CheckFinding): void => {
    const words = finding.found.length > 0 ? `${finding.found.map((text) => `"${text}"`).join(', ')}: ` : '';
    streams.output.write(`${wrapText(`${chalk.yellow.bold('Coach:')} ${safe(words)}${safe(finding.message)}`, width, '  ')}\n`);
    streams.output.write(`${chalk.dim(wrapText(`Better: ${safe(finding.better)}`, width, '    '))}\n`);
  };

  /**
   * After a free-text answer, its checks: each finding with its better way, then one chance to
   * say it again. Never blocking: Enter keeps the words as they are.
   */
  const coached = async (question: Question, answer: AnswerValue | undefined): Promise<AnswerValue | undefined> => {
    const checks = question.checks;
    if (!checks) return answer;
    let current = answer;
    for (;;) {
      if (typeof current !== 'string') return current;
      const findings = checkAnswer(question, current, await detectorsFor(detectorsNeeded(checks)));
      if (findings.length === 0) return current;
      findings.forEach(showFinding);
      const again = await textPrompt(
        { message: chalk.dim('Say it another way, or press Enter to keep your words:'), validate: (value: string) => value.trim() === '' || validator(question)(value), theme: look, columns: streams.columns },
        context,
      );
      if (again.trim() === '') return current;
      const result = coerceAnswer(question, again);
      if (!result.ok) return current;
      current = result.value;
    }
  };

  return {
    async ask({ question: asked, step, previous, carried }: AskRequest): Promise<AnswerValue | undefined> {
      // Last time's answer is offered, never taken: it becomes the default Enter keeps.
      const question = carried === undefined || Array.isArray(carried) ? asked : { ...asked, default: carried };
      if (question.why) streams.output.write(`${chalk.dim.italic(wrapText(safe(question.why), width, '  '))}\n`);
      if (question !== asked) streams.output.write(`${chalk.dim(wrapText('Your answer last time is the default: Enter keeps it, or type a new one.', width, '  '))}\n`);
      try {
        return await coached(question, await askOne(question, step.guidance, previous));
      } catch (error) {
        if (isPromptExit(error)) throw new InterruptedError();
        throw error;
      }
    },
  };
}

/**
 * A single choice from a list, for pickers that are not playbook questions. `clearWhenDone`: a
 * menu that leaves no "✔ message choice" line behind (the review, whose rows would only repeat).
 */
export async function pickOne(
  streams: TerminalStreams,
  chalk: ChalkInstance,
  message: string,
  choices: { value: string; name: string; description?: string | undefined }[],
  preselected?: string,
  options: { clearWhenDone?: boolean } = {},
): Promise<string> {
  try {
    return await select(
      {
        message,
        choices: fittedChoices(
          choices.map((choice) => ({ ...choice, name: safe(choice.name), description: choice.description && safe(choice.description) })),
          streams.columns,
          SELECT_GUTTER,
        ),
        default: preselected,
        theme: themeWithAnswerFitted(selectTheme(chalk, streams.columns), chalk, streams.columns, message),
      },
      { input: streams.input, output: streams.output, signal: streams.signal, clearPromptOnDone: options.clearWhenDone === true },
    );
  } catch (error) {
    if (isPromptExit(error)) throw new InterruptedError();
    throw error;
  }
}
