/** `coach prep [playbook]`: get ready for a meeting with one playbook's prep walk. */
import type { ChalkInstance } from 'chalk';
import type { Answers } from '../core/session/answers.js';
import { recommendPlaybook, triageStep, type Recommendation } from '../core/session/triage.js';
import { walkPlaybook } from '../core/session/walk.js';
import { UsageError } from '../errors.js';
import { localToday, type Io } from '../io.js';
import { listPlaybooks, loadPlaybook, type LoadedPlaybook, type PlaybookShelf } from '../store/playbooks/playbook-library.js';
import { createSessionView } from '../terminal/session-view.js';
import { terminalStreams } from '../terminal/terminal-streams.js';
import type { CommandContext } from './command-context.js';
import type { InviteFill } from '../core/calendar/invite-answers.js';
import { sanitizeForTerminal as safe } from '../terminal/sanitize.js';
import { canPrompt, runSession } from '../flow/run-session.js';
import { lastTimeFinder } from '../flow/customer-notes.js';
import type { SessionOptions } from './options/session-options.js';

export interface PrepOptions extends SessionOptions {
  /** A calendar invitation (.ics) whose title, date, attendees and customer fill the meeting's answers. */
  ics?: string | undefined;
}

/** `invite`: a meeting already read from a calendar (`coach upcoming` starts its prep). */
export async function prepCommand(playbookArg: string | undefined, options: PrepOptions, context: CommandContext, invite?: InviteFill): Promise<void> {
  const { io } = context;
  const chalk = await context.colour();
  const fill = invite ?? (options.ics === undefined ? undefined : await inviteFor(options.ics, options, context, chalk));
  for (const line of fill?.shown ?? []) io.stderr.write(`coach: ${safe(line)}\n`);
  const loaded = playbookArg !== undefined ? await loadPlaybook(playbookArg, context.playbooks) : await choosePlaybook(options, io, chalk, context.playbooks);
  await runSession({ loaded, phase: 'prep', options, io, chalk, notesDir: context.notesDir, lastTime: lastTimeFinder(context), invite: fill });
}

async function inviteFor(path: string, options: PrepOptions, context: CommandContext, chalk: ChalkInstance): Promise<InviteFill> {
  const { fillFromInvite } = await import('../flow/invite-prep.js');
  return fillFromInvite(path, context.io, chalk, canPrompt(options, context.io), { dir: context.notesDir, cacheDir: context.cacheDir });
}

/** With no playbook named: ask about the situation, recommend a method, then let the user pick. */
async function choosePlaybook(options: SessionOptions, io: Io, chalk: ChalkInstance, shelf: PlaybookShelf): Promise<LoadedPlaybook> {
  const listed = await listPlaybooks(shelf);
  const usable = listed.filter((entry): entry is LoadedPlaybook & { error?: undefined } => entry.error === undefined);
  if (!canPrompt(options, io)) {
    throw new UsageError(`name a playbook: coach prep <playbook> (available: ${usable.map((entry) => entry.playbook.id).join(', ')})`);
  }
  const inquirer = await import('../prompters/inquirer.js');
  const streams = terminalStreams(io);
  const recommendation = await triage(inquirer.inquirerPrompter(streams, chalk), io, chalk);
  const recommended = usable.some((entry) => entry.playbook.id === recommendation.playbook) ? recommendation.playbook : undefined;
  if (recommended) {
    const view = createSessionView(io.stderr, chalk, io.stderr.columns);
    view.line();
    view.labelled(chalk.bold('Recommended:'), `${recommended} - ${recommendation.reason}`);
    view.line();
  }
  const id = await inquirer.pickOne(
    streams,
    chalk,
    'Which playbook fits this meeting?',
    usable.map((entry) => ({
      value: entry.playbook.id,
      name: `${entry.playbook.title}${entry.playbook.id === recommended ? ' (recommended)' : ''}`,
      description: entry.playbook.when_to_use ?? entry.playbook.summary,
    })),
    recommended,
  );
  const chosen = usable.find((entry) => entry.playbook.id === id);
  if (!chosen) throw new Error(`picked an unknown playbook ${id}`);
  return chosen;
}

/** The triage questions go through the same walk and prompter as any playbook. */
async function triage(prompter: Parameters<typeof walkPlaybook>[0]['prompter'], io: Io, chalk: ChalkInstance): Promise<Recommendation> {
  const view = createSessionView(io.stderr, chalk, io.stderr.columns);
  const result = await walkPlaybook({
    playbook: {
      id: 'triage',
      title: triageStep.title,
      summary: 'Recommends a playbook.',
      source: 'coach',
      tags: [],
      prep: { steps: [triageStep], flags: [], scores: [] },
    },
    phase: 'prep',
    prompter,
    today: localToday(io),
    context: { customer: '', date: localToday(io) },
    onEvent: (event) => (event.type === 'step' ? view.line(`\n${chalk.bold(event.title)}`) : undefined),
  });
  return recommendPlaybook(result.answers as Answers);
}
