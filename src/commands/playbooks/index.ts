/**
 * `coach playbooks ...`: list, show, validate, schema, new. Declared here so cli.ts adds the
 * family in one line; like every command, each action imports its module only when it runs.
 */
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import type { PlaybooksListOptions } from './list.js';
import type { PlaybooksNewOptions } from './new.js';
import type { PlaybooksShowOptions } from './show.js';
import type { PlaybooksValidateOptions } from './validate.js';
import { playbooksOption } from '../options/shared-options.js';

type RunAction = (action: (context: CommandContext) => Promise<void>, command: Command) => Promise<void>;

export function addPlaybooksCommands(program: Command, runAction: RunAction): void {
  const playbooks = program
    .command('playbooks')
    .description('list, show and check playbooks, or start writing your own')
    .addHelpText(
      'after',
      '\nPlaybooks come from: built-in, then your user directory, then each directory in\n' +
        'COACH_PLAYBOOKS_PATH, then --playbooks <dir>; a later one replaces an earlier one with the same id.\n',
    );

  playbooks
    .command('list', { isDefault: true })
    .description('every playbook found: id, source, title and when to use it (the default)')
    .option('--json', 'print the list as JSON')
    .addOption(playbooksOption())
    .action(async (options: PlaybooksListOptions, command: Command) =>
      runAction(async (context) => (await import('./list.js')).playbooksListCommand(options, context), command),
    );

  playbooks
    .command('show')
    .argument('<playbook>', 'a playbook id or a path to a .yaml file')
    .description('the playbook as a guide: steps, guidance, questions and what the flags watch for')
    .option('--markdown', 'print it as a Markdown cheat sheet')
    .addOption(playbooksOption())
    .action(async (playbook: string, options: PlaybooksShowOptions, command: Command) =>
      runAction(async (context) => (await import('./show.js')).playbooksShowCommand(playbook, options, context), command),
    );

  playbooks
    .command('validate')
    .argument('<file...>', 'playbook files (or ids) to check')
    .description('check playbooks: every problem as file:line:col: message; exit 3 if any is invalid')
    .option('--json', 'print the results as JSON, for editors and CI')
    .addOption(playbooksOption())
    .action(async (files: string[], options: PlaybooksValidateOptions, command: Command) =>
      runAction(async (context) => (await import('./validate.js')).playbooksValidateCommand(files, options, context), command),
    );

  playbooks
    .command('schema')
    .description('print the JSON Schema of the playbook format, for editors')
    .action(async (_options: unknown, command: Command) =>
      runAction(async (context) => (await import('./schema.js')).playbooksSchemaCommand(context), command),
    );

  playbooks
    .command('new')
    .argument('<id>', 'the new playbook id, kebab-case (for example: renewal-call)')
    .description('write a commented starter playbook into your playbook directory (never overwrites)')
    .option('--dir <dir>', 'write it into this directory instead (a team checkout, for example)')
    .action(async (id: string, options: PlaybooksNewOptions, command: Command) =>
      runAction(async (context) => (await import('./new.js')).playbooksNewCommand(id, options, context), command),
    );
}
