/**
 * `npm run bench`: start-up and scale of the built CLI, each case as a ratio to a baseline
 * measured in the same run (bare `node -e 0`, or the same command on a small input), so the
 * figures mean the same on a fast or a slow machine. Not part of `npm test`; it fails nothing.
 *
 * It builds its own copy of the package (what `npm pack` ships: package.json, bin, dist,
 * playbooks) in a temp directory, so a test run rebuilding dist/ meanwhile cannot disturb it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCoach } from '../../src/build/build.js';
import { writeGeneratedPlaybook, writeNotes } from './fixtures.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const rssReporter = join(repo, 'tests/bench/report-rss.mjs');
const runs = Number(process.env['BENCH_RUNS'] ?? 21);
const work = mkdtempSync(join(tmpdir(), 'coach-bench-'));
const installed = join(work, 'coach');
const coach = join(installed, 'bin/coach.js');

async function install(): Promise<void> {
  for (const part of ['package.json', 'bin', 'playbooks']) cpSync(join(repo, part), join(installed, part), { recursive: true });
  await buildCoach(join(installed, 'dist'));
}

interface Command {
  args: string[];
  env?: Record<string, string>;
}
interface Case {
  name: string;
  coach: Command;
  baseline: Command;
  baselineName: string;
  target: number;
}

const node = (args: string[], env: Record<string, string> = {}): Command => ({ args, env });
const bare = node(['-e', '0']);
const cli = (args: string[], env: Record<string, string> = {}): Command => node([coach, ...args], env);

function timeOnce(command: Command): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, command.args, { env: { ...process.env, NO_COLOR: '1', ...command.env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command.args.join(' ')} exited ${String(result.status)}: ${result.stderr.toString()}`);
  return elapsed;
}

function peakRss(command: Command): number {
  const file = join(work, 'rss.txt');
  timeOnce({ args: ['--import', rssReporter, ...command.args], env: { ...command.env, COACH_BENCH_RSS_FILE: file } });
  return Number(readFileSync(file, 'utf8')) / 1024;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Warm-up, then coach and baseline alternate, so drift in the machine hits both alike. */
function measure(benchCase: Case): { coach: number; baseline: number } {
  for (let i = 0; i < 3; i++) {
    timeOnce(benchCase.coach);
    timeOnce(benchCase.baseline);
  }
  const coachTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    coachTimes.push(timeOnce(benchCase.coach));
    baselineTimes.push(timeOnce(benchCase.baseline));
  }
  return { coach: median(coachTimes), baseline: median(baselineTimes) };
}

async function main(): Promise<void> {
  await install();
  const notes10k = join(work, 'notes-10000');
  const notes1k = join(work, 'notes-1000');
  writeNotes(notes10k, 10_000);
  writeNotes(notes1k, 1_000);
  const big = writeGeneratedPlaybook(work, 'big', 100, 20);
  const small = writeGeneratedPlaybook(work, 'small', 1, 20);
  const shipped = readdirSync(join(installed, 'playbooks')).filter((name) => name.endsWith('.yaml')).map((name) => join(installed, 'playbooks', name));
  // The same five, each with a comment added: the build's own check no longer applies, and every
  // file is read, checked against the schema and cross-checked, as a user's own playbook is.
  const edited = shipped.map((path) => {
    const copy = join(work, 'edited', basename(path));
    mkdirSync(dirname(copy), { recursive: true });
    writeFileSync(copy, `${readFileSync(path, 'utf8')}# edited\n`);
    return copy;
  });
  const answers = join(repo, 'tests/fixtures/answers/two-questions.yaml');
  const quietPrep = ['--no-input', '--no-save', '--stdout', '-q'];

  const cases: Case[] = [
    { name: 'coach --version', coach: cli(['--version']), baseline: bare, baselineName: 'node -e 0', target: 1.3 },
    { name: 'coach --help', coach: cli(['--help']), baseline: bare, baselineName: 'node -e 0', target: 1.3 },
    { name: 'prep two-questions --answers --no-input', coach: cli(['prep', 'two-questions', '--answers', answers, ...quietPrep]), baseline: bare, baselineName: 'node -e 0', target: 1.5 },
    { name: `playbooks validate (${shipped.length} shipped)`, coach: cli(['playbooks', 'validate', ...shipped]), baseline: bare, baselineName: 'node -e 0', target: 1.5 },
    { name: `playbooks validate (${edited.length} edited copies)`, coach: cli(['playbooks', 'validate', ...edited]), baseline: bare, baselineName: 'node -e 0', target: 1.5 },
    { name: 'history --json, 10,000 notes', coach: cli(['history', '--json'], { COACH_NOTES_DIR: notes10k }), baseline: bare, baselineName: 'node -e 0', target: 4 },
    {
      name: 'prep of a 2,000-question playbook',
      coach: cli(['prep', big.playbook, '--answers', big.answers, ...quietPrep]),
      baseline: cli(['prep', small.playbook, '--answers', small.answers, ...quietPrep]),
      baselineName: 'same, 20 questions',
      target: 2,
    },
    {
      name: 'playbooks validate, 2,000 questions',
      coach: cli(['playbooks', 'validate', big.playbook]),
      baseline: cli(['playbooks', 'validate', small.playbook]),
      baselineName: 'same, 20 questions',
      target: 2,
    },
  ];

  console.log(`coach benchmarks: median of ${runs} runs after 3 warm-up runs, ${process.version}, ${process.platform}\n`);
  const rows: string[][] = [['case', 'coach', 'baseline', 'ratio', 'target', '']];
  for (const benchCase of cases) {
    const { coach: coachMs, baseline } = measure(benchCase);
    const ratio = coachMs / baseline;
    rows.push([benchCase.name, `${coachMs.toFixed(0)} ms`, `${baseline.toFixed(0)} ms (${benchCase.baselineName})`, `${ratio.toFixed(2)}x`, `<= ${benchCase.target}x`, ratio <= benchCase.target ? 'ok' : 'OVER']);
  }
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());

  const rss1k = peakRss(cli(['history', '--json'], { COACH_NOTES_DIR: notes1k }));
  const rss10k = peakRss(cli(['history', '--json'], { COACH_NOTES_DIR: notes10k }));
  const rssBare = peakRss(bare);
  console.log(`\npeak memory: node -e 0 ${rssBare.toFixed(0)} MiB; history --json over 1,000 notes ${rss1k.toFixed(0)} MiB, over 10,000 notes ${rss10k.toFixed(0)} MiB (${(rss10k / rss1k).toFixed(2)}x for 10x the notes)`);
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
