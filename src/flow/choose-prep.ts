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
import { localToday } from '../io.js';

/** How many preps the picker offers: the recent ones are the ones still worth debriefing. */
const PICKER_SIZE = 30;

const noPrepHint = 'run coach prep first, or debrief a meeting you did not prepare with --playbook <id>';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The preps, the one saved most recently first: by `created`, not by the meeting's date (a prep
 * for next week's meeting saved yesterday is not the one just prepared). The index's order (by
 * meeting date) breaks ties and places notes without `created` last.
 */
function prepsBySaving(notes: readonly NoteSummary[]): NoteSummary[] {
  return notes.filter((note) => note.kind === 'prep').sort((a, b) => compare(b.created ?? '', a.created ?? ''));
}

async function readPreps(context: CommandContext): Promise<{ preps: NoteSummary[]; debriefed: Set<string> }> {
  const notes = await readNotesIndex(context.notesDir, warnSkipped(context.io), { cacheDir: context.cacheDir });
  return { preps: prepsBySaving(notes), debriefed: debriefedPreps(notes) };
}

/** `coach card` with no argument: the prep saved most recently, debriefed or not. */
export async function newestPrep(context: CommandContext): Promise<string> {
  const [newest] = (await readPreps(context)).preps;
  if (!newest) throw new UsageError(`no saved preps in ${context.notesDir}; ${noPrepHint}`);
  return newest.path;
}

/**
 * `coach debrief --last`: the prep saved most recently that has no debrief yet, among those whose
 * meeting is today or before (one prepared tonight for Friday has not happened yet; the meeting
 * of this morning has). When a newer prep is passed over, `say` tells the person which prep they
 * get instead and why; when every open prep is for a meeting still to come, it takes the newest
 * and says so; when every prep is debriefed, it refuses and names the way to add another debrief on purpose.
 */
export async function newestOpenPrep(context: CommandContext, say: (line: string) => void): Promise<string> {
  const { preps, debriefed } = await readPreps(context);
  const [newest] = preps;
  if (!newest) throw new UsageError(`no saved preps in ${context.notesDir}; ${noPrepHint}`);
  const open = preps.filter((note) => !debriefed.has(note.id));
  const today = localToday(context.io);
  const held = open.find((note) => !stillToCome(note, today));
  const chosen = held ?? open[0];
  if (!chosen) {
    throw new UsageError(`every saved prep is already debriefed, the newest is ${newest.id}; to add another debrief of it: coach debrief ${newest.id} --again`);
  }
  if (stillToCome(chosen, today)) say(`${chosen.id} is for a meeting still to come (${chosen.date}); debriefing it all the same`);
  else if (chosen !== newest) {
    const why = debriefed.has(newest.id) ? 'is already debriefed' : `is for a meeting still to come (${newest.date})`;
    say(`the newest prep, ${newest.id}, ${why}; debriefing ${chosen.id}`);
  }
  return chosen.path;
}

/** A prep for a meeting after today (the user's own day): there is nothing to debrief yet. */
const stillToCome = (note: NoteSummary, today: string): boolean => note.date > today;

/** The ids of the debriefs of one prep, oldest first. */
export async function debriefsOfPrep(prepId: string, context: CommandContext): Promise<string[]> {
  const notes = await readNotesIndex(context.notesDir, warnSkipped(context.io), { cacheDir: context.cacheDir });
  return notes.filter((note) => note.kind === 'debrief' && note.prep === prepId).map((note) => note.id).reverse();
}

/** The preps still waiting for a debrief, the one saved most recently first. */
function openPreps(notes: readonly NoteSummary[]): { open: NoteSummary[]; debriefed: number } {
  const debriefed = debriefedPreps(notes);
  const preps = prepsBySaving(notes);
  const open = preps.filter((note) => !debriefed.has(note.id));
  return { open, debriefed: preps.length - open.length };
}

export async function choosePrep(options: SessionOptions, context: CommandContext, chalk: ChalkInstance): Promise<string> {
  const { io, notesDir } = context;
  if (!canPrompt(options, io)) {
    throw new UsageError(
      'name the prep to debrief: coach debrief <session> (ids: coach history --open), or --last for the newest; --playbook <id> debriefs a meeting without a prep',
    );
  }
  const { open, debriefed } = openPreps(await readNotesIndex(notesDir, warnSkipped(io), { cacheDir: context.cacheDir }));
  const waiting = open.slice(0, PICKER_SIZE);
  const skipped = debriefed === 0 ? undefined : `${debriefed === 1 ? '1 prep' : `${debriefed} preps`} already debriefed`;
  const again = 'to add another debrief of one: coach debrief <session> --again';
  if (waiting.length === 0) throw new UsageError(`no preps are waiting for a debrief in ${notesDir}${skipped ? ` (${skipped}; ${again})` : ''}; ${noPrepHint}`);
  if (skipped) io.stderr.write(`coach: ${skipped} ${debriefed === 1 ? 'is' : 'are'} not listed; ${again}\n`);
  const { pickOne } = await import('../prompters/inquirer.js');
  // A meeting still to come is listed (its date may have been a guess) but marked, and the cursor
  // starts on the newest one that has happened.
  const today = localToday(io);
  const id = await pickOne(
    terminalStreams(io),
    chalk,
    'Which meeting are you debriefing?',
    waiting.map((note) => ({
      value: note.id,
      name: oneLine(`${note.date}  ${note.customer}${note.title ? ` - ${note.title}` : ''}  (${note.playbook})${stillToCome(note, today) ? '  still to come' : ''}`),
      description: note.id,
    })),
    waiting.find((note) => !stillToCome(note, today))?.id,
  );
  const chosen = waiting.find((note) => note.id === id);
  if (!chosen) throw new Error(`picked an unknown prep ${id}`);
  return chosen.path;
}
