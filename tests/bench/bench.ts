/**
 * `npm run bench`: start-up and scale of the built CLI, each case as a ratio to a baseline
 * measured in the same run (bare `node -e 0`, or the same command on a small input), so the
 * figures mean the same on a fast or a slow machine. Not part of `npm test`; it fails nothing.
 *
 * Honest baselines: NODE_EXTRA_CA_CERTS (set on the build machines, it makes every Node start
 * parse a certificate bundle, about 35 ms) and NODE_OPTIONS are removed for both sides, and
 * what was removed is printed. Runs alternate coach and baseline after warm-up runs, and the
 * medians are compared. Where valgrind is installed, callgrind's instruction counts are given
 * too: they repeat within a few per cent on a machine too busy for stable times.
 *
 * It builds its own copy of the package (what `npm pack` ships: package.json, bin, dist,
 * playbooks) in a temp directory, so a test run rebuilding dist/ meanwhile cannot disturb it,
 * and keeps coach's caches (code caches, compiled playbooks, the notes index) in a temp
 * directory of its own. BENCH_RUNS sets the runs per case (21); BENCH_HUGE=0 leaves out the
 * 100,000-note cases (they take a few minutes to set up); BENCH_CALLGRIND=0 leaves out callgrind;
 * BENCH_ONLY=<regular expression> runs only the cases whose names match.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCoach } from '../../src/build/build.js';
import { rewriteNote, writeGeneratedPlaybook, writeNotes } from './fixtures.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const rssReporter = join(repo, 'tests/bench/report-rss.mjs');
const runs = Number(process.env['BENCH_RUNS'] ?? 21);
const only = process.env['BENCH_ONLY'] === undefined ? undefined : new RegExp(process.env['BENCH_ONLY']);
const huge = process.env['BENCH_HUGE'] !== '0' && (only === undefined || only.test('100,000'));
const work = mkdtempSync(join(tmpdir(), 'coach-bench-'));
const installed = join(work, 'coach');
const coach = join(installed, 'bin/coach.js');

/** Variables that change what a bare Node start costs; a user's machine does not have them. */
const FLATTERING = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'] as const;
const baseEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COACH_CACHE_DIR: join(work, 'cache'), COACH_CONFIG_DIR: join(work, 'config') };
const removed = FLATTERING.filter((name) => baseEnv[name] !== undefined);
for (const name of FLATTERING) delete baseEnv[name];
for (const name of Object.keys(baseEnv)) if (name.startsWith('COACH_') && !['COACH_CACHE_DIR', 'COACH_CONFIG_DIR'].includes(name)) delete baseEnv[name];

async function install(): Promise<void> {
  for (const part of ['package.json', 'bin', 'playbooks']) cpSync(join(repo, part), join(installed, part), { recursive: true });
  // As npm installs it: the dependencies beside it, for the few the bundle requires at run time (pdfkit, ical.js).
  symlinkSync(join(repo, 'node_modules'), join(installed, 'node_modules'), 'dir');
  await buildCoach(join(installed, 'dist'));
}

interface Command {
  args: string[];
  env?: Record<string, string>;
  /** Run before each timed run of this command, outside the timing. */
  before?: () => void;
}
interface Case {
  name: string;
  coach: Command;
  baseline: Command;
  baselineName: string;
  target: number;
  /** Count instructions with callgrind too (start-up cases; a big one would take minutes). */
  callgrind?: boolean;
}

const node = (args: string[], env: Record<string, string> = {}): Command => ({ args, env });
const bare = node(['-e', '0']);
const cli = (args: string[], env: Record<string, string> = {}, before?: () => void): Command => ({ ...node([coach, ...args], env), before });

function spawn(command: Command, prefix: string[] = []) {
  const [executable, ...args] = prefix.length > 0 ? [...prefix, process.execPath, ...command.args] : [process.execPath, ...command.args];
  const result = spawnSync(executable ?? process.execPath, args, { env: { ...baseEnv, ...command.env }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command.args.join(' ')} exited ${String(result.status)}: ${result.stderr.toString()}`);
  return result;
}

function timeOnce(command: Command): number {
  command.before?.();
  const start = process.hrtime.bigint();
  spawn(command);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Instructions the whole process executed, by callgrind; undefined without valgrind. */
function instructions(command: Command): number | undefined {
  command.before?.();
  const result = spawn(command, ['valgrind', '--tool=callgrind', '--callgrind-out-file=/dev/null']);
  const match = /Collected\s*:\s*(\d+)/.exec(result.stderr.toString());
  return match ? Number(match[1]) : undefined;
}

const hasCallgrind = process.env['BENCH_CALLGRIND'] !== '0' && spawnSync('valgrind', ['--version']).status === 0;

/** The peak memory of one run, after a run unmeasured: warm, as every timed case is (caches and the notes index made). */
function peakRss(command: Command): number {
  const file = join(work, 'rss.txt');
  timeOnce(command);
  timeOnce({ ...command, args: ['--import', rssReporter, ...command.args], env: { ...command.env, COACH_BENCH_RSS_FILE: file } });
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

function notesDir(count: number, bodyRepeat?: number): string {
  const dir = join(work, `notes-${count}`);
  writeNotes(dir, count, bodyRepeat);
  return dir;
}

async function main(): Promise<void> {
  await install();
  const notes1k = notesDir(1_000);
  const notes10k = notesDir(10_000);
  // The same 10,000 notes, 100 of them rewritten by another program before every run.
  const changing10k = join(work, 'notes-10000-changing');
  cpSync(notes10k, changing10k, { recursive: true });
  let edits = 0;
  const change100 = (): void => {
    edits++;
    for (let i = 0; i < 100; i++) rewriteNote(changing10k, i * 97, edits);
  };
  const notes100k = huge ? notesDir(100_000, 1) : undefined;
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
  const history = (dir: string, before?: () => void): Command => cli(['history', '--json'], { COACH_NOTES_DIR: dir }, before);
  // A user's own playbook (an edited copy of a shipped one): the first prep of it parses and
  // checks it, the next one finds it compiled in the cache.
  const userPlaybook = edited.find((path) => basename(path) === 'two-questions.yaml') ?? '';
  const forgetCompiled = (): void => {
    for (const kept of ['compiled-playbooks', 'parsed-answers']) rmSync(join(work, 'cache', kept), { recursive: true, force: true });
  };
  // What any history over 10,000 notes must do, in bare Node: list them, stat each, parse the
  // notes index coach wrote, print the JSON. Not a target: the floor the target sits above.
  // Its index is the one coach writes for these notes, in a cache directory of its own.
  const floorCache = join(work, 'floor-cache');
  spawn(cli(['history', '--json'], { COACH_NOTES_DIR: notes10k, COACH_CACHE_DIR: floorCache }));
  const floor = node([join(repo, 'tests/bench/history-floor.cjs'), notes10k, join(floorCache, 'notes-index')]);
  // What every command pays before its own code runs: the bundle compiled from the command's
  // code cache and its top level run, as dist/launch.cjs does. Not a target either.
  const bundleFloor = (command: string): Command => node([join(repo, 'tests/bench/bundle-floor.cjs'), join(installed, 'dist'), command]);

  // Hostile playbooks (tests/adversarial/bad-playbooks.test.ts checks what coach says about them;
  // how long that takes is measured here). coach refuses them with exit 3, so both sides run
  // through the same `node -e` wrapper, which exits 0 when coach exits as expected.
  const expecting = (code: number, args: string[]): Command =>
    node(['-e', `process.exit(require('node:child_process').spawnSync(process.execPath, process.argv.slice(1), { stdio: 'ignore' }).status === ${code} ? 0 : 1)`, coach, ...args]);
  const hostile = (name: string, text: string): string => {
    const path = join(work, 'hostile', `${name}.yaml`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  const bombLines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level++) bombLines.push(`${'abcdefghi'[level]}: &${'abcdefghi'[level]} [${Array(9).fill(`*${'abcdefghi'[level - 1]}`).join(',')}]`);
  const refusedBaseline = expecting(0, ['playbooks', 'validate', small.playbook]);
  const refused = (name: string, path: string): Case => ({
    name: `playbooks validate, ${name} (refused)`,
    coach: expecting(3, ['playbooks', 'validate', path]),
    baseline: refusedBaseline,
    baselineName: 'same wrapper, 20 questions',
    target: 1.5,
  });

  const cases: Case[] = [
    { name: 'coach --version', coach: cli(['--version']), baseline: bare, baselineName: 'node -e 0', target: 1.15, callgrind: true },
    { name: 'coach --help', coach: cli(['--help']), baseline: bare, baselineName: 'node -e 0', target: 1.15, callgrind: true },
    { name: 'prep two-questions --answers --no-input', coach: cli(['prep', 'two-questions', '--answers', answers, ...quietPrep]), baseline: bare, baselineName: 'node -e 0', target: 1.4, callgrind: true },
    { name: 'prep\'s floor: the bundle loaded with its code cache', coach: bundleFloor('prep'), baseline: bare, baselineName: 'node -e 0', target: 1.4, callgrind: true },
    {
      name: 'prep of a user\'s playbook, first time',
      coach: cli(['prep', userPlaybook, '--answers', answers, ...quietPrep], {}, forgetCompiled),
      baseline: bare,
      baselineName: 'node -e 0',
      target: 1.6,
    },
    { name: 'prep of a user\'s playbook, again', coach: cli(['prep', userPlaybook, '--answers', answers, ...quietPrep]), baseline: bare, baselineName: 'node -e 0', target: 1.4 },
    { name: `playbooks validate (${shipped.length} shipped)`, coach: cli(['playbooks', 'validate', ...shipped]), baseline: bare, baselineName: 'node -e 0', target: 1.5, callgrind: true },
    { name: `playbooks validate (${edited.length} edited copies)`, coach: cli(['playbooks', 'validate', ...edited]), baseline: bare, baselineName: 'node -e 0', target: 2.5, callgrind: true },
    { name: 'history --json, 1,000 notes', coach: history(notes1k), baseline: bare, baselineName: 'node -e 0', target: 4, callgrind: true },
    { name: 'history --json, 10,000 notes', coach: history(notes10k), baseline: bare, baselineName: 'node -e 0', target: 4 },
    { name: 'history\'s floor in bare Node, 10,000 notes', coach: floor, baseline: bare, baselineName: 'node -e 0', target: 4 },
    { name: 'followups --json, 10,000 notes', coach: cli(['followups', '--json'], { COACH_NOTES_DIR: notes10k }), baseline: bare, baselineName: 'node -e 0', target: 4 },
    // One customer's meetings out of 10,000 notes; the fixture spreads them over 8 customers.
    { name: 'account --json, 10,000 notes', coach: cli(['account', 'Acme Corp', '--json'], { COACH_NOTES_DIR: notes10k }), baseline: bare, baselineName: 'node -e 0', target: 4 },
    // The second meeting with a customer: the prep looks back over every note for theirs (its
    // "From last time"). No issue sets a target for it; it reads the notes as account does.
    {
      name: 'prep with a customer of 1,250 of 10,000 notes',
      coach: cli(['prep', 'two-questions', '--answers', answers, '--customer', 'Acme Corp', ...quietPrep], { COACH_NOTES_DIR: notes10k }),
      baseline: bare,
      baselineName: 'node -e 0',
      target: 4,
    },
    {
      name: 'upcoming --json, 10,000 notes',
      coach: cli(['upcoming', join(repo, 'tests/fixtures/calendar/google-calendar.ics'), '--json'], { COACH_NOTES_DIR: notes10k }),
      baseline: bare,
      baselineName: 'node -e 0',
      target: 4,
    },
    {
      name: 'history --json, 10,000 notes, 100 changed',
      coach: history(changing10k, change100),
      baseline: history(notes10k),
      baselineName: 'same, none changed',
      target: 1.3,
    },
    ...(notes100k ? [{ name: 'history --json, 100,000 notes', coach: history(notes100k), baseline: bare, baselineName: 'node -e 0', target: 30 }] : []),
    {
      name: 'prep of a 2,000-question playbook (again)',
      coach: cli(['prep', big.playbook, '--answers', big.answers, ...quietPrep]),
      baseline: cli(['prep', small.playbook, '--answers', small.answers, ...quietPrep]),
      baselineName: 'same, 20 questions',
      target: 1.5,
    },
    {
      name: 'playbooks validate, 2,000 questions (again)',
      coach: cli(['playbooks', 'validate', big.playbook]),
      baseline: cli(['playbooks', 'validate', small.playbook]),
      baselineName: 'same, 20 questions',
      target: 1.5,
    },
    refused('billion-laughs alias bomb', hostile('alias-bomb', `${bombLines.join('\n')}\nid: bomb\n`)),
    refused('100,000 balanced [ ]', hostile('balanced', `tags: ${'['.repeat(100_000)}${']'.repeat(100_000)}`)),
    refused('a megabyte of {', hostile('braces', `${'{a: '.repeat(250_000)}`.slice(0, 1024 * 1024 - 10))),
    refused('1,400 indented maps', hostile('indented', Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'))),
    refused('100,000 compact "- " sequences', hostile('dashes', `${'- '.repeat(100_000)}x`)),
  ];

  console.log(`coach benchmarks: median of ${runs} runs after 3 warm-up runs, ${process.version}, ${process.platform}`);
  console.log(removed.length > 0 ? `removed for both sides: ${removed.join(', ')}\n` : 'nothing to remove from the environment\n');
  const rows: string[][] = [['case', 'coach', 'baseline', 'ratio', 'target', '', ...(hasCallgrind ? ['instructions'] : [])]];
  for (const benchCase of cases.filter((candidate) => only === undefined || only.test(candidate.name))) {
    const { coach: coachMs, baseline } = measure(benchCase);
    const ratio = coachMs / baseline;
    let counted = '';
    if (hasCallgrind && benchCase.callgrind) {
      const mine = instructions(benchCase.coach);
      const theirs = instructions(benchCase.baseline);
      if (mine !== undefined && theirs !== undefined) counted = `${(mine / 1e6).toFixed(0)}M / ${(theirs / 1e6).toFixed(0)}M = ${(mine / theirs).toFixed(2)}x`;
    }
    // Progress on stderr while the table waits for its last row.
    process.stderr.write(`${benchCase.name}: ${ratio.toFixed(2)}x\n`);
    rows.push([benchCase.name, `${coachMs.toFixed(0)} ms`, `${baseline.toFixed(0)} ms (${benchCase.baselineName})`, `${ratio.toFixed(2)}x`, `<= ${benchCase.target}x`, ratio <= benchCase.target ? 'ok' : 'OVER', ...(hasCallgrind ? [counted] : [])]);
  }
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());

  const rssBare = peakRss(bare);
  const rssPrep = peakRss(cli(['prep', 'two-questions', '--answers', answers, ...quietPrep]));
  const rss1k = peakRss(history(notes1k));
  const rss10k = peakRss(history(notes10k));
  const rss100k = notes100k ? peakRss(history(notes100k)) : undefined;
  // The floor under it: listing the 100,000 names and stat-ing each note, in bare Node.
  const listAndStat = "const { readdirSync, statSync } = require('node:fs'); const dir = process.argv[1]; for (const name of readdirSync(dir).filter((name) => name.endsWith('.md')).sort()) statSync(dir + '/' + name);";
  const rss100kFloor = notes100k ? peakRss(node(['-e', listAndStat, notes100k])) : undefined;
  console.log(`\npeak memory: node -e 0 ${rssBare.toFixed(0)} MiB; a built-in prep ${rssPrep.toFixed(0)} MiB (${(rssPrep / rssBare).toFixed(2)}x, target <= 1.3x)`);
  console.log(
    `history --json: 1,000 notes ${rss1k.toFixed(0)} MiB, 10,000 ${rss10k.toFixed(0)} MiB${rss100k === undefined ? '' : `, 100,000 ${rss100k.toFixed(0)} MiB (target < 120 MiB; listing and stat-ing them in bare Node: ${(rss100kFloor ?? 0).toFixed(0)} MiB)`}`,
  );
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
