/**
 * `coach card [session|playbook]`: the card to take into the meeting. For a saved prep it carries
 * the user's own answers and the actions the coaching raised; for a playbook it is the blank
 * method card. With neither, the newest prep.
 */
import { dirname, join } from 'node:path';
import { renderCardMarkdown, renderCardText, type CardInput } from '../engine/meeting-card.js';
import { UnknownPlaybookError, UsageError } from '../errors.js';
import { writeOut, type Io } from '../io.js';
import { findSession, readSavedNoteData } from '../store/find-session.js';
import { notesDirectory } from '../store/notes-dir.js';
import { compiledPlaybooksDir } from '../store/compiled-playbook-cache.js';
import { isPlaybookPath, loadPlaybook, playbookSources, type PlaybookSource } from '../store/playbook-library.js';
import { savedPrep } from '../store/saved-prep.js';
import { sanitizeForTerminal } from '../terminal/sanitize.js';
import { newestPrep } from './choose-prep.js';

export interface CardOptions {
  markdown?: true | undefined;
  notesDir?: string | undefined;
  playbooks?: string[] | undefined;
}

export async function cardCommand(arg: string | undefined, options: CardOptions, io: Io): Promise<void> {
  const notesDir = notesDirectory(options.notesDir, io.env, io.cwd);
  const sources = playbookSources(io.env, io.cwd, options.playbooks);
  const input = await cardInput(arg, notesDir, sources, io);
  const text = options.markdown ? renderCardMarkdown(input) : renderCardText(input);
  await writeOut(io.stdout, io.stdout.isTTY ? sanitizeForTerminal(text) : text);
}

async function cardInput(arg: string | undefined, notesDir: string, sources: PlaybookSource[], io: Io): Promise<CardInput> {
  const compiledCache = compiledPlaybooksDir(io.env, io.cwd);
  if (arg !== undefined && isPlaybookPath(arg) && !arg.endsWith('.md')) {
    return { playbook: (await loadPlaybook(arg, sources, io.cwd, compiledCache)).playbook };
  }
  let path: string;
  try {
    path = arg === undefined ? await newestPrep(notesDir, io) : await findSession(arg, notesDir, io.cwd);
  } catch (sessionError) {
    if (arg === undefined || !(sessionError instanceof UsageError)) throw sessionError;
    try {
      return { playbook: (await loadPlaybook(arg, sources, io.cwd, compiledCache)).playbook };
    } catch (playbookError) {
      if (!(playbookError instanceof UnknownPlaybookError)) throw playbookError;
      throw new UsageError(`no saved session or playbook "${arg}"; see \`coach history\` for sessions and \`coach playbooks\` for playbooks`);
    }
  }
  let note = await readSavedNoteData(path);
  // The card is for going into the meeting: a debrief's card is its prep's.
  if (note.header.kind === 'debrief' && note.header.prep) note = await readSavedNoteData(join(dirname(path), `${note.header.prep}.md`));
  const prep = savedPrep(note);
  const { playbook } = await loadPlaybook(prep.playbook, sources, io.cwd, compiledCache);
  return { playbook, context: prep.context, answers: prep.answers, actions: prep.actions };
}
