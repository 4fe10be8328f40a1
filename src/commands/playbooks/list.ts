/** `coach playbooks [list]`: every playbook found, one line each, with where it comes from. */
import { writeOut } from '../../io.js';
import { listedId, listPlaybooks, type ListedPlaybook } from '../../store/playbooks/playbook-library.js';
import { sanitizeForTerminal } from '../../terminal/sanitize.js';
import type { CommandContext } from '../command-context.js';
import { collapseWhitespace } from '../../core/text/text-lines.js';
import { wrapAfter } from '../../terminal/wrap.js';

export interface PlaybooksListOptions {
  json?: true | undefined;
  playbooks?: string[] | undefined;
}

export async function playbooksListCommand(options: PlaybooksListOptions, context: CommandContext): Promise<void> {
  const listed = await listPlaybooks(context.playbooks);
  const { stdout } = context.io;
  // On a terminal each description is wrapped between words under its own column; a file or a pipe gets a line each.
  await writeOut(stdout, options.json ? `${JSON.stringify(listed.map(asJson), null, 2)}\n` : listText(listed, stdout.isTTY ? (stdout.columns ?? 80) : undefined));
}

function asJson(entry: ListedPlaybook): Record<string, unknown> {
  const where = { id: listedId(entry), source: entry.source, path: entry.path };
  const hides = (entry.hides ?? []).map(({ source, path }) => ({ source, path }));
  if (entry.error !== undefined) return { ...where, valid: false, error: entry.error, hides };
  const { title, summary, when_to_use: whenToUse, tags } = entry.playbook;
  return { ...where, valid: true, title, summary, when_to_use: whenToUse ?? null, tags, hides };
}

/** A line per id: `id  source  title - when to use`, and what the winner hides; at `width`, the rest of a long one under its description. */
function listText(listed: readonly ListedPlaybook[], width: number | undefined): string {
  const idWidth = Math.max(...listed.map((entry) => listedId(entry).length), 2);
  const sourceWidth = Math.max(...listed.map((entry) => entry.source.length), 6);
  const lines = listed.map((entry) => {
    const about = entry.error !== undefined ? `INVALID: ${entry.error}` : `${entry.playbook.title} - ${entry.playbook.when_to_use ?? entry.playbook.summary}`;
    const hidden = (entry.hides ?? []).map((hidden) => hidden.source);
    const hides = hidden.length > 0 ? ` (overrides ${[...new Set(hidden)].join(', ')})` : '';
    const lead = `${listedId(entry).padEnd(idWidth)}  ${entry.source.padEnd(sourceWidth)}  `;
    const text = sanitizeForTerminal(`${collapseWhitespace(about)}${hides}`);
    if (width === undefined || lead.length + text.length <= width) return sanitizeForTerminal(lead) + text;
    return wrapAfter(sanitizeForTerminal(lead), text, width);
  });
  return `${lines.join('\n')}\n`;
}

