/**
 * Inquirer's text input, plus help on demand: Tab shows the step's guidance and the question's
 * why again below the prompt (and hides them), without touching what has been typed. Built on
 * @inquirer/core like the stock prompts, so it behaves the same everywhere else. Once answered,
 * an answer that does not fit on the question's line goes below it, wrapped between words, and
 * the default and Tab hint go on the next row when the question's last row cannot hold them:
 * Inquirer breaks a line at the terminal's edge wherever it falls, inside a word.
 */
import { createPrompt, isBackspaceKey, isEnterKey, isTabKey, makeTheme, useKeypress, usePrefix, useState, type Theme } from '@inquirer/core';
import type { PartialDeep } from '@inquirer/type';
import { visibleLength } from '../terminal/fit.js';
import { sanitizeForTerminal as safe } from '../terminal/sanitize.js';
import { wrapText } from '../terminal/wrap.js';

export interface TextPromptConfig {
  message: string;
  default?: string | undefined;
  /** Shown below the prompt while the user asks for it; the prompt offers Tab only when there is some. */
  help?: string | undefined;
  validate?: (value: string) => true | string;
  theme?: PartialDeep<Theme> | undefined;
  /** The terminal's width, when known. */
  columns?: number | undefined;
}

export const textPrompt = createPrompt<string, TextPromptConfig>((config, done) => {
  const theme = makeTheme(config.theme);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [value, setValue] = useState('');
  const [defaultValue, setDefaultValue] = useState(config.default ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  const [showHelp, setShowHelp] = useState(false);
  const prefix = usePrefix({ status, theme });

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      const answer = value || defaultValue;
      const verdict = config.validate ? config.validate(answer) : true;
      if (verdict === true) {
        setValue(answer);
        setStatus('done');
        done(answer);
      } else {
        // The line is cleared on enter; put the text back so it can be fixed, not retyped.
        rl.write(value);
        setError(verdict);
      }
    } else if (isTabKey(key)) {
      // Readline has inserted a tab: remove it and keep exactly what was typed.
      rl.clearLine(0);
      rl.write(value);
      if (config.help) setShowHelp(!showHelp);
    } else if (isBackspaceKey(key) && !value) {
      setDefaultValue('');
    } else {
      setValue(rl.line);
      setError(undefined);
    }
  });

  const message = theme.style.message(config.message, status);
  const shown = status === 'done' ? theme.style.answer(value) : value;
  const fallback = defaultValue && status !== 'done' && !value ? theme.style.defaultAnswer(defaultValue) : undefined;
  const hint = config.help && status !== 'done' && !value && !showHelp ? theme.style.help('(tab: help)') : undefined;
  let line = [withRoomFor(`${prefix} ${message}`, [fallback, hint], config.columns), shown].filter((part) => part !== undefined && part !== '').join(' ');
  if (status === 'done' && value !== '' && config.columns !== undefined && visibleLength(line.slice(line.lastIndexOf('\n') + 1)) > config.columns) {
    const rows = wrapText(safe(value), config.columns, '  ').split('\n');
    line = `${prefix} ${message}\n${rows.map((row) => theme.style.answer(row)).join('\n')}`;
  }
  const below = [error ? theme.style.error(error) : '', showHelp && status !== 'done' ? theme.style.help(config.help ?? '') : ''].filter((part) => part !== '').join('\n');
  return [line, below];
});

/**
 * The question, then the default and the Tab hint, each on the question's last row while it has
 * room for it (and for the cursor after it), else on a row of its own: Inquirer breaks a row at the
 * terminal's edge wherever it falls, so a hint past it showed as "(t" and "ab: help)".
 */
function withRoomFor(question: string, after: readonly (string | undefined)[], columns: number | undefined): string {
  let text = question;
  for (const part of after) {
    if (part === undefined || part === '') continue;
    const lastRow = text.slice(text.lastIndexOf('\n') + 1);
    text += columns !== undefined && visibleLength(lastRow) + 1 + visibleLength(part) >= columns ? `\n${part}` : ` ${part}`;
  }
  return text;
}
