/** `coach playbooks show <playbook>`: the playbook as a guide to read, or a Markdown cheat sheet. */
import { playbookGuideText } from '../engine/describe-playbook.js';
import { playbookCheatSheet } from '../engine/playbook-cheat-sheet.js';
import { writeOut, type Io } from '../io.js';
import { compiledPlaybooksDir } from '../store/compiled-playbook-cache.js';
import { loadPlaybook, playbookSources } from '../store/playbook-library.js';
import { sanitizeForTerminal } from '../terminal/sanitize.js';
import { wrapText } from '../terminal/wrap.js';
import type { PlaybooksShowOptions } from './playbooks-commands.js';

export async function playbooksShowCommand(playbookArg: string, options: PlaybooksShowOptions, io: Io): Promise<void> {
  const { playbook } = await loadPlaybook(playbookArg, playbookSources(io.env, io.cwd, options.playbooks), io.cwd, compiledPlaybooksDir(io.env, io.cwd));
  // Markdown keeps the author's lines for whatever renders it; the terminal guide fits the window.
  const text = options.markdown ? playbookCheatSheet(playbook) : wrapText(playbookGuideText(playbook), Math.min(io.stdout.columns ?? 80, 100));
  await writeOut(io.stdout, sanitizeForTerminal(text));
}
