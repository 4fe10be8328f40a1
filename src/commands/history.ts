/**
 * `coach history`: the saved sessions, newest first, a line each (or JSON for other tools). Read
 * from the notes' front matter alone, through the notes index, so it stays fast over years of notes.
 * It works on the rows of the note table (note-table.ts), not on an object per note: over 100,000
 * notes only the chunk being printed is ever made into objects.
 */
import { writeOut, type Io } from '../io.js';
import { readNoteTable, type NoteSummary } from '../store/notes/notes-index.js';
import type { NoteTable } from '../store/notes/note-table.js';
import { sanitizeForTerminal } from '../terminal/sanitize.js';
import type { CommandContext } from './command-context.js';
import type { HistoryOptions } from './options/history-options.js';
import { warnSkipped } from '../flow/skipped-note-warning.js';
import { column } from '../terminal/fit.js';
import { holdYoungGeneration, MANY_NOTES } from '../young-generation.js';

export async function historyCommand(options: HistoryOptions, context: CommandContext): Promise<void> {
  const { io, notesDir } = context;
  const table = await readNoteTable(notesDir, warnSkipped(io), { cacheDir: context.cacheDir });
  // Its rows live while they are printed, 40 MB of JSON over 100,000 notes (young-generation.ts).
  const letGo = table.length >= MANY_NOTES ? holdYoungGeneration() : undefined;
  try {
    await printHistory(table, options, context);
  } finally {
    letGo?.();
  }
}

async function printHistory(table: NoteTable, options: HistoryOptions, context: CommandContext): Promise<void> {
  const { io, notesDir } = context;
  const newest = table.newestFirst();
  const debriefs = debriefsByPrep(table, newest);
  const shown = filtered(table, newest, options, debriefs).slice(0, options.limit);

  if (options.json) {
    await writeJsonList(io, shown, (row) => asJson(table, row, debriefs));
    return;
  }
  if (shown.length === 0) {
    io.stderr.write(table.length === 0 ? `No saved sessions in ${notesDir} yet; start with: coach prep\n` : 'No saved sessions match.\n');
    return;
  }
  // On a terminal too narrow for a whole row, the note's id goes on a row of its own, whole: the
  // terminal broke it at the edge, and it is what show, card and debrief are given.
  const width = io.stdout.isTTY ? (io.stdout.columns ?? 80) : undefined;
  await writeOut(io.stdout, formatLines(Array.from(shown, (row) => table.summary(row)), (id) => debriefs.get(id) !== undefined, width));
}

/**
 * Notes per write: over 100,000 notes the whole list as one string would be 35 MB. A chunk stays
 * well under 128 KB (about 400 bytes a note), the size above which V8 puts a string in its
 * large-object space, where the chunks already written wait for a full collection: measured over
 * 100,000 notes, 500 a chunk (200 KB) peaked at 162 MiB, 50 to 200 a chunk at 139-141 MiB.
 */
const JSON_CHUNK = 100;

/** The same text as `JSON.stringify(rows.map(asJson), null, 2)`, written a chunk at a time. */
async function writeJsonList(io: Io, rows: readonly number[], asJson: (row: number) => object): Promise<void> {
  if (rows.length === 0) return writeOut(io.stdout, '[]\n');
  for (let start = 0; start < rows.length; start += JSON_CHUNK) {
    // A chunk as a list of its own, without its brackets: its items are indented as the whole list's are.
    const list = JSON.stringify(rows.slice(start, start + JSON_CHUNK).map(asJson), null, 2);
    const end = start + JSON_CHUNK >= rows.length;
    await writeOut(io.stdout, `${start === 0 ? '[\n' : ',\n'}${list.slice(2, -2)}${end ? '\n]\n' : ''}`);
  }
}

/** Each prep's debrief (the newest, when there are several): its row, by the prep's id. */
function debriefsByPrep(table: NoteTable, newest: readonly number[]): Map<string, number> {
  const debriefs = new Map<string, number>();
  for (const row of newest) {
    if (table.kind(row) !== 'debrief') continue;
    const prep = table.field(row, 'prep');
    if (prep !== undefined && !debriefs.has(prep)) debriefs.set(prep, row);
  }
  return debriefs;
}

/** The rows the options ask for, in the order given. */
function filtered(table: NoteTable, rows: number[], options: HistoryOptions, debriefs: Map<string, number>): number[] {
  const customer = options.customer?.toLowerCase();
  const { playbook, kind, since, open } = options;
  if (customer === undefined && playbook === undefined && kind === undefined && since === undefined && !open) return rows;
  return rows.filter(
    (row) =>
      (customer === undefined || (table.field(row, 'customer') ?? '').toLowerCase().includes(customer)) &&
      (playbook === undefined || table.field(row, 'playbook') === playbook) &&
      (kind === undefined || table.kind(row) === kind) &&
      (since === undefined || (table.field(row, 'date') ?? '') >= since) &&
      (!open || (table.kind(row) === 'prep' && !debriefs.has(table.id(row)))),
  );
}

/** Every key on every object, null when absent, so a consumer never has to guess. */
function asJson(table: NoteTable, row: number, debriefs: Map<string, number>) {
  const note = table.summary(row);
  const debrief = note.kind === 'prep' ? debriefs.get(note.id) : undefined;
  return {
    id: note.id,
    path: note.path,
    kind: note.kind,
    playbook: note.playbook,
    customer: note.customer,
    title: note.title ?? null,
    date: note.date,
    created: note.created ?? null,
    prep: note.prep ?? null,
    debrief: debrief === undefined ? null : table.id(debrief),
  };
}

const MAX_WIDTH = { customer: 24, title: 32, playbook: 24 } as const;

function formatLines(notes: readonly NoteSummary[], debriefed: (id: string) => boolean, columns: number | undefined): string {
  const cell = (text: string | undefined): string => sanitizeForTerminal(text ?? '').replace(/\s+/g, ' ').trim();
  const rows = notes.map((note) => ({
    date: cell(note.date),
    kind: note.kind,
    customer: cell(note.customer),
    title: cell(note.title),
    playbook: cell(note.playbook),
    status: note.kind === 'prep' ? (debriefed(note.id) ? 'debriefed' : 'no debrief') : note.prep === undefined ? 'no prep' : '',
    id: cell(note.id),
  }));
  const width = (key: 'customer' | 'title' | 'playbook'): number => Math.min(MAX_WIDTH[key], Math.max(...rows.map((row) => row[key].length)));
  const widths = { customer: width('customer'), title: width('title'), playbook: width('playbook') };
  // On a terminal the title gives way first, so that a row's columns fit beside each other and
  // the id goes below them: cut with "…" down to 8 columns, and left out below that.
  if (columns !== undefined && widths.title > 0) {
    const room = columns - (10 + 2 + 7 + 2 + widths.customer + 2 + widths.playbook + 2 + 10) - 2;
    widths.title = room >= 8 ? Math.min(widths.title, room) : 0;
  }
  const lines = rows.map((row) => {
    const head = [
      column(row.date, 10),
      column(row.kind, 7),
      column(row.customer, widths.customer),
      // No column at all when no session shown has a title.
      ...(widths.title > 0 ? [column(row.title, widths.title)] : []),
      column(row.playbook, widths.playbook),
      column(row.status, 10),
    ].join('  ');
    if (columns === undefined || head.length + 2 + row.id.length <= columns) return `${head}  ${row.id}`;
    return `${head.trimEnd()}\n${' '.repeat(12)}${row.id}`;
  });
  return `${lines.join('\n')}\n`;
}
