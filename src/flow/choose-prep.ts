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
 * `coach debrief --last`: the prep saved most recently that has no debrief yet. When a newer one
 * is already debriefed, `say` tells the person which prep they get instead; when every prep is,
 * it refuses and names the way to add another debrief on purpose.
 */
export async function newestOpenPrep(context: CommandContext, say: (line: string) => void): Promise<string> {
  const { preps, debriefed } = await readPreps(context);
  const [newest] = preps;
  if (!newest) throw new UsageError(`no saved preps in ${context.notesDir}; ${noPrepHint}`);
  const open = preps.find((note) => !debriefed.has(note.id));
  if (!open) {
    throw new UsageError(`every saved prep is already debriefed, the newest is ${newest.id}; to add another debrief of it: coach debrief ${newest.id} --again`);
  }
  if (open !== newest) say(`the newest prep, ${newest.id}, is already debriefed; debriefing ${open.id}`);
  return open.path;
}

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
