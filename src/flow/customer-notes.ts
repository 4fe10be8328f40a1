/**
 * One customer's saved notes as the account sees them: found through the notes index (with each
 * debrief's open follow-ups, kept there) as a table of rows, of which only that customer's become
 * objects (over 10,000 notes of 8 customers, an object per note was a fifth of the time in
 * garbage collection), then only that customer's notes read for their answers
 * and scores (kept per customer in the cache, store/notes/note-answers-cache.ts), each read by its own playbook's `remember` and `carry` marks. A note coach cannot
 * use, or whose playbook is gone, costs a warning and its own part, never the account.
 */
import { lastTimeOf, type AccountNote, type LastTime, type NoteScore } from '../core/note/account.js';
import type { FollowUp } from '../core/note/follow-ups.js';
import { carriedAnswers, noneRemembered, rememberedLines } from '../core/note/remembered.js';
import { emptyAnswers } from '../core/session/answers.js';
import { matchCustomer } from '../core/text/customer-match.js';
import { nameKey } from '../core/text/name-key.js';
import type { Playbook } from '../core/playbook/schema.js';
import { AmbiguousSessionError, CoachError, UsageError } from '../errors.js';
import { localToday } from '../io.js';
import { noteAnswersCache, type NoteAnswers } from '../store/notes/note-answers-cache.js';
import { readNoteTable } from '../store/notes/notes-index.js';
import type { NoteSummary, NoteTable } from '../store/notes/note-table.js';
import { loadPlaybook } from '../store/playbooks/playbook-library.js';
import type { CommandContext } from '../commands/command-context.js';
import { sanitizeForTerminal as safe } from '../terminal/sanitize.js';
import { warnSkipped } from './skipped-note-warning.js';

export interface CustomerNotes {
  /** The name as most of the notes spell it. */
  customer: string;
  notes: AccountNote[];
}

/** `coach account <customer>`: the customer the typed name means, or a UsageError that says why not. */
export async function customerNotesNamed(typed: string, context: CommandContext): Promise<CustomerNotes> {
  const notes = await newestFirst(context, warnSkipped(context.io));
  const match = matchCustomer(typed, notes.rows.map((row) => notes.table.field(row, 'customer') ?? ''));
  if ('customer' in match) return collect(match.customer, notes, context);
  if ('candidates' in match) {
    throw new AmbiguousSessionError([`"${typed}" starts the names of ${match.candidates.length} customers; give more of the name, one of:`, ...match.candidates.map((name) => `  ${name}`)].join('\n'));
  }
  const hint = match.hint === undefined ? '' : ` (did you mean "${match.hint}"?)`;
  throw new UsageError(`no saved notes for a customer "${typed}" in ${context.notesDir}${hint}; run \`coach history\` to see the customers`);
}

/** A prep's "From last time": what the notes of exactly this customer (any case or punctuation) recall. */
export function lastTimeFinder(context: CommandContext): (customer: string) => Promise<LastTime | undefined> {
  return async (customer) => {
    let found: CustomerNotes | undefined;
    try {
      found = await customerNotesOf(customer, context);
    } catch (error) {
      // Earlier notes that cannot be read cost the recollection, never the prep.
      if (error instanceof CoachError) return undefined;
      throw error;
    }
    return found === undefined ? undefined : lastTimeOf(found.customer, found.notes, localToday(context.io));
  };
}

/**
 * What a prep's card carries from the customer's earlier meetings: the follow-ups still open in
 * the debriefs saved before the prep (the ones of later meetings are not what it was for), as the
 * notes say now, so one ticked since is gone.
 */
export async function stillOpenBefore(prep: { id: string; customer: string; created?: string | undefined }, context: CommandContext): Promise<FollowUp[]> {
  const key = nameKey(prep.customer);
  if (key === '') return [];
  let rows: Rows;
  try {
    // Only the index's own columns and follow-ups: no note is read for its answers, as a prep's
    // From last time must (over a customer's 1,250 notes that took 5 s the first time).
    rows = await newestFirst(context, () => undefined);
  } catch (error) {
    // As for a prep's From last time: earlier notes that cannot be read cost the list, never the card.
    if (error instanceof CoachError) return [];
    throw error;
  }
  const { table } = rows;
  const open: FollowUp[] = [];
  // Oldest first, as the debriefs were saved.
  for (const row of [...rows.rows].reverse()) {
    // Fields first, as account does: an object for each of 10,000 notes was most of its garbage.
    if (table.kind(row) !== 'debrief' || nameKey(table.field(row, 'customer') ?? '') !== key || table.field(row, 'prep') === prep.id) continue;
    const created = table.field(row, 'created');
    if (prep.created !== undefined && (created === undefined || created >= prep.created)) continue;
    const boxes = table.boxes(row);
    if (boxes === undefined || !('open' in boxes)) continue;
    open.push(...boxes.open);
  }
  return open;
}

async function customerNotesOf(customer: string, context: CommandContext): Promise<CustomerNotes | undefined> {
  if (nameKey(customer) === '') return undefined;
  // A prep is not the place to hear about other files in the notes directory: history and account say it.
  const quiet = (): void => undefined;
  const found = await collect(customer, await newestFirst(context, quiet), context, quiet);
  return found.notes.length === 0 ? undefined : found;
}

const warnOn = (io: CommandContext['io']) => (line: string): void => void io.stderr.write(`coach: warning: ${safe(line).replace(/\n/g, ' ')}\n`);

/** Every note, with each debrief's follow-ups, as rows newest first. */
interface Rows {
  table: NoteTable;
  rows: number[];
}

async function newestFirst(context: CommandContext, onSkip: Parameters<typeof readNoteTable>[1]): Promise<Rows> {
  const table = await readNoteTable(context.notesDir, onSkip, { cacheDir: context.cacheDir, followUps: true });
  return { table, rows: table.newestFirst() };
}

async function collect(customer: string, { table, rows }: Rows, context: CommandContext, warn = warnOn(context.io)): Promise<CustomerNotes> {
  const key = nameKey(customer);
  // Each with its file as the scan just found it: that spares the kept answers a stat of their own.
  const theirs = rows
    .filter((row) => nameKey(table.field(row, 'customer') ?? '') === key)
    .map((row) => ({ summary: { ...table.summary(row), boxes: table.boxes(row) } satisfies NoteSummary, stamp: table.stamp(row) }));
  const playbooks = new Map<string, Promise<Playbook | undefined>>();
  const playbookOf = (id: string, noteId: string): Promise<Playbook | undefined> => {
    let loading = playbooks.get(id);
    if (loading === undefined) {
      loading = loadPlaybook(id, context.playbooks).then(
        (loaded) => loaded.playbook,
        (error: unknown) => {
          if (!(error instanceof CoachError)) throw error;
          warn(`playbook "${id}" of ${noteId} cannot be loaded, so what its answers mean is left out (${error.message.split('\n')[0]})`);
          return undefined;
        },
      );
      playbooks.set(id, loading);
    }
    return loading;
  };
  const notes: AccountNote[] = [];
  const kept = noteAnswersCache(context.cacheDir, context.notesDir, key);
  for (const { summary, stamp } of theirs) {
    const boxes = summary.boxes ?? { open: [] };
    if ('reason' in boxes) warn(`cannot read the follow-ups of ${summary.path}: ${boxes.reason}`);
    let data: NoteAnswers;
    try {
      data = await kept.read(summary.path, stamp);
    } catch (error) {
      if (!(error instanceof CoachError)) throw error;
      warn(error.message);
      continue;
    }
    const playbook = await playbookOf(summary.playbook, summary.id);
    const answers = asRecord(data.answers);
    notes.push({
      id: summary.id,
      kind: summary.kind,
      playbook: summary.playbook,
      title: summary.title,
      date: summary.date,
      created: summary.created,
      prep: summary.prep,
      scores: scoresOf(data.scores),
      remembered: playbook === undefined ? noneRemembered() : rememberedLines(playbook, summary.kind, answers),
      carried: playbook === undefined || summary.kind !== 'prep' ? emptyAnswers() : carriedAnswers(playbook, answers),
      followUps: 'open' in boxes ? boxes.open : [],
    });
  }
  kept.save();
  return { customer: usualSpelling(theirs.map(({ summary }) => summary)) ?? customer, notes };
}

/** The spelling most notes use ("St. Mary's Trust" over one typed "st marys trust"); the newest note's breaks a tie. */
function usualSpelling(notes: readonly NoteSummary[]): string | undefined {
  const counts = new Map<string, number>();
  // Newest first, so among spellings used equally often the first counted is the newest.
  for (const note of [...notes].sort((a, b) => ((a.created ?? '') < (b.created ?? '') ? 1 : -1))) counts.set(note.customer, (counts.get(note.customer) ?? 0) + 1);
  let best: string | undefined;
  for (const [name, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = name;
  return best;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A note's scores as saved; a hand-edited entry of the wrong shape is left out. */
function scoresOf(value: unknown): NoteScore[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const { title, verdict, value: score, max } = asRecord(entry);
    return typeof title === 'string' && typeof verdict === 'string' && typeof score === 'number' && typeof max === 'number' ? [{ title, verdict, value: score, max }] : [];
  });
}
