/**
 * `coach show <session>`: a saved note to read (its Markdown without the front matter), the file
 * exactly as it is on disk (--raw), or its data as JSON (--json).
 */
import { splitFrontMatter } from '../formats/front-matter-split.js';
import { writeOut } from '../io.js';
import { findSession, readSavedNote, readSavedNoteData } from '../store/notes/find-session.js';
import { sanitizeForTerminal } from '../terminal/sanitize.js';
import { wrapLongLines } from '../terminal/wrap.js';
import type { CommandContext } from './command-context.js';
import { warnSkipped } from '../flow/skipped-note-warning.js';

export interface ShowOptions {
  json?: true | undefined;
  raw?: true | undefined;
  notesDir?: string | undefined;
}

export async function showCommand(session: string, options: ShowOptions, context: CommandContext): Promise<void> {
  const { io } = context;
  const path = await findSession(session, context.notesDir, io.cwd, { cacheDir: context.cacheDir, onSkip: warnSkipped(io) });
  if (options.json) {
    // The whole front matter has to parse here, so a hand-edit gone wrong is reported, not guessed at.
    const note = await readSavedNoteData(path);
    const where = { id: note.id, path: note.path };
    // id and path first, and never replaced by keys of the same name in a hand-edited front matter.
    await writeOut(io.stdout, `${JSON.stringify(Object.assign({ ...where }, note.data, where), null, 2)}\n`);
    return;
  }
  const note = await readSavedNote(path);
  // The data block is for tools (--json, --raw); a person reads the Markdown after it.
  const text = options.raw ? note.text : (splitFrontMatter(note.text)?.body ?? note.text).replace(/^(?:\r?\n)+/, '');
  // A note holds whatever was typed or synced in; on a terminal it must not drive the terminal. To
  // read there, a line too long for it is wrapped between words (the terminal broke it anywhere);
  // --raw keeps its lines as they are, and piped or redirected the text is exactly the file.
  if (io.stdout.isTTY !== true) return writeOut(io.stdout, text);
  const safe = sanitizeForTerminal(text);
  await writeOut(io.stdout, options.raw ? safe : wrapLongLines(safe, io.stdout.columns ?? 80));
}
