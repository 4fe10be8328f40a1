/**
 * `coach drafts`: the sessions that stopped before their note was written, newest first, so a
 * person can see what is waiting in `coach resume` and `--discard` what they will not finish.
 */
import { UsageError } from '../errors.js';
import { writeOut } from '../io.js';
import { answersKept, describeDraft, draftCustomer, savedAt, unreadableMessage } from '../store/drafts/describe-draft.js';
import { draftHandle, draftsDirectory, listDrafts, removeDraft, type LoadedDraft } from '../store/drafts/drafts.js';
import { sanitizeForTerminal as safe } from '../terminal/sanitize.js';
import type { CommandContext } from './command-context.js';

export interface DraftsOptions {
  discard?: string | undefined;
  json?: true | undefined;
  notesDir?: string | undefined;
}

/**
 * `action`: `coach drafts discard <draft>` is `--discard <draft>`, as `coach followups done <n>`
 * ticks one (typed that way, it was refused as "too many arguments").
 */
export async function draftsCommand(action: string | undefined, which: string | undefined, options: DraftsOptions, context: CommandContext): Promise<void> {
  const { io, notesDir } = context;
  // One word that is not an action is most likely a draft's id.
  if (action !== undefined && action !== 'discard' && which === undefined) throw new UsageError(safe(`to continue the draft ${action}, say: coach resume ${action}; to remove it: coach drafts discard ${action}`));
  if (action !== undefined && action !== 'discard') throw new UsageError(safe(`unknown action "${action}": coach drafts lists them, coach drafts discard <draft> removes one`));
  if (action === 'discard' && which === undefined) throw new UsageError('say which draft to discard: coach drafts discard <draft>, with its id from coach drafts');
  if (which !== undefined && options.discard !== undefined && which !== options.discard) throw new UsageError('give one draft to discard, not two');
  const target = which ?? options.discard;
  const { drafts, unreadable } = await listDrafts(notesDir);
  for (const entry of unreadable) io.stderr.write(`coach: warning: ${unreadableMessage(entry)}\n`);
  if (target !== undefined) return discard(target, drafts, context);
  if (options.json) {
    const list = drafts.map(({ file, draft }) => ({
      id: draftHandle(file),
      path: file,
      playbook: draft.playbook.id,
      phase: draft.phase,
      customer: draft.context?.customer ?? (typeof draft.answers['customer'] === 'string' ? draft.answers['customer'] : null),
      saved: draft.saved,
      answers: draft.asked.length,
    }));
    return writeOut(io.stdout, `${JSON.stringify(list, null, 2)}\n`);
  }
  if (drafts.length === 0) {
    io.stderr.write(`No drafts in ${draftsDirectory(notesDir)}; a draft is kept when a session stops before its note is written.\n`);
    return;
  }
  const rows = drafts.map(({ file, draft }) => [safe(draftHandle(file)), safe(`${draft.playbook.id} ${draft.phase}`), draftCustomer(draft), `saved ${savedAt(draft)}`, answersKept(draft)]);
  const widths = rows.reduce<number[]>((max, row) => row.map((cell, i) => Math.max(max[i] ?? 0, cell.length)), []);
  const columns = io.stdout.isTTY ? (io.stdout.columns ?? 80) : undefined;
  const lines = rows.map((row) => fitCells(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))), columns));
  await writeOut(io.stdout, `${lines.join('\n')}\n`);
}

/**
 * A row's cells two spaces apart; on a terminal `columns` wide, the cells that do not fit go on the
 * next row, indented: the terminal broke them anywhere, inside a customer's name or a date.
 */
function fitCells(cells: readonly string[], columns: number | undefined): string {
  if (columns === undefined || cells.join('  ').length <= columns) return cells.join('  ');
  const shown: string[] = [];
  let current = cells[0] ?? '';
  for (const cell of cells.slice(1)) {
    const longer = `${current}  ${cell}`;
    if (longer.trimEnd().length <= columns) current = longer;
    else {
      shown.push(current.trimEnd());
      current = `  ${cell}`;
    }
  }
  shown.push(current.trimEnd());
  return shown.join('\n');
}

async function discard(id: string, drafts: readonly LoadedDraft[], context: CommandContext): Promise<void> {
  const name = id.replace(/\.json$/, '');
  const found = drafts.find((entry) => draftHandle(entry.file) === name);
  if (!found) {
    const known = drafts.map((entry) => draftHandle(entry.file));
    const where = draftsDirectory(context.notesDir);
    throw new UsageError(
      safe(`no draft "${id}" in ${where}; ${known.length > 0 ? `the drafts are: ${known.join(', ')}` : 'there are no drafts'} (see coach drafts)`),
    );
  }
  removeDraft(found.file);
  context.io.stderr.write(`coach: discarded the draft ${safe(name)} (${describeDraft(found.draft)})\n`);
}
