/**
 * `coach followups [done <n>]`: the open follow-ups of every debrief (its unticked `- [ ]` items
 * under Follow-ups and Next steps), overdue first, then by due date, with the customer and the
 * note each comes from; `done <n>` ticks that one box in its note, rewriting the file atomically
 * with only that line changed. The checkbox in the note is the state, so a box ticked by hand in
 * an editor is done here too. The boxes come from the notes index, which re-reads a note whose
 * file changed, so the list is what reading every debrief would give.
 */
import { statSync } from 'node:fs';
import { FileError, UsageError } from '../errors.js';
import { localToday, writeOut } from '../io.js';
import { isOverdue, tickFollowUp, type FollowUp } from '../core/note/follow-ups.js';
import { nameKey } from '../core/text/name-key.js';
import { readTextFile } from '../store/files/read-text-file.js';
import { replaceFile } from '../store/files/write-new-file.js';
import { readNoteTable, type NoteSummary } from '../store/notes/notes-index.js';
import { MAX_SAVED_BYTES } from '../store/notes/saved-size-limit.js';
import { sanitizeForTerminal } from '../terminal/sanitize.js';
import { visibleLength } from '../terminal/fit.js';
import { wrapText } from '../terminal/wrap.js';
import { warnSkipped } from '../flow/skipped-note-warning.js';
import type { CommandContext } from './command-context.js';

export interface FollowupsOptions {
  customer?: string | undefined;
  json?: true | undefined;
  notesDir?: string | undefined;
}

interface Listed extends FollowUp {
  number: number;
  note: NoteSummary;
  overdue: boolean;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Overdue first (the oldest due first), then by due date, then those without one; a note's own order breaks ties. */
function byUrgency(a: Omit<Listed, 'number'>, b: Omit<Listed, 'number'>): number {
  const rank = (item: Omit<Listed, 'number'>): number => (item.overdue ? 0 : item.due !== undefined ? 1 : 2);
  return rank(a) - rank(b) || compare(a.due ?? '', b.due ?? '') || compare(a.note.date, b.note.date) || compare(a.note.id, b.note.id) || a.line - b.line;
}

async function listFollowUps(options: FollowupsOptions, context: CommandContext): Promise<Listed[]> {
  const { io } = context;
  const today = localToday(io);
  const customer = options.customer === undefined ? undefined : nameKey(options.customer);
  const warn = warnSkipped(io);
  // Rows, not an object per note: only a debrief with open boxes becomes one (note-table.ts).
  const table = await readNoteTable(context.notesDir, warn, { cacheDir: context.cacheDir, followUps: true });
  const found: Omit<Listed, 'number'>[] = [];
  for (const row of table.newestFirst()) {
    if (table.kind(row) !== 'debrief' || (customer !== undefined && !nameKey(table.field(row, 'customer') ?? '').includes(customer))) continue;
    const boxes = table.boxes(row) ?? { open: [] };
    // One unreadable note costs its own follow-ups, never the whole list.
    if ('reason' in boxes) warn({ path: table.path(row), reason: `cannot read its follow-ups: ${boxes.reason}` });
    else if (boxes.open.length > 0) {
      const note = table.summary(row);
      for (const item of boxes.open) found.push({ ...item, note, overdue: isOverdue(item, today) });
    }
  }
  return found.sort(byUrgency).map((item, index) => ({ ...item, number: index + 1 }));
}

export async function followupsCommand(action: string | undefined, which: string | undefined, options: FollowupsOptions, context: CommandContext): Promise<void> {
  const { io } = context;
  if (action !== undefined && action !== 'done') throw new UsageError(`unknown action "${action}": coach followups lists them, coach followups done <n> ticks one`);
  if (action === undefined && which !== undefined) throw new UsageError(`to tick follow-up ${which}, say: coach followups done ${which}`);
  const listed = await listFollowUps(options, context);
  if (action === 'done') return tick(which, listed, options, context);
  if (options.json) {
    const rows = listed.map((item) => ({ number: item.number, text: item.text, owner: item.owner, due: item.due, overdue: item.overdue, customer: item.note.customer, note: item.note.id, path: item.note.path, line: item.line + 1 }));
    await writeOut(io.stdout, `${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (listed.length === 0) {
    io.stderr.write(`coach: no open follow-ups in ${context.notesDir}${options.customer === undefined ? '' : ` for "${options.customer}"`}\n`);
    return;
  }
  // The overdue and due-date columns only when a follow-up listed has one: without, the text
  // followed its number after twenty blank columns.
  const anyOverdue = listed.some((item) => item.overdue);
  const anyDue = listed.some((item) => item.due !== undefined);
  // On a terminal each follow-up is wrapped between words under its own text: the terminal broke a
  // long one anywhere, inside the note's id. A file or a pipe gets a line each, for grep.
  const width = io.stdout.isTTY ? (io.stdout.columns ?? 80) : undefined;
  const lines = listed.map((item) => {
    const flag = anyOverdue ? (item.overdue ? 'overdue ' : '        ') : '';
    const when = anyDue ? `${item.due ?? ' '.repeat(10)}  ` : '';
    const owner = item.owner === undefined ? '' : ` (${item.owner})`;
    const lead = `${String(item.number).padStart(3)}  ${flag}${when}`;
    const where = `${item.note.customer}  ·  ${item.note.id}`;
    if (width === undefined) return `${lead}${item.text}${owner}  ·  ${where}`;
    // The customer and the note's id after the text while its last row has room, else on a row of
    // their own: never broken, as the note's id is what `followups done` and `show` are given.
    const room = width - lead.length;
    const rows = wrapText(sanitizeForTerminal(`${item.text}${owner}`), room).split('\n');
    const last = rows.length - 1;
    const tail = sanitizeForTerminal(where);
    if (visibleLength(rows[last] ?? '') + 5 + visibleLength(tail) <= room) rows[last] = `${rows[last]}  ·  ${tail}`;
    else if (lead.length + visibleLength(tail) <= width) rows.push(tail);
    else {
      // Too long for a row under the text (a narrow terminal, a long id): the customer and the id a
      // row each, under the number when the id needs the room.
      const id = sanitizeForTerminal(item.note.id);
      const indent = ' '.repeat(lead.length + visibleLength(id) <= width ? lead.length : 5);
      return `${lead}${rows.join(`\n${' '.repeat(lead.length)}`)}\n${indent}${sanitizeForTerminal(item.note.customer)}\n${indent}${id}`;
    }
    return `${lead}${rows.join(`\n${' '.repeat(lead.length)}`)}`;
  });
  await writeOut(io.stdout, `${lines.join('\n')}\n`);
}

async function tick(which: string | undefined, listed: readonly Listed[], options: FollowupsOptions, context: CommandContext): Promise<void> {
  const filter = options.customer === undefined ? '' : ` --customer ${JSON.stringify(options.customer)}`;
  if (which === undefined || !/^\d+$/.test(which)) throw new UsageError(`say which follow-up to tick: coach followups done <n>, with n from coach followups${filter}`);
  const item = listed[Number(which) - 1];
  if (!item) throw new UsageError(`there is no open follow-up ${which} (coach followups${filter} lists ${listed.length}); nothing was changed`);
  const text = readTextFile(item.note.path, 'the note', MAX_SAVED_BYTES);
  const ticked = tickFollowUp(text, item.line);
  if (ticked === undefined) throw new FileError(item.note.path, `line ${item.line + 1} changed while coach read it; run coach followups again`);
  // The note keeps its permissions (a private note stays private).
  replaceFile(item.note.path, ticked, { mode: statSync(item.note.path).mode & 0o777 });
  context.io.stderr.write(`${sanitizeForTerminal(`✔ Ticked "${item.text}" in ${item.note.path}:${item.line + 1}`)}\n`);
}
