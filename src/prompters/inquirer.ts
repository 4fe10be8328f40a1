/**
 * The interactive prompter: with text-prompt.ts (its text input), the only modules that import
 * @inquirer/*. Prompts draw on stderr so stdout carries only the note (`coach prep > note.md`
 * keeps the prompts visible). Every typed answer is checked by coerceAnswer, the same check
 * supplied answers get.
 */
import { checkbox, confirm, select } from '@inquirer/prompts';
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
import { sanitizeForTerminal as safe } from '../terminal/sanitize.js';
import { wrapMarkdown, wrapText } from '../terminal/wrap.js';
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

function theme(chalk: ChalkInstance) {
  return {
    prefix: { idle: chalk.blue('?'), done: chalk.green('✔') },
    style: {
      // Defaults come from the playbook and answers can be pre-filled from them: data, so made safe.
      answer: (text: string) => chalk.cyan(safe(text)),
      message: (text: string) => chalk.bold(text),
      error: (text: string) => chalk.red(`> ${text}`),
      defaultAnswer: (text: string) => chalk.dim(`(${safe(text)})`),
      help: (text: string) => chalk.dim(text),
      highlight: (text: string) => chalk.cyan(text),
      key: (text: string) => chalk.cyan.bold(`<${text}>`),
    },
  };
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

/** Inquirer rejects with these when the user presses Ctrl-C or Ctrl-D, or the signal aborts. */
function isPromptExit(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}

export function inquirerPrompter(streams: TerminalStreams, chalk: ChalkInstance): Prompter {
  const context = { input: streams.input, output: streams.output, signal: streams.signal };
  const look = theme(chalk);
  const width = Math.min(streams.columns ?? 80, 100);

  const validator = (question: Question) => (value: string) => {
    const result = coerceAnswer(question, value);
    return result.ok ? true : `This answer ${result.message}.`;
  };

  /** Free text, numbers and dates: typed, then checked and converted by coerceAnswer. */
  const typed = async (question: Question, message: string, help: string | undefined): Promise<AnswerValue | undefined> => {
    const fallback = question.default === undefined ? undefined : String(question.default);
    const text = await textPrompt({ message, default: fallback, help, validate: validator(question), theme: look }, context);
    const result = coerceAnswer(question, text);
    return result.ok ? result.value : undefined;
  };

  /**
   * A date, as YYYY-MM-DD or as people say it: a said date passes the prompt's check and is read
   * after it (the date library loads only then), echoed as the day it names, or refused with why
   * and asked again.
   */
  const dated = async (question: Question, message: string, help: string | undefined, today: string): Promise<AnswerValue | undefined> => {
    const fallback = question.default === undefined ? undefined : String(question.default);
    const validate = (value: string) => {
      const said = value.trim();
      return said !== '' && !isIsoDateShape(said) ? true : validator(question)(value);
    };
    for (;;) {
      const text = await textPrompt({ message, default: fallback, help, validate, theme: look }, context);
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
      streams.output.write(`${chalk.red(`> This answer ${safe(read.message)}.`)}\n`);
    }
  };

  /** Several lines or entries: one prompt per line, an empty line ends it. */
  const lines = async (question: Question, message: string, joinWith: string | undefined, help?: string): Promise<AnswerValue | undefined> => {
    const entries: string[] = [];
    const steps = question.entries === 'next-steps';
    for (;;) {
      const first = entries.length === 0;
      const entry = await textPrompt(
        {
          message: first ? `${message} ${chalk.dim(steps ? `(${NEXT_STEP_FORMAT}; empty line ends)` : '(empty line ends)')}` : chalk.dim(joinWith === undefined ? `  ${entries.length + 1}.` : '  ...'),
          help,
          validate: (value: string) => {
            if (value.trim() === '') return first && question.required ? 'This answer is required.' : true;
            return steps && splitNextStep(value) === undefined ? `Write it as ${NEXT_STEP_FORMAT}.` : true;
          },
          theme: look,
        },
        context,
      );
      if (entry.trim() === '') break;
      const step = steps ? splitNextStep(entry) : undefined;
      if (step && !isIsoDateShape(step.due) && streams.today !== undefined) {
        const read = await readSpokenDate(step.due, streams.today);
        if (!read.ok) {
          streams.output.write(`${chalk.red(`> The due date ${safe(read.message)}.`)}\n`);
          continue;
        }
        streams.output.write(`${chalk.dim(`  = due ${describeDate(read.date)} (${read.date})`)}\n`);
        entries.push(joinNextStep({ ...step, due: read.date }));
        continue;
      }
      const problem = step ? nextStepProblem(entry) : undefined;
      if (problem !== undefined) {
        streams.output.write(`${chalk.red(`> This entry ${safe(problem.replace(/^"[^"]*"(: )?/, ''))}.`)}\n`);
        continue;
      }
      entries.push(entry);
    }
    const result = coerceAnswer(question, joinWith === undefined ? entries : entries.join(joinWith));
    return result.ok ? result.value : undefined;
  };

  /** Enter opens the editor on a template; a line typed instead is the answer, for short ones. */
  const inEditor = async (question: Question, message: string, editor: EditorLaunch): Promise<AnswerValue | undefined> => {
    let current = question.default === undefined ? '' : String(question.default);
    for (;;) {
      const typedInstead = await textPrompt({ message: `${message} ${chalk.dim('(enter opens your editor, or type a short answer)')}`, theme: look }, context);
      if (typedInstead.trim() !== '') return coerceAnswer(question, typedInstead).ok ? typedInstead : undefined;
      const edited = await editInEditor(editor, editorTemplate(safe(question.prompt), question.why && safe(question.why), current), streams.signal);
      if (!edited.ok) {
        streams.output.write(`${chalk.yellow(edited.reason)}; type the answer instead.\n`);
        return lines(question, message, '\n');
      }
      const result = coerceAnswer(question, edited.text);
      if (result.ok) {
        streams.output.write(`${chalk.dim(wrapText(safe(edited.text), width, '  '))}\n`);
        return result.value;
      }
      current = edited.text;
      streams.output.write(`${chalk.red(`> This answer ${result.message}.`)}\n`);
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

  const askOne = async (question: Question, guidance: string | undefined): Promise<AnswerValue | undefined> => {
    const message = `${safe(question.prompt)}${hint(question, streams.today !== undefined)}`;
    const help = helpFor(guidance);
    switch (question.type) {
      case 'confirm': {
        const preset = question.default === undefined ? undefined : coerceAnswer(question, question.default);
        const fallback = preset?.ok && typeof preset.value === 'boolean' ? preset.value : undefined;
        return confirm({ message, default: fallback, theme: look }, context);
      }
      case 'select': {
        const choices = (question.choices ?? []).map((choice) => ({ value: choiceValue(choice), name: safe(choiceLabel(choice)) }));
        const skip = question.required ? [] : [{ value: '', name: chalk.dim('(skip)') }];
        const picked = await select({ message, choices: [...choices, ...skip], default: question.default === undefined ? undefined : String(question.default), theme: look }, context);
        return picked === '' ? undefined : picked;
      }
      case 'multi': {
        const preset = new Set(Array.isArray(question.default) ? question.default : []);
        const picked = await checkbox(
          {
            message,
            choices: (question.choices ?? []).map((choice) => ({ value: choiceValue(choice), name: safe(choiceLabel(choice)), checked: preset.has(choiceValue(choice)) })),
            required: question.required,
            theme: look,
          },
          context,
        );
        return picked.length === 0 ? undefined : picked;
      }
      case 'list':
        return lines(question, message, undefined, help);
      case 'long':
        return streams.editor ? inEditor(question, message, streams.editor) : lines(question, message, '\n', help);
      case 'date':
        return streams.today === undefined ? typed(question, message, help) : dated(question, message, help, streams.today);
      case 'text':
      case 'number':
      case 'scale':
        return typed(question, message, help);
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
        { message: chalk.dim('Say it another way, or press Enter to keep your words:'), validate: (value: string) => value.trim() === '' || validator(question)(value), theme: look },
        context,
      );
      if (again.trim() === '') return current;
      const result = coerceAnswer(question, again);
      if (!result.ok) return current;
      current = result.value;
    }
  };

  return {
    async ask({ question: asked, step, carried }: AskRequest): Promise<AnswerValue | undefined> {
      // Last time's answer is offered, never taken: it becomes the default Enter keeps.
      const question = carried === undefined || Array.isArray(carried) ? asked : { ...asked, default: carried };
      if (question.why) streams.output.write(`${chalk.dim.italic(wrapText(safe(question.why), width, '  '))}\n`);
      if (question !== asked) streams.output.write(`${chalk.dim(wrapText('Your answer last time is the default: Enter keeps it, or type a new one.', width, '  '))}\n`);
      try {
        return await coached(question, await askOne(question, step.guidance));
      } catch (error) {
        if (isPromptExit(error)) throw new InterruptedError();
        throw error;
      }
    },
  };
}

/** A single choice from a list, for pickers that are not playbook questions. */
export async function pickOne(
  streams: TerminalStreams,
  chalk: ChalkInstance,
  message: string,
  choices: { value: string; name: string; description?: string | undefined }[],
  preselected?: string,
): Promise<string> {
  try {
    return await select(
      {
        message,
        choices: choices.map((choice) => ({ ...choice, name: safe(choice.name), description: choice.description && safe(choice.description) })),
        default: preselected,
        theme: theme(chalk),
      },
      { input: streams.input, output: streams.output, signal: streams.signal },
    );
  } catch (error) {
    if (isPromptExit(error)) throw new InterruptedError();
    throw error;
  }
}
