/**
 * What a session does about drafts and interruptions, kept out of run-session so that it reads as
 * the flow it is. A session that may ask a person (or continues a draft) keeps a draft: written
 * after every answer, awaited before the next question, removed once the note is safely written.
 * A session whose answers all come from files has nothing to lose and writes none.
 */
import { join } from 'node:path';
import type { Answers } from '../../core/session/answers.js';
import type { Prompter } from '../../core/session/prompter.js';
import type { Phase } from '../../core/playbook/schema.js';
import type { WalkEvent } from '../../core/session/walk.js';
import { CoachError, InterruptedError, type InterruptCode } from '../../errors.js';
import type { Draft, SavingNote } from './draft-file.js';
import { DRAFT_FORMAT, playbookFingerprint } from './draft-file.js';
import { draftInvite, type SessionInvite } from './draft-invite.js';
import { keepDraft, type DraftKeeper } from './draft-keeper.js';
import { draftsDirectory, newDraftName } from './drafts.js';
import type { LoadedPlaybook } from '../playbooks/playbook-library.js';
import { ensureDirectory } from '../files/write-new-file.js';

export interface SessionDraft {
  onEvent(event: WalkEvent): void;
  /** Waits for the draft (and checks for a signal) before each question is put to anyone. */
  guard(prompter: Prompter): Prompter;
  /** The error to report instead, when the session stops before its note is written. */
  explain(error: unknown): Promise<unknown>;
  /** Before the note goes into the notes directory: the draft records it, on disk (Draft.saving). */
  saving(note: SavingNote): Promise<void>;
  /** The note is safely written: the draft is no longer needed. */
  finish(): Promise<void>;
}

export interface DraftRequest {
  loaded: LoadedPlaybook;
  phase: Phase;
  notesDir: string;
  /** Whether to keep a draft at all (someone may be asked, or a draft is being continued). */
  wanted: boolean;
  /** A failure to keep the draft stops the session (the note is going to that directory too). */
  strict: boolean;
  now: () => Date;
  signal?: AbortSignal | undefined;
  warn: (message: string) => void;
  /** `--notes-dir …` when the user named one, so the printed resume command works as typed. */
  resumeArgs: string;
  resume?: { file: string; draft: Draft; unmapped: Answers } | undefined;
  context?: Draft['context'];
  prepAnswers?: Answers | undefined;
  prepId?: string | undefined;
  /** A prep from a calendar invitation: kept in the draft, since a resumed prep cannot read it again. */
  invite?: SessionInvite | undefined;
}

export async function startSessionDraft(request: DraftRequest): Promise<SessionDraft> {
  const keeper = request.wanted ? await openKeeper(request) : undefined;
  let active = keeper !== undefined;
  const resumeHint = (): string => `coach resume ${keeper?.handle ?? ''}${request.resumeArgs}`;

  /** A non-strict draft that fails is given up with one warning; the session carries on. */
  const settle = async (): Promise<void> => {
    if (!keeper || !active) return;
    try {
      await keeper.flushed();
    } catch (error) {
      active = false;
      if (request.strict) throw withHint(error, 'Choose a writable notes directory with --notes-dir, or pass --no-save.');
      request.warn(`cannot keep a draft (${(error as Error).message}); carrying on, but an interruption would lose the answers`);
    }
  };

  return {
    onEvent(event) {
      if (active && event.type === 'answer') keeper?.record(event.id, event.answers);
    },
    guard(prompter) {
      return {
        async ask(ask) {
          await settle();
          request.signal?.throwIfAborted();
          return prompter.ask(ask);
        },
      };
    },
    async explain(error) {
      const interrupted = error instanceof InterruptedError || request.signal?.aborted === true;
      await settle().catch(() => undefined);
      const kept = keeper !== undefined && active && keeper.asked > 0;
      if (interrupted) {
        const reason = request.signal?.aborted ? request.signal.reason : error;
        const stop = reason instanceof InterruptedError ? reason : new InterruptedError();
        const words = stop.message.replace(/\.$/, '');
        const code = stop.exitCode as InterruptCode;
        if (!keeper || !active) return new InterruptedError(`${words}.`, code);
        if (!kept) {
          await keeper?.discard().catch(() => undefined);
          return new InterruptedError(`${words}. No answers were given yet, so there is nothing to resume.`, code);
        }
        const count = keeper.asked === 1 ? '1 answer' : `${keeper.asked} answers`;
        return new InterruptedError(`${words}. ${count} kept; continue with: ${resumeHint()}`, code);
      }
      return kept ? withHint(error, `Your answers so far are kept; continue with: ${resumeHint()}`) : error;
    },
    async saving(note) {
      if (!keeper || !active) return;
      keeper.saving(note);
      await settle();
    },
    async finish() {
      if (keeper) await keeper.discard().catch((error: unknown) => request.warn((error as Error).message));
    },
  };
}

async function openKeeper(request: DraftRequest): Promise<DraftKeeper | undefined> {
  const { loaded, phase } = request;
  try {
    ensureDirectory(request.notesDir);
    ensureDirectory(draftsDirectory(request.notesDir), 0o700);
  } catch (error) {
    if (request.strict) throw withHint(error, 'Choose a writable notes directory with --notes-dir, or pass --no-save.');
    request.warn(`cannot keep a draft (${(error as Error).message}); carrying on, but an interruption would lose the answers`);
    return undefined;
  }
  const started = request.now();
  const file = request.resume?.file ?? join(draftsDirectory(request.notesDir), newDraftName(loaded.playbook.id, phase, started));
  const previous = request.resume?.draft;
  return keepDraft(
    file,
    {
      coach_draft: DRAFT_FORMAT,
      playbook: { id: loaded.playbook.id, path: loaded.path, source: loaded.source, fingerprint: playbookFingerprint(loaded.playbook, phase) },
      phase,
      started: previous?.started ?? started.toISOString(),
      // A continued draft counts as kept from the start: an early stop must never remove it.
      asked: previous?.asked ?? [],
      answers: previous?.answers ?? {},
      ...(request.resume && Object.keys(request.resume.unmapped).length > 0 ? { unmapped: request.resume.unmapped } : {}),
      ...(request.context ? { context: request.context } : {}),
      ...(request.prepAnswers ? { prepAnswers: request.prepAnswers } : {}),
      ...(request.prepId !== undefined ? { prepId: request.prepId } : {}),
      ...(request.invite ? { invite: draftInvite(request.invite) } : {}),
    },
    request.now,
  );
}

/** Adds one line of advice to a user-facing error; a bug passes through untouched. */
function withHint(error: unknown, hint: string): unknown {
  if (error instanceof CoachError && !error.message.includes(hint)) error.message = `${error.message}\n${hint}`;
  return error;
}
