/** Collects the answers given on the command line and in an answers file, in precedence order. */
import type { SuppliedAnswers } from '../core/session/supplied-answers.js';
import { readTextFile, readTextStream } from '../store/files/read-text-file.js';
import { parseSetOptions } from '../formats/set-options.js';
import { parseAnswersWithCache, parsedAnswersDir } from '../store/cache/parsed-answers-cache.js';
import type { Io } from '../io.js';
import { resolve } from 'node:path';
import type { SessionOptions } from '../commands/options/session-options.js';
import { CONTEXT_IDS } from '../core/playbook/context-ids.js';

/** The file first, then --set, then the named context options: the most specific wins. */
export async function suppliedFromOptions(options: SessionOptions, io: Io): Promise<SuppliedAnswers> {
  let supplied: SuppliedAnswers = new Map();
  if (options.answers !== undefined) {
    const fromStdin = options.answers === '-';
    const name = fromStdin ? '<stdin>' : options.answers;
    const text = fromStdin ? await readTextStream(io.stdin, name) : readTextFile(resolve(io.cwd, options.answers), 'the answers file');
    // A map of its own for each call, so it is added to as it is, not copied answer by answer.
    supplied = await parseAnswersWithCache(text, name, parsedAnswersDir(io.env, io.cwd));
  }
  for (const [id, answer] of parseSetOptions(options.set ?? [])) supplied.set(id, answer);
  for (const id of CONTEXT_IDS) {
    const value = options[id];
    if (value !== undefined) supplied.set(id, { raw: value, origin: `--${id}` });
  }
  return supplied;
}
