import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { Question } from '../../src/core/playbook/schema.js';
import { inquirerPrompter } from '../../src/prompters/inquirer.js';
import { answerFromTemplate, editorTemplate, SCISSORS } from '../../src/terminal/editor.js';
import { repoPath } from '../helpers/playbooks.js';
import { FakeTerminal } from '../helpers/run-cli.js';

const question = Question.parse({ id: 'story', type: 'long', prompt: 'What happened, in their words?', why: 'Their words, not yours.' });
const step = { id: 's', title: 'S', number: 1, total: 1 };

function askWithEditor(command: string) {
  const terminal = new FakeTerminal();
  const prompter = inquirerPrompter({ input: terminal.input, output: terminal.screen, editor: { command, stdio: ['ignore', 'ignore', 'ignore'] } }, new Chalk({ level: 0 }));
  return { terminal, answer: prompter.ask({ question, step }) };
}

describe('long answers in an editor', () => {
  it('the template carries the prompt and why below the scissors line, which are dropped', () => {
    const template = editorTemplate('What happened?', 'Their words.', 'draft');
    expect(template).toBe(`draft\n\n${SCISSORS}\n# Write your answer above this line; everything from the line above down is ignored.\n# What happened?\n# Their words.\n`);
    expect(answerFromTemplate(`My answer\n# a heading the user wrote\n\n${template}`)).toBe('My answer\n# a heading the user wrote\n\ndraft');
  });

  it('enter opens $EDITOR and what the user wrote above the template is the answer', async () => {
    const { terminal, answer } = askWithEditor(repoPath('tests/fixtures/editors/writes-answer.sh'));
    await terminal.answer('enter opens your editor', '');
    await expect(answer).resolves.toBe('They lost a month of production.\nThey want a named owner.');
  });

  it('a short answer can be typed instead of opening the editor', async () => {
    const { terminal, answer } = askWithEditor(repoPath('tests/fixtures/editors/fails.sh'));
    await terminal.answer('enter opens your editor', 'one line is enough');
    await expect(answer).resolves.toBe('one line is enough');
  });

  it('an editor that fails falls back to typing the answer in the terminal', async () => {
    const { terminal, answer } = askWithEditor(repoPath('tests/fixtures/editors/fails.sh'));
    await terminal.answer('enter opens your editor', '');
    // Wrapped between words at the terminal's 80 columns, as every line under a prompt is: where
    // the rows break depends on the length of the checkout's path, so any space may be a new row.
    await terminal.waitFor(/exited\s+with\s+code\s+3;\s+type\s+the\s+answer\s+instead\./);
    await terminal.answer('(empty line ends)', 'typed after all');
    await terminal.answer('...', '');
    await expect(answer).resolves.toBe('typed after all');
  });
});

describe('the editor and the session end together', () => {
  it('an abort (SIGTERM, SIGHUP) ends the editor instead of leaving it running', async () => {
    const controller = new AbortController();
    const { editInEditor } = await import('../../src/terminal/editor.js');
    const editing = editInEditor({ command: repoPath('tests/fixtures/editors/hangs.sh'), stdio: 'ignore' }, 'template', controller.signal);
    setTimeout(() => controller.abort(), 100);
    // The editor never exits by itself (it sleeps 30 s, longer than the test's timeout): the
    // edit resolves only if the abort ended it.
    const result = await editing;
    expect(result.ok).toBe(false);
  });
});
