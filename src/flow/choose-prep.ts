/** Which saved prep a debrief reflects on, when the command line does not name one. */
import type { ChalkInstance } from 'chalk';
import { terminalStreams } from '../terminal/terminal-streams.js';
import { UsageError } from '../errors.js';
import { debriefedPreps, readNotesIndex, type NoteSummary } from '../store/notes/notes-index.js';
import type { CommandContext } from '../commands/command-context.js';
import { canPrompt } from './run-session.js';
import type { SessionOptions } from '../commands/options/session-options.js';
import { warnSkipped } from './skipped-note-warning.js';
import { oneLine } from '../core/text/text-lines.js';

/** How many preps the picker offers: the recent ones are the ones still worth debriefing. */
const PICKER_SIZE = 30;

const noPrepHint = 'run coach prep first, or debrief a meeting you did not prepare with --playbook <id>';

/** `--last`: the newest prep, debriefed or not, in the order `coach history` lists them. */
export async function newestPrep(context: CommandContext): Promise<string> {
  const { notesDir } = context;
  const notes = await readNotesIndex(notesDir, warnSkipped(context.io), { cacheDir: context.cacheDir });
  const newest = notes.find((note) => note.kind === 'prep');
  if (!newest) throw new UsageError(`no saved preps in ${notesDir}; ${noPrepHint}`);
  return newest.path;
}

/** The preps still waiting for a debrief, newest first. */
function openPreps(notes: readonly NoteSummary[]): NoteSummary[] {
  const debriefed = debriefedPreps(notes);
  return notes.filter((note) => note.kind === 'prep' && !debriefed.has(note.id));
}

export async function choosePrep(options: SessionOptions, context: CommandContext, chalk: ChalkInstance): Promise<string> {
  const { io, notesDir } = context;
  if (!canPrompt(options, io)) {
    throw new UsageError(
      'name the prep to debrief: coach debrief <session> (ids: coach history --open), or --last for the newest; --playbook <id> debriefs a meeting without a prep',
    );
  }
  const waiting = openPreps(await readNotesIndex(notesDir, warnSkipped(io), { cacheDir: context.cacheDir })).slice(0, PICKER_SIZE);
  if (waiting.length === 0) throw new UsageError(`no preps are waiting for a debrief in ${notesDir}; ${noPrepHint}`);
  const { pickOne } = await import('../prompters/inquirer.js');
  const id = await pickOne(
    terminalStreams(io),
    chalk,
    'Which meeting are you debriefing?',
    waiting.map((note) => ({
      value: note.id,
      name: oneLine(`${note.date}  ${note.customer}${note.title ? ` - ${note.title}` : ''}  (${note.playbook})`),
      description: note.id,
    })),
  );
  const chosen = waiting.find((note) => note.id === id);
  if (!chosen) throw new Error(`picked an unknown prep ${id}`);
  return chosen.path;
}
