/**
 * Keeps the draft of a running session on disk. `record` is called on every answer (from the
 * walk's `answer` event, so the walk stays pure); writes run one at a time, always of the newest
 * state, and `flushed` lets the session wait for them before it asks the next question. So once
 * a question is on the screen, every earlier answer is on disk: a SIGKILL loses nothing typed.
 */
import type { Answers } from '../../core/session/answers.js';
import { FileError } from '../../errors.js';
import type { Draft, SavingNote } from './draft-file.js';
import { draftHandle, removeDraft, saveDraft } from './drafts.js';

export interface DraftKeeper {
  readonly file: string;
  /** What to type after `coach resume`. */
  readonly handle: string;
  /** Questions asked so far (answered or skipped). */
  readonly asked: number;
  /** Schedules a write of the session so far; never throws (see flushed). */
  record(id: string, answers: Answers): void;
  /** Schedules a write that records the note about to be saved (see Draft.saving). */
  saving(note: SavingNote): void;
  /** Resolves once everything recorded is on disk; rejects with the first write's failure. */
  flushed(): Promise<void>;
  /** Removes the draft, after waiting for any write still running (which would recreate it). */
  discard(): Promise<void>;
}

export type DraftStart = Omit<Draft, 'saved'>;

export function keepDraft(file: string, start: DraftStart, now: () => Date): DraftKeeper {
  const asked = [...start.asked];
  const seen = new Set(asked);
  let answers = start.answers;
  let saving: SavingNote | undefined;
  let chain: Promise<void> = Promise.resolve();
  let queued = false;
  let failure: FileError | undefined;

  // The snapshot is taken when a write starts, so recording an answer costs nothing in
  // proportion to the session's size, and each write carries the newest state.
  const write = async (): Promise<void> => {
    queued = false;
    const state: Draft = { ...start, asked: [...asked], answers: { ...answers }, saved: now().toISOString(), ...(saving ? { saving } : {}) };
    try {
      saveDraft(file, state);
    } catch (error) {
      failure ??= error instanceof FileError ? error : new FileError(file, `cannot save the draft: ${String(error)}`);
    }
  };

  const schedule = (): void => {
    // A write already waiting will pick up this newest state when it starts.
    if (queued) return;
    queued = true;
    chain = chain.then(write);
  };

  return {
    file,
    handle: draftHandle(file),
    get asked() {
      return asked.length;
    },
    record(id, latest) {
      if (!seen.has(id)) {
        seen.add(id);
        asked.push(id);
      }
      answers = latest;
      schedule();
    },
    saving(note) {
      saving = note;
      schedule();
    },
    async flushed() {
      await chain;
      if (failure) throw failure;
    },
    async discard() {
      await chain;
      removeDraft(file);
    },
  };
}
