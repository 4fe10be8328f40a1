/**
 * `coach resume [draft]`: continues a session that stopped before its note was written. The
 * draft's answers are supplied to the walk like an answers file, so only what is left (or new in
 * the playbook) is asked. The draft is removed only once the note is safely written.
 */
import type { ChalkInstance } from 'chalk';
import { terminalStreams } from '../terminal/terminal-streams.js';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { questionsOf } from '../core/session/supplied-answers.js';
import { FileError, UsageError } from '../errors.js';
import { localToday, type Io } from '../io.js';
import { answersFromDraft } from '../store/drafts/draft-answers.js';
import { playbookFingerprint, type Draft } from '../store/drafts/draft-file.js';
import { inviteOfDraft } from '../store/drafts/draft-invite.js';
import { savedNoteOfDraft } from '../store/drafts/draft-saved-note.js';
import { describeDraft, unreadableMessage } from '../store/drafts/describe-draft.js';
import { DRAFTS_DIR, draftHandle, draftsDirectory, listDrafts, loadDraft, moveAside, removeDraft, type LoadedDraft } from '../store/drafts/drafts.js';
import { findSession, readSavedNoteData } from '../store/notes/find-session.js';
import { loadPlaybook, loadPlaybookFile, type LoadedPlaybook, type PlaybookShelf, type SourceKind } from '../store/playbooks/playbook-library.js';
import { savedPrep } from '../store/notes/saved-prep.js';
import { sanitizeForTerminal as safe } from '../terminal/sanitize.js';
import type { CommandContext } from './command-context.js';
import { debriefOfPrep } from './debrief.js';
import { canPrompt, runSession, type SessionRequest } from '../flow/run-session.js';
import { lastTimeFinder } from '../flow/customer-notes.js';
import type { SessionOptions } from './options/session-options.js';
import { attendeeName } from '../core/note/attendee-name.js';

export async function resumeCommand(draftArg: string | undefined, options: SessionOptions, context: CommandContext): Promise<void> {
  const { io, notesDir } = context;
  const chalk = await context.colour();
  const say = (text: string): void => void io.stderr.write(`${text}\n`);
  const { file, draft } = draftArg === undefined ? await chooseDraft(notesDir, options, io, chalk, say) : await namedDraft(draftArg, notesDir, io.cwd);
  const handle = safe(draftHandle(file));

  // Killed between saving the note and removing the draft: the meeting is saved already.
  const saved = await savedNoteOfDraft(draft);
  if (saved !== undefined) {
    removeDraft(file);
    say(`coach: ${safe(describeDraft(draft))} was already saved as ${safe(saved)} (the run that saved it stopped before removing its draft); removed the draft ${handle}`);
    return;
  }

  // The session lives where the draft does: `<notes>/.drafts/<draft>.json`.
  const sessionNotesDir = basename(dirname(file)) === DRAFTS_DIR ? dirname(dirname(file)) : notesDir;
  const loaded = await draftPlaybook(draft, context.playbooks);
  const base = await sessionFor(draft, loaded, sessionNotesDir, io.cwd);

  const questions = questionsOf(base.loaded.playbook, draft.phase, localToday(io), base.context === undefined);
  const { supplied, skipped, unmapped, refitted } = answersFromDraft(draft, questions, `draft ${handle}`);
  if (playbookFingerprint(base.loaded.playbook, draft.phase) !== draft.playbook.fingerprint) {
    say(chalk.yellow(`coach: ${changedWarning(draft, supplied.size, Object.keys(unmapped).length, refitted.length)}`));
  }
  // A prep from an invitation keeps its attendees (and the suggestions it has not offered yet).
  const invite = inviteOfDraft(draft);
  if (!options.quiet) say(chalk.dim(`Continuing ${describeDraft(draft)} from ${handle}.`));
  if (!options.quiet && invite && invite.attendees.length > 0) say(chalk.dim(`  Attendees: ${safe(attendeeNames(invite.attendees))}`));

  // A prep picks up "From last time" as it would have, once the draft's customer is given.
  const lastTime = draft.phase === 'prep' ? lastTimeFinder(context) : undefined;
  await runSession({ ...base, phase: draft.phase, options, io, chalk, lastTime, invite, resume: { file, draft, supplied, skipped, unmapped } });
}

const SOURCE_KINDS: readonly SourceKind[] = ['built-in', 'user', 'team', 'dir', 'file'];

type SessionBase = Pick<SessionRequest, 'loaded' | 'notesDir' | 'context' | 'prepAnswers' | 'prepId' | 'extraSections'>;

/** A debrief of a saved prep is set up exactly as `coach debrief` does; anything else is plain. */
async function sessionFor(draft: Draft, loaded: LoadedPlaybook, notesDir: string, cwd: string): Promise<SessionBase> {
  if (draft.phase === 'debrief' && !loaded.playbook.debrief) {
    throw new UsageError(`playbook "${loaded.playbook.id}" has no debrief walk any more (${loaded.path}); the draft is kept`);
  }
  if (draft.phase !== 'debrief' || draft.prepId === undefined) return { loaded, notesDir };
  const prep = savedPrep(await readSavedNoteData(await findSession(draft.prepId, notesDir, cwd)));
  return debriefOfPrep(prep, loaded);
}

/** The playbook where the session found it; failing that, the same id wherever playbooks are now. */
async function draftPlaybook(draft: Draft, shelf: PlaybookShelf): Promise<LoadedPlaybook> {
  const { id, path, source } = draft.playbook;
  if (existsSync(path)) {
    const kind = SOURCE_KINDS.find((known) => known === source) ?? 'file';
    const loaded = await loadPlaybookFile(path, kind, shelf.compiledCache);
    if (loaded.playbook.id === id) return loaded;
  }
  try {
    return await loadPlaybook(id, shelf);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(`the draft was made with playbook "${id}" (${path}), which is not there any more; give its directory with --playbooks <dir>. The draft is kept.`);
  }
}

async function namedDraft(arg: string, notesDir: string, cwd: string): Promise<LoadedDraft> {
  const isPath = /[\\/]/.test(arg);
  const file = isPath ? resolve(cwd, arg) : join(draftsDirectory(notesDir), arg.endsWith('.json') ? arg : `${arg}.json`);
  if (!existsSync(file)) {
    const { drafts } = await listDrafts(notesDir);
    const known = drafts.map((entry) => draftHandle(entry.file));
    throw new UsageError(`no draft "${arg}" in ${draftsDirectory(notesDir)}${known.length > 0 ? `; drafts: ${known.join(', ')}` : ''}`);
  }
  const loaded = await loadDraft(file);
  if ('draft' in loaded) return loaded;
  const moved = moveAside(loaded);
  if (moved) throw new FileError(undefined, `${unreadableMessage(moved)}; nothing was deleted`);
  throw new FileError(file, 'the draft disappeared while it was read; another coach may have finished it');
}

async function chooseDraft(notesDir: string, options: SessionOptions, io: Io, chalk: ChalkInstance, say: (text: string) => void): Promise<LoadedDraft> {
  const { drafts, unreadable } = await listDrafts(notesDir);
  for (const entry of unreadable) say(chalk.yellow(`coach: ${unreadableMessage(entry)}`));
  const [newest] = drafts;
  if (!newest) {
    const moved = unreadable.length > 0 ? ` (${unreadable.length} unreadable, moved aside)` : '';
    throw new UsageError(`no drafts to resume in ${draftsDirectory(notesDir)}${moved}; a draft is kept when a session stops before its note is written`);
  }
  if (drafts.length === 1) return newest;
  if (!canPrompt(options, io)) {
    say(`coach: ${drafts.length} drafts; continuing the newest, ${safe(draftHandle(newest.file))} (name another: coach resume <draft>)`);
    return newest;
  }
  const { pickOne } = await import('../prompters/inquirer.js');
  const picked = await pickOne(
    terminalStreams(io),
    chalk,
    'Which session do you want to continue?',
    drafts.map((entry) => ({ value: entry.file, name: describeDraft(entry.draft), description: safe(draftHandle(entry.file)) })),
  );
  const chosen = drafts.find((entry) => entry.file === picked);
  if (!chosen) throw new Error(`picked an unknown draft ${picked}`);
  return chosen;
}

/** As the prep listed them before its first question: names, an address only for who has none. */
function attendeeNames(attendees: readonly string[]): string {
  return attendees.map(attendeeName).join(', ');
}

function changedWarning(draft: Draft, fits: number, unmapped: number, refitted: number): string {
  const parts = [`playbook "${safe(draft.playbook.id)}" has changed since this draft was saved: ${fits} answer${fits === 1 ? '' : 's'} still fit`];
  if (refitted > 0) parts.push(`${refitted} no longer fit${refitted === 1 ? 's' : ''} and will be asked again`);
  if (unmapped > 0) parts.push(`answers to questions it no longer asks go in the note under "Unmapped answers"`);
  return `${parts.join('; ')}; new questions will be asked.`;
}
