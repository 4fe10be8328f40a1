/**
 * `coach playbooks validate <file...>`: every problem of every file as `file:LINE:COL: message`,
 * the form editors and CI annotate from; exit 3 when any playbook is invalid.
 *
 * A built-in playbook whose text is exactly what the build validated (the same checks, by this
 * same build, at install) is not checked a second time, nor is a file whose exact text this
 * version of coach found valid before (compiled-playbook-cache.ts); any edit is checked.
 */
import { dirname, resolve } from 'node:path';
import { FileError, PlaybookError, PlaybooksInvalidError, formatIssue, type PlaybookIssue } from '../../errors.js';
import { readTextFile } from '../../store/files/read-text-file.js';
import { writeOut } from '../../io.js';
import { parsePlaybookWithCache } from '../../store/playbooks/compiled-playbook-cache.js';
import { checkedAtBuild, findPlaybookFile, isPlaybookPath, type PlaybookShelf } from '../../store/playbooks/playbook-library.js';
import { sanitizeForTerminal } from '../../terminal/sanitize.js';
import type { CommandContext } from '../command-context.js';

interface Validation {
  file: string;
  valid: boolean;
  id?: string | undefined;
  issues: PlaybookIssue[];
  /** The file could not be read at all. */
  error?: string | undefined;
}

export interface PlaybooksValidateOptions {
  json?: true | undefined;
  playbooks?: string[] | undefined;
}

export async function playbooksValidateCommand(files: readonly string[], options: PlaybooksValidateOptions, context: CommandContext): Promise<void> {
  const { io } = context;
  const results: Validation[] = [];
  for (const file of files) results.push(await validateOne(file, context.playbooks));

  const invalid = results.filter((result) => !result.valid);
  if (options.json) {
    await writeOut(io.stdout, `${JSON.stringify({ valid: invalid.length === 0, files: results }, null, 2)}\n`);
  } else {
    const lines = results.flatMap((result) => {
      if (result.error !== undefined) return [`${result.file}: ${result.error}`];
      return result.valid ? [`${result.file}: ok (${result.id ?? ''})`] : result.issues.map(formatIssue);
    });
    await writeOut(io.stdout, sanitizeForTerminal(`${lines.join('\n')}\n`));
  }
  if (invalid.length > 0) throw new PlaybooksInvalidError(invalid, results.length);
}

/** A path is read as given; an id is the file `coach prep <id>` would use. */
async function validateOne(arg: string, { sources, cwd, compiledCache }: PlaybookShelf): Promise<Validation> {
  const found = isPlaybookPath(arg) ? undefined : findPlaybookFile(arg, sources);
  const file = found?.path ?? arg;
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = readTextFile(path, 'the playbook');
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    // The line names the file as the user did, not by the resolved path.
    return { file, valid: false, issues: [], error: error.reason };
  }
  const builtInDir = sources.find((source) => source.kind === 'built-in')?.dir;
  const checked = dirname(path) === builtInDir ? checkedAtBuild(path, text) : undefined;
  if (checked !== undefined) return { file, valid: true, id: checked, issues: [] };
  try {
    return { file, valid: true, id: (await parsePlaybookWithCache(text, file, compiledCache)).id, issues: [] };
  } catch (error) {
    if (!(error instanceof PlaybookError)) throw error;
    return { file, valid: false, issues: [...error.issues] };
  }
}
