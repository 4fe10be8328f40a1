/**
 * `coach history`: the saved sessions, newest first, a line each (or JSON for other tools). Read
 * from the notes' front matter alone, through the notes index, so it stays fast over years of notes.
 */
import { writeOut, type Io } from '../io.js';
import { readNotesIndex, type NoteSummary } from '../store/notes/notes-index.js';
import { sanitizeForTerminal } from '../terminal/sanitize.js';
import type { CommandContext } from './command-context.js';
import type { HistoryOptions } from './options/history-options.js';
import { warnSkipped } from '../flow/skipped-note-warning.js';
import { column } from '../terminal/fit.js';

export async function historyCommand(options: HistoryOptions, context: CommandContext): Promise<void> {
  const { io, notesDir } = context;
  const notes = await readNotesIndex(notesDir, warnSkipped(io), { cacheDir: context.cacheDir });
  const debriefs = debriefsByPrep(notes);
  const shown = notes.filter(matches(options, debriefs)).slice(0, options.limit);

  if (options.json) {
    await writeJsonList(io, shown, (note) => asJson(note, debriefs));
    return;
  }
  if (shown.length === 0) {
    io.stderr.write(notes.length === 0 ? `No saved sessions in ${notesDir} yet; start with: coach prep\n` : 'No saved sessions match.\n');
    return;
  }
  await writeOut(io.stdout, formatLines(shown, debriefs));
}

/** What one write may hold: over 100,000 notes the whole list as one string would be 35 MB. */
const JSON_CHUNK = 500;

/** The same text as `JSON.stringify(items, null, 2)`, written a chunk at a time. */
async function writeJsonList<T>(io: Io, items: readonly T[], asJson: (item: T) => object): Promise<void> {
  if (items.length === 0) return writeOut(io.stdout, '[]\n');
  for (let start = 0; start < items.length; start += JSON_CHUNK) {
    // A chunk as a list of its own, without its brackets: its items are indented as the whole list's are.
    const list = JSON.stringify(items.slice(start, start + JSON_CHUNK).map(asJson), null, 2);
    const end = start + JSON_CHUNK >= items.length;
    await writeOut(io.stdout, `${start === 0 ? '[\n' : ',\n'}${list.slice(2, -2)}${end ? '\n]\n' : ''}`);
  }
}

/** Each prep's debrief (the newest, when there are several), by the prep's id. */
function debriefsByPrep(notes: readonly NoteSummary[]): Map<string, string> {
  const debriefs = new Map<string, string>();
  for (const note of notes) {
    if (note.kind === 'debrief' && note.prep !== undefined && !debriefs.has(note.prep)) debriefs.set(note.prep, note.id);
  }
  return debriefs;
}

function matches(options: HistoryOptions, debriefs: Map<string, string>): (note: NoteSummary) => boolean {
  const customer = options.customer?.toLowerCase();
  return (note) =>
    (customer === undefined || note.customer.toLowerCase().includes(customer)) &&
    (options.playbook === undefined || note.playbook === options.playbook) &&
    (options.kind === undefined || note.kind === options.kind) &&
    (options.since === undefined || note.date >= options.since) &&
    (!options.open || (note.kind === 'prep' && !debriefs.has(note.id)));
}

/** Every key on every object, null when absent, so a consumer never has to guess. */
function asJson(note: NoteSummary, debriefs: Map<string, string>) {
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
    debrief: note.kind === 'prep' ? (debriefs.get(note.id) ?? null) : null,
  };
}

const MAX_WIDTH = { customer: 24, title: 32, playbook: 24 } as const;

function formatLines(notes: readonly NoteSummary[], debriefs: Map<string, string>): string {
  const cell = (text: string | undefined): string => sanitizeForTerminal(text ?? '').replace(/\s+/g, ' ').trim();
  const rows = notes.map((note) => ({
    date: cell(note.date),
    kind: note.kind,
    customer: cell(note.customer),
    title: cell(note.title),
    playbook: cell(note.playbook),
    status: note.kind === 'prep' ? (debriefs.has(note.id) ? 'debriefed' : 'no debrief') : note.prep === undefined ? 'no prep' : '',
    id: cell(note.id),
  }));
  const width = (key: 'customer' | 'title' | 'playbook'): number => Math.min(MAX_WIDTH[key], Math.max(...rows.map((row) => row[key].length)));
  const widths = { customer: width('customer'), title: width('title'), playbook: width('playbook') };
  const lines = rows.map((row) =>
    [
      column(row.date, 10),
      column(row.kind, 7),
      column(row.customer, widths.customer),
      // No column at all when no session shown has a title.
      ...(widths.title > 0 ? [column(row.title, widths.title)] : []),
      column(row.playbook, widths.playbook),
      column(row.status, 10),
      row.id,
    ].join('  '),
  );
  return `${lines.join('\n')}\n`;
}
