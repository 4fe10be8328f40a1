/**
 * Build step: every shipped playbook validated exactly as `coach` validates one, then written as
 * JSON for the bundle to load without parsing YAML (see store/precompiled-playbooks.ts). Any
 * problem in any playbook fails the build, with every problem of every file listed.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlaybook } from '../core/playbook/parse-playbook.js';
import { PlaybookError, type PlaybookIssue } from '../errors.js';
import { readTextFile } from '../store/files/read-text-file.js';
import { precompiledJson } from '../store/playbooks/precompiled-playbooks.js';

/** Writes `<outDir>/<id>.json` for each `<id>.yaml` in playbooksDir; returns the ids. */
export async function precompilePlaybooks(playbooksDir: string, outDir: string): Promise<string[]> {
  const files = readdirSync(playbooksDir).filter((name) => /\.ya?ml$/i.test(name) && !name.startsWith('.')).sort();
  const compiled: { id: string; json: string }[] = [];
  const issues: PlaybookIssue[] = [];
  for (const name of files) {
    const path = join(playbooksDir, name);
    const id = name.replace(/\.ya?ml$/i, '');
    const text = readTextFile(path, 'the playbook');
    try {
      const playbook = parsePlaybook(text, path);
      // `coach prep <id>` refuses a file whose id differs from its name, so the build does too.
      if (playbook.id !== id) issues.push({ file: path, line: 1, col: 1, message: `declares id "${playbook.id}"; name the file ${playbook.id}.yaml` });
      else compiled.push({ id, json: precompiledJson(text, playbook) });
    } catch (error) {
      if (!(error instanceof PlaybookError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new PlaybookError(issues);
  mkdirSync(outDir, { recursive: true });
  for (const { id, json } of compiled) writeFileSync(join(outDir, `${id}.json`), json);
  return compiled.map(({ id }) => id);
}
