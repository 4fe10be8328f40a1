/**
 * Was this draft's note saved already? A coach killed after saving a note but before removing
 * its draft leaves both; the draft's `saving` (draft-file.ts) names the note's first-choice path
 * and its `created` stamp. The note is at that path or, if the name was taken, at the first free
 * `-2`, `-3`, ... after it, so those are read in turn until a name is free. A note counts only if
 * its front matter has the same `created`, playbook and kind: a note of another session that took
 * the name is never mistaken for this one.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Draft } from './draft-file.js';
import { readSavedNoteData } from '../notes/find-session.js';

const MAX_NUMBER = 10_000;

/** The path of the saved note, or undefined when the draft's session still has to be saved. */
export async function savedNoteOfDraft(draft: Draft): Promise<string | undefined> {
  const saving = draft.saving;
  if (!saving) return undefined;
  const directory = dirname(saving.note);
  const extension = extname(saving.note);
  const stem = basename(saving.note, extension);
  for (let n = 1; n < MAX_NUMBER; n++) {
    const candidate = n === 1 ? saving.note : join(directory, `${stem}-${n}${extension}`);
    if (!existsSync(candidate)) return undefined;
    const data = await readSavedNoteData(candidate).then(
      (note) => note.data,
      () => undefined,
    );
    if (data && data['created'] === saving.created && data['playbook'] === draft.playbook.id && data['kind'] === draft.phase) return candidate;
  }
  return undefined;
}
