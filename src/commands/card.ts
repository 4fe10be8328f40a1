/**
 * `coach card [session|playbook]`: the card to take into the meeting. For a saved prep it carries
 * the user's own answers and the actions the coaching raised; for a playbook it is the blank
 * method card. With neither, the newest prep.
 */
import { dirname, join } from 'node:path';
import { CARD_WIDTH, renderCardMarkdown, renderCardText, type CardInput } from '../core/note/meeting-card.js';
import { AmbiguousSessionError, UnknownPlaybookError, UsageError } from '../errors.js';
import { writeOut } from '../io.js';
import { findSession, readSavedNoteData } from '../store/notes/find-session.js';
import { isPlaybookPath, loadPlaybook } from '../store/playbooks/playbook-library.js';
import { savedPrep } from '../store/notes/saved-prep.js';
import { sanitizeForTerminal } from '../terminal/sanitize.js';
import { newestPrep } from '../flow/choose-prep.js';
import type { CommandContext } from './command-context.js';
import { warnSkipped } from '../flow/skipped-note-warning.js';

export interface CardOptions {
  markdown?: true | undefined;
  notesDir?: string | undefined;
  playbooks?: string[] | undefined;
}

export async function cardCommand(arg: string | undefined, options: CardOptions, context: CommandContext): Promise<void> {
  const { io } = context;
  const input = await cardInput(arg, context);
  // On a terminal the card uses its width (up to 100 columns, as the session view does); a file or a pipe gets 80.
  const width = io.stdout.isTTY ? Math.max(20, Math.min(io.stdout.columns ?? CARD_WIDTH, 100)) : CARD_WIDTH;
  const text = options.markdown ? renderCardMarkdown(input) : renderCardText(input, width);
  await writeOut(io.stdout, io.stdout.isTTY ? sanitizeForTerminal(text) : text);
}

async function cardInput(arg: string | undefined, context: CommandContext): Promise<CardInput> {
  if (arg !== undefined && isPlaybookPath(arg) && !arg.endsWith('.md')) {
    return { playbook: (await loadPlaybook(arg, context.playbooks)).playbook };
  }
  const { notesDir } = context;
  let path: string;
  try {
    path = arg === undefined ? await newestPrep(context) : await findSession(arg, notesDir, context.io.cwd, { cacheDir: context.cacheDir, onSkip: warnSkipped(context.io), kind: 'prep' });
  } catch (sessionError) {
    if (arg === undefined || !(sessionError instanceof UsageError)) throw sessionError;
    try {
      return { playbook: (await loadPlaybook(arg, context.playbooks)).playbook };
    } catch (playbookError) {
      if (!(playbookError instanceof UnknownPlaybookError)) throw playbookError;
      if (sessionError instanceof AmbiguousSessionError) throw sessionError;
      throw new UsageError(`no saved session or playbook "${arg}"; see \`coach history\` for sessions and \`coach playbooks\` for playbooks`);
    }
  }
  let note = await readSavedNoteData(path);
  // The card is for going into the meeting: a debrief's card is its prep's.
  if (note.header.kind === 'debrief' && note.header.prep) note = await readSavedNoteData(join(dirname(path), `${note.header.prep}.md`));
  const prep = savedPrep(note);
  const { playbook } = await loadPlaybook(prep.playbook, context.playbooks);
  return { playbook, context: prep.context, answers: prep.answers, actions: prep.actions };
}
