/**
 * Build step: runs the freshly built CLI once per common command, non-interactively against a
 * scratch notes and config directory, so that each run leaves its command's V8 code cache in
 * `<outDir>/code-cache` (launch.ts writes it after a successful run; COACH_CACHE_DIR points it
 * there). A command that fails here is a broken build, so the build stops with its output.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { codeCacheKey } from './code-cache.js';

/** Answers for the shipped two-questions playbook: the training sessions must run to the end. */
const PREP_ANSWERS = {
  customer: 'Acme Corp',
  title: 'Renewal after the outage',
  need: 'a firm date for the fix',
  state: 'angry',
  helpful: 'let them vent, then walk through the plan',
  mode: 'listening',
  options_when_soft: 'hotfix this week, or replace the unit next month',
  empathy_line: 'A month without the line running has cost you real money.',
  reassurance: 'The fix is scheduled and I own it until it is done.',
  time_cleared: 'yes',
  on_paper: 'yes',
  agree_points: ['The outage cost them a month', 'Nobody called them back'],
};
const DEBRIEF_ANSWERS = { need_met: 'yes', helpful_met: 'yes', mode_used: 'listening', left_feeling: 'relieved', adjustment: 'Send the plan in writing first.' };

const run = promisify(execFile);

/** What the build itself puts in dist/ as directories (build.ts, precompute-help.ts); the rest is the training's. */
const BUILT_DIRECTORIES = new Set(['code-cache', 'playbooks', 'help']);

/** Trains the caches of `<outDir>/launch.cjs`; playbooksDir holds the shipped YAML. */
export async function trainCodeCaches(outDir: string, playbooksDir: string): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'coach-build-'));
  const { NODE_DISABLE_COMPILE_CACHE: _off, ...inherited } = process.env;
  const env = { ...inherited, COACH_CACHE_DIR: outDir, COACH_CONFIG_DIR: join(scratch, 'config'), COACH_NOTES_DIR: join(scratch, 'notes'), COACH_PLAYBOOKS_PATH: '' };
  const coach = async (args: string[]): Promise<string> => {
    try {
      return (await run(process.execPath, [join(outDir, 'launch.cjs'), ...args], { env, cwd: scratch, maxBuffer: 16 * 1024 * 1024 })).stdout;
    } catch (error) {
      const { stderr } = error as { stderr?: string };
      throw new Error(`build: the built CLI failed \`coach ${args.join(' ')}\` while making its code cache:\n${stderr ?? String(error)}`);
    }
  };
  /** Runs these one per core at a time. */
  const runAll = async (runs: string[][]): Promise<void> => {
    const queue = [...runs];
    const worker = async (): Promise<void> => {
      for (let args = queue.shift(); args !== undefined; args = queue.shift()) await coach(args);
    };
    await Promise.all(Array.from({ length: Math.min(availableParallelism(), queue.length) }, worker));
  };
  try {
    const answers = join(scratch, 'prep.json');
    writeFileSync(answers, JSON.stringify(PREP_ANSWERS));
    const debriefAnswers = join(scratch, 'debrief.json');
    writeFileSync(debriefAnswers, JSON.stringify(DEBRIEF_ANSWERS));
    const first = [
      // The program's own cache, for help the launcher did not keep (an option before --help).
      ['--no-color', '--help'],
      // Saves a note (and prints it, stdout being a pipe) for the commands below to read.
      ['prep', 'two-questions', '--answers', answers, '--no-input'],
      ['playbooks', 'list'],
      ['playbooks', 'show', 'two-questions'],
      ['playbooks', 'validate', join(playbooksDir, 'two-questions.yaml')],
      ['playbooks', 'schema'],
      ['completion', 'bash'],
      ['__complete', 'prep', ''],
    ];
    await runAll(first);
    const [note] = JSON.parse(await coach(['history', '--json'])) as { id: string }[];
    if (note === undefined) throw new Error('build: the training prep saved no note');
    const then = [['card'], ['show', note.id], ['debrief', '--last', '--answers', debriefAnswers, '--no-input']];
    await runAll(then);
    // A person's prep and history find notes and a notes index there: the first runs above made
    // them, so their caches hold none of the code that reads an index or the last meeting. Those
    // two are trained again now, as they run every day. So is the first prep of a person's own
    // playbook file, which no build has checked: it reads the YAML and checks it (code-cache.ts).
    const ownPlaybook = join(scratch, 'my-two-questions.yaml');
    writeFileSync(ownPlaybook, `${readFileSync(join(playbooksDir, 'two-questions.yaml'), 'utf8')}# a playbook of their own\n`);
    const again = [['prep', 'two-questions', '--answers', answers, '--no-input'], ['history', '--json'], ['prep', ownPlaybook, '--answers', answers, '--no-input', '--no-save']];
    for (const args of again) rmSync(join(outDir, 'code-cache', `${codeCacheKey(args)}.bin`), { force: true });
    await runAll(again);
    const missing = [...first, ['history'], ...then, ...again].map((args) => `${codeCacheKey(args)}.bin`).filter((name) => !existsSync(join(outDir, 'code-cache', name)));
    if (missing.length > 0) throw new Error(`build: no code cache was written for ${missing.join(', ')}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    // COACH_CACHE_DIR is the build's directory, so that the code caches land in it; whatever
    // else the training runs kept there (the notes index, compiled playbooks, read answers files,
    // kept note answers, and any cache added later) is not part of the build.
    for (const entry of readdirSync(outDir, { withFileTypes: true })) {
      if (entry.isDirectory() && !BUILT_DIRECTORIES.has(entry.name)) rmSync(join(outDir, entry.name), { recursive: true, force: true });
    }
  }
}
