/** `coach prep [playbook]`: get ready for a meeting with one playbook's prep walk. */
import type { ChalkInstance } from 'chalk';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { notesDirectory } from '../store/notes-dir.js';
import { listPlaybooks, loadPlaybook, playbookSources, type LoadedPlaybook } from '../store/playbook-library.js';
import { canPrompt, runSession } from './run-session.js';
import type { SessionOptions } from './session-options.js';

export async function prepCommand(playbookArg: string | undefined, options: SessionOptions, io: Io, chalk: ChalkInstance): Promise<number> {
  const sources = playbookSources(io.env, io.cwd, options.playbooks);
  const loaded = playbookArg !== undefined ? await loadPlaybook(playbookArg, sources, io.cwd) : await choosePlaybook(options, io, chalk, sources);
  await runSession({ loaded, phase: 'prep', options, io, chalk, notesDir: notesDirectory(options.notesDir, io.env, io.cwd) });
  return 0;
}

async function choosePlaybook(options: SessionOptions, io: Io, chalk: ChalkInstance, sources: ReturnType<typeof playbookSources>): Promise<LoadedPlaybook> {
  const listed = await listPlaybooks(sources);
  const usable = listed.filter((entry): entry is LoadedPlaybook & { error?: undefined } => entry.error === undefined);
  if (!canPrompt(options, io)) {
    throw new UsageError(`name a playbook: coach prep <playbook> (available: ${usable.map((entry) => entry.playbook.id).join(', ')})`);
  }
  const { pickOne } = await import('../prompters/inquirer.js');
  const id = await pickOne(
    { input: io.stdin, output: io.stderr, columns: io.stderr.columns },
    chalk,
    'Which playbook fits this meeting?',
    usable.map((entry) => ({
      value: entry.playbook.id,
      name: entry.playbook.title,
      description: entry.playbook.when_to_use ?? entry.playbook.summary,
    })),
  );
  const chosen = usable.find((entry) => entry.playbook.id === id);
  if (!chosen) throw new Error(`picked an unknown playbook ${id}`);
  return chosen;
}
