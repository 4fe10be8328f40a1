/**
 * `coach debrief [session]`: reflect on a meeting with the playbook's debrief walk. With a saved
 * prep it knows the meeting already, can quote the prep (`{{prep.need}}`), and brings back the
 * prep's actions: the ones not done become the debrief's follow-ups. The prep is never modified.
 */
import { dirname, resolve } from 'node:path';
import { carriedActions, carriedActionsSections, DONE_ACTIONS_ID, usesDoneActionsId, withPrepActions } from '../core/session/prep-actions.js';
import { UsageError } from '../errors.js';
import { findSession, readSavedNoteData } from '../store/notes/find-session.js';
import { loadPlaybook, type LoadedPlaybook, type PlaybookShelf } from '../store/playbooks/playbook-library.js';
import { savedPrep, type SavedPrep } from '../store/notes/saved-prep.js';
import type { ChalkInstance } from 'chalk';
import { choosePrep, debriefsOfPrep, newestOpenPrep, newestPrep } from '../flow/choose-prep.js';
import { canPrompt } from '../flow/run-session.js';
import { terminalStreams } from '../terminal/terminal-streams.js';
import type { CommandContext } from './command-context.js';
import { warnSkipped } from '../flow/skipped-note-warning.js';
import { sanitizeForTerminal as safe } from '../terminal/sanitize.js';
import { runSession, type SessionRequest } from '../flow/run-session.js';
import type { SessionOptions } from './options/session-options.js';
import { CONTEXT_IDS } from '../core/playbook/context-ids.js';

export interface DebriefOptions extends SessionOptions {
  last?: true | undefined;
  playbook?: string | undefined;
  /** Debrief a prep that already has a debrief, without being asked. */
  again?: true | undefined;
}

export async function debriefCommand(sessionArg: string | undefined, options: DebriefOptions, context: CommandContext): Promise<void> {
  const { io, notesDir } = context;
  const chalk = await context.colour();
  if (sessionArg !== undefined && options.last) throw new UsageError('give a session or --last, not both');

  // 1. A meeting without a prep: the walk asks who it was with, as a prep would.
  if (options.playbook !== undefined && sessionArg === undefined && !options.last) {
    const loaded = withDebriefWalk(await loadPlaybook(options.playbook, context.playbooks));
    await runSession({ loaded, phase: 'debrief', options, io, chalk, notesDir });
    return;
  }

  // 2. Which prep: named, the newest, or picked from the ones still waiting for a debrief.
  // --last --again is the newest prep whether or not it has a debrief.
  const say = (line: string): void => void io.stderr.write(`coach: ${safe(line)}\n`);
  const prepPath =
    sessionArg !== undefined
      ? await findSession(sessionArg, notesDir, io.cwd, { cacheDir: context.cacheDir, onSkip: warnSkipped(io), kind: 'prep' })
      : options.last
        ? options.again
          ? await newestPrep(context)
          : await newestOpenPrep(context, say)
        : await choosePrep(options, context, chalk);
  const note = await readSavedNoteData(prepPath);
  if (note.header.kind !== 'prep') {
    const its = note.header.prep ? `; debrief its prep instead: coach debrief ${note.header.prep}` : '';
    throw new UsageError(`${note.id} is a debrief, not a prep${its}`);
  }
  // A prep already debriefed gets another debrief only on purpose, as --last and the picker do.
  if (resolve(dirname(prepPath)) === resolve(notesDir)) await confirmAnotherDebrief(note.id, options, context, chalk, say);
  const prep = savedPrep(note);
  for (const id of CONTEXT_IDS) {
    if (options[id] !== undefined) throw new UsageError(`--${id}: a debrief of a saved prep takes the meeting's ${id} from the prep (${prep.id})`);
  }

  // 3. The prep's playbook, with the built-in question about the prep's actions as its last step.
  const loaded = withDebriefWalk(await prepPlaybook(prep, options.playbook, context.playbooks));
  if (prep.carried.length > 0 && usesDoneActionsId(loaded.playbook)) {
    throw new UsageError(`${loaded.path}: the debrief asks a question with the id "${DONE_ACTIONS_ID}", which coach uses for the prep's actions; rename it`);
  }
  await runSession({ ...debriefOfPrep(prep, loaded), phase: 'debrief', options, io, chalk });
}

/**
 * What a session needs to debrief a saved prep, beyond the options: the playbook with the built-in
 * actions question, the meeting, the prep's answers and id, and the carried actions. Exported so
 * that resuming a debrief sets up the same session.
 */
export function debriefOfPrep(prep: SavedPrep, loaded: LoadedPlaybook): Omit<SessionRequest, 'phase' | 'options' | 'io' | 'chalk'> {
  return {
    loaded: { ...loaded, playbook: withPrepActions(loaded.playbook, prep.carried) },
    // Beside the prep, so the pair stays together wherever the prep lives.
    notesDir: dirname(prep.path),
    context: prep.context,
    prepAnswers: prep.answers,
    prepId: prep.id,
    extraSections: (debrief) => {
      if (prep.carried.length === 0) return [];
      // The one hook between the finished walk and the rendered note: record the carried actions
      // in the note's data (its front matter and --format json) as well as in its body.
      debrief.actions = carriedActions(prep.carried, debrief.answers);
      return carriedActionsSections(debrief.actions);
    },
  };
}

async function prepPlaybook(prep: SavedPrep, override: string | undefined, shelf: PlaybookShelf): Promise<LoadedPlaybook> {
  if (override !== undefined) {
    const loaded = await loadPlaybook(override, shelf);
    if (loaded.playbook.id !== prep.playbook) {
      throw new UsageError(`--playbook ${override} is "${loaded.playbook.id}", but ${prep.id} was prepared with "${prep.playbook}"`);
    }
    return loaded;
  }
  try {
    return await loadPlaybook(prep.playbook, shelf);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(`${error.message}\n${prep.id} was prepared with "${prep.playbook}": if that playbook is a file elsewhere, give it with --playbook <file.yaml>`);
  }
}

async function confirmAnotherDebrief(prepId: string, options: DebriefOptions, context: CommandContext, chalk: ChalkInstance, say: (line: string) => void): Promise<void> {
  const earlier = await debriefsOfPrep(prepId, context);
  const last = earlier.at(-1);
  if (last === undefined) return;
  const already = `${prepId} already has ${earlier.length === 1 ? 'a debrief' : `${earlier.length} debriefs`}, ${last}`;
  if (options.again) {
    say(`${already}; adding another (--again)`);
    return;
  }
  if (!canPrompt(options, context.io)) throw new UsageError(`${already}; to add another debrief of it: coach debrief ${prepId} --again (coach show ${last} shows the one there is)`);
  const { pickOne } = await import('../prompters/inquirer.js');
  say(already);
  const choice = await pickOne(terminalStreams(context.io), chalk, 'Add another debrief of it?', [
    { value: 'stop', name: 'No, stop here', description: `coach show ${last} shows the one there is` },
    { value: 'again', name: 'Yes, add another debrief', description: 'the first one stays as it is' },
  ]);
  if (choice !== 'again') throw new UsageError(`${prepId} already has a debrief; nothing was written`);
}

function withDebriefWalk(loaded: LoadedPlaybook): LoadedPlaybook {
  if (!loaded.playbook.debrief) throw new UsageError(`playbook "${loaded.playbook.id}" has no debrief walk (${loaded.path})`);
  return loaded;
}
