/** `coach playbooks show <playbook>`: the playbook as a guide to read, or a Markdown cheat sheet. */
import { playbookGuideText } from '../../core/playbook/describe-playbook.js';
import { playbookCheatSheet } from '../../core/playbook/playbook-cheat-sheet.js';
import { writeOut } from '../../io.js';
import { loadPlaybook } from '../../store/playbooks/playbook-library.js';
import { sanitizeForTerminal } from '../../terminal/sanitize.js';
import { wrapText } from '../../terminal/wrap.js';
import type { CommandContext } from '../command-context.js';

export interface PlaybooksShowOptions {
  markdown?: true | undefined;
  playbooks?: string[] | undefined;
}

export async function playbooksShowCommand(playbookArg: string, options: PlaybooksShowOptions, context: CommandContext): Promise<void> {
  const { io } = context;
  const { playbook } = await loadPlaybook(playbookArg, context.playbooks);
  // Markdown keeps the author's lines for whatever renders it; the terminal guide fits the window.
  const text = options.markdown ? playbookCheatSheet(playbook) : wrapText(playbookGuideText(playbook), Math.min(io.stdout.columns ?? 80, 100));
  await writeOut(io.stdout, sanitizeForTerminal(text));
}
