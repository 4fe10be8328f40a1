/**
 * Long answers in the user's own editor ($VISUAL, then $EDITOR). We spawn it ourselves rather
 * than through @inquirer/editor, which inherits stdout: with `coach prep > note.md` the editor
 * would paint into the note. Here the editor draws on the terminal (stderr) whatever stdout is.
 */
import type { StdioOptions } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EditorLaunch {
  /** The editor command as the user wrote it, arguments included (`code --wait`). */
  command: string;
  stdio: StdioOptions;
}

/** Like git's commit template: everything from this line down is instructions, not the answer. */
export const SCISSORS = '# ------------------------ >8 ------------------------';

export function editorTemplate(prompt: string, why: string | undefined, current: string): string {
  const notes = [SCISSORS, '# Write your answer above this line; everything from the line above down is ignored.', `# ${prompt}`];
  if (why) notes.push(...why.split('\n').map((line) => `# ${line}`));
  return `${current}\n\n${notes.join('\n')}\n`;
}

export function answerFromTemplate(text: string): string {
  const cut = text.indexOf(SCISSORS);
  return (cut === -1 ? text : text.slice(0, cut)).replace(/\s+$/, '');
}

export function editorCommand(env: NodeJS.ProcessEnv): string | undefined {
  const command = (env['VISUAL'] || env['EDITOR'] || '').trim();
  return command === '' ? undefined : command;
}

/**
 * Opens the editor on a template; resolves with the answer, or with why it could not. The signal
 * (SIGTERM, SIGHUP) ends the editor with the session rather than leaving it behind.
 */
export async function editInEditor(
  launch: EditorLaunch,
  template: string,
  signal?: AbortSignal,
): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'coach-edit-'));
  const file = join(dir, 'answer.md');
  try {
    writeFileSync(file, template, { mode: 0o600 });
    // Through the shell, as git does, so "code --wait" and quoted paths in $EDITOR work; `exec`
    // makes the shell become the editor, so ending the session ends the editor too.
    // Loaded here: node:child_process (and what it pulls in) costs every start a few milliseconds.
    const { spawn } = await import('node:child_process');
    const child = process.platform === 'win32'
      ? spawn(`${launch.command} "${file}"`, { stdio: launch.stdio, shell: true, signal })
      : spawn('/bin/sh', ['-c', `exec ${launch.command} "$1"`, launch.command, file], { stdio: launch.stdio, signal });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (exitCode) => resolve(exitCode));
    });
    if (code !== 0) return { ok: false, reason: `the editor (${launch.command}) exited with code ${String(code)}` };
    return { ok: true, text: answerFromTemplate(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { ok: false, reason: `cannot start the editor (${launch.command}): ${(error as Error).message}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
