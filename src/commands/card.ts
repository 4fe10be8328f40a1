/**
 * `coach card [session|playbook]`: the card to take into the meeting. For a saved prep it carries
 * the user's own answers and the actions the coaching raised; for a playbook it is the blank
 * method card. With neither, the newest prep. `--pdf` prints it on one page instead, on the
 * paper the user's locale uses unless `--paper` says otherwise.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CARD_WIDTH, meetingCard, renderCardMarkdown, renderCardText, type CardInput } from '../core/note/meeting-card.js';
import { AmbiguousSessionError, FileError, UnknownPlaybookError, UsageError } from '../errors.js';
import { localToday, writeOut, type Io } from '../io.js';
import { PAPER_LABEL, paperForLocale, type Paper } from '../print/paper.js';
import { replaceFile, writeNewFile } from '../store/files/write-new-file.js';
import { findSession, readSavedNoteData } from '../store/notes/find-session.js';
import { isPlaybookPath, loadPlaybook } from '../store/playbooks/playbook-library.js';
import { savedPrep } from '../store/notes/saved-prep.js';
import { sanitizeForTerminal } from '../terminal/sanitize.js';
import { newestPrep } from '../flow/choose-prep.js';
import type { CommandContext } from './command-context.js';
import { warnSkipped } from '../flow/skipped-note-warning.js';
import { stillOpenBefore } from '../flow/customer-notes.js';

export interface CardOptions {
  markdown?: true | undefined;
  pdf?: string | undefined;
  paper?: Paper | undefined;
  force?: true | undefined;
  notesDir?: string | undefined;
  playbooks?: string[] | undefined;
}

/** The name that means standard output for `--pdf`, as for `--out`. */
const STDOUT = '-';

export async function cardCommand(arg: string | undefined, options: CardOptions, context: CommandContext): Promise<void> {
  const { io } = context;
  checkPdfOptions(options, io);
  const input = await cardInput(arg, context);
  if (options.pdf !== undefined) return printCard(input, options.pdf, options, io);
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
    // A .md is a note, never a playbook: trying it as one said "cannot read the playbook".
    if (arg === undefined || !(sessionError instanceof UsageError) || arg.endsWith('.md')) throw sessionError;
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
  const followUps = await stillOpenBefore({ id: prep.id, customer: prep.context.customer, created: note.header.created }, context);
  return { playbook, context: prep.context, answers: prep.answers, actions: prep.actions, stillOpen: { followUps, today: localToday(context.io) } };
}

/** Refused before any note is read: a flag that does nothing, a PDF for a terminal, a file that is there. */
function checkPdfOptions(options: CardOptions, io: Io): void {
  if (options.pdf === undefined) {
    if (options.paper !== undefined) throw new UsageError('--paper is for the printed card; add --pdf card.pdf');
    if (options.force) throw new UsageError('--force lets --pdf replace a file; add --pdf card.pdf');
    return;
  }
  if (options.markdown) throw new UsageError('--markdown and --pdf make different cards; choose one');
  if (options.pdf === STDOUT) {
    if (io.stdout.isTTY) throw new UsageError('--pdf - writes the PDF to standard output, which is a terminal here; redirect it (--pdf - > card.pdf) or name a file (--pdf card.pdf)');
    return;
  }
  // Only an early warning, as for --out: the write itself is what refuses, so a file that appears meanwhile is never replaced.
  if (!options.force && existsSync(resolve(io.cwd, options.pdf))) throw new FileError(options.pdf, 'already exists; add --force to replace it, or choose another file');
}

async function printCard(input: CardInput, target: string, options: CardOptions, io: Io): Promise<void> {
  const paper = options.paper ?? paperForLocale(io.env);
  const { renderCardPdf, LARGEST_SIZE, SMALLEST_SIZE } = await import('../print/card-pdf.js');
  const pdf = await renderCardPdf(meetingCard(input), paper, io.now());
  if (pdf === undefined) {
    throw new UsageError(
      `the card does not fit on one ${PAPER_LABEL[paper]} page even at ${SMALLEST_SIZE} pt, and coach does not cut your words; print it from the terminal (coach card, or --markdown) or shorten the longest answers and actions`,
    );
  }
  if (pdf.missing.length > 0) {
    const characters = sanitizeForTerminal(pdf.missing.join(' '));
    io.stderr.write(`coach: warning: the card's font (DejaVu Sans) has no letters for ${characters}; they print as blanks (the terminal card shows them: coach card)\n`);
  }
  if (target === STDOUT) return writeOut(io.stdout, pdf.bytes);
  const path = resolve(io.cwd, target);
  try {
    if (options.force) replaceFile(path, pdf.bytes);
    else writeNewFile(path, pdf.bytes);
  } catch (error) {
    // Named as the user typed it; a directory coach cannot write to gets a way out.
    if (!(error instanceof FileError) || error.reason.startsWith('already exists')) throw error;
    throw new FileError(error.path === path ? target : error.path, `${error.reason}; choose a directory you can write to`);
  }
  const shrunk = pdf.size < LARGEST_SIZE ? `; type reduced to ${pdf.size} pt to fit` : '';
  io.stderr.write(`coach: card written to ${sanitizeForTerminal(target)} (${PAPER_LABEL[paper]}, one page${shrunk})\n`);
}
