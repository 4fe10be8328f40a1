/**
 * Shared by the adversarial suite: the CLI in-process with the raw bytes of every stream (escape
 * codes kept, so a test can prove none came from data), the built CLI as a real process, and a
 * byte-for-byte snapshot of a directory to prove that nothing was lost or overwritten.
 */
import { spawn, type StdioOptions } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoPath } from '../helpers/playbooks.js';
import { Capture, runCli, type CliOptions, type CliResult } from '../helpers/run-cli.js';

export const ANSWERS = repoPath('tests/fixtures/answers/two-questions.yaml');

/** Everything written, raw; `fail` makes every write fail with that errno code. */
export class RawCapture extends Capture {
  constructor(fail?: string) {
    super(fail === undefined ? {} : { fail });
  }
}

export type RawResult = CliResult;

/** The CLI in-process with escape codes kept in what it wrote. */
export function runRaw(argv: string[], options: Omit<CliOptions, 'raw'> = {}): Promise<RawResult> {
  return runCli(argv, { ...options, raw: true });
}

/** The built CLI (`npm run build` first) as a real process, with a hard time limit. */
export function spawnCoach(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; stdio?: StdioOptions; input?: string; timeoutMs?: number } = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  // The runner's COACH_CACHE_DIR (a temp directory, tests/vitest.config.ts) stays, so that the
  // caches the CLI leaves never land in the home of whoever runs the tests.
  for (const key of Object.keys(env)) if (key.startsWith('COACH_') && key !== 'COACH_CACHE_DIR' && !(options.env && key in options.env)) delete env[key];
  const child = spawn(process.execPath, [repoPath('bin/coach.js'), ...args], { cwd: options.cwd ?? repoPath('.'), env, stdio: options.stdio ?? 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  if (options.input !== undefined) child.stdin?.end(options.input);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Every file under `dir` (dot files included) with its bytes, for "nothing changed" checks. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      const stats = lstatSync(path);
      if (stats.isDirectory()) walk(path);
      else files[relative(dir, path)] = stats.isFile() ? readFileSync(path).toString('base64') : `<${stats.mode.toString(8)}>`;
    }
  };
  walk(dir);
  return files;
}

/** A small valid playbook; `extra` replaces or adds top-level YAML lines. */
export function playbookText(questions = '        - { id: need, type: text, prompt: What do they need? }', extra = ''): string {
  return `id: tiny
title: Tiny
summary: A small playbook for tests.
source: Tests
${extra}prep:
  steps:
    - id: only
      title: Only step
      questions:
${questions}
`;
}

export function writePlaybook(dir: string, text: string, name = 'tiny.yaml'): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** No stack trace reached the user: no `    at ` frames, no "this is a bug". */
export function expectNoStackTrace(stderr: string): void {
  if (/^\s+at .+\(.*:\d+:\d+\)$/m.test(stderr) || stderr.includes('this is a bug')) throw new Error(`a stack trace reached the user:\n${stderr}`);
}
