/** The options of `coach history`, declared apart from the command so cli.ts loads only commander. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { calendarDateProblem, isIsoDateShape } from '../../core/session/calendar-date.js';
import { notesDirOption } from './shared-options.js';

/** A date written as YYYY-MM-DD that is on the calendar: 2026-02-30 is told that February has 28 days, not that the format is wrong. */
function sinceDate(value: string): string {
  if (!isIsoDateShape(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD.');
  const problem = calendarDateProblem(value);
  if (problem !== undefined) throw new InvalidArgumentError(`${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`);
  return value;
}

function positiveCount(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return Number(value);
}

export function withHistoryOptions(command: Command): Command {
  return command
    .option('--customer <text>', 'only meetings whose customer contains this text (any case)')
    .option('--playbook <id>', 'only sessions with this playbook')
    .addOption(new Option('--kind <kind>', 'only preps or only debriefs').choices(['prep', 'debrief']))
    .option('--since <YYYY-MM-DD>', 'only meetings on or after this date', sinceDate)
    .option('--open', 'only preps that have no debrief yet')
    .option('-n, --limit <n>', 'at most this many sessions, newest first', positiveCount)
    .option('--json', 'print a JSON array for other tools')
    .addOption(notesDirOption());
}

export interface HistoryOptions {
  customer?: string | undefined;
  playbook?: string | undefined;
  kind?: 'prep' | 'debrief' | undefined;
  since?: string | undefined;
  open?: true | undefined;
  limit?: number | undefined;
  json?: true | undefined;
  notesDir?: string | undefined;
}
