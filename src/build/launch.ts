/**
 * dist/launch.cjs, what bin/coach.js loads: compiles the bundle (dist/cli.cjs) with the V8 code
 * cache of the command being run and runs it. Without a usable cache (none yet, another Node
 * version, other V8 flags) it compiles from source as `require` would, and after a successful run
 * leaves a cache in the user's cache directory for the next one. build.ts explains why.
 * NODE_DISABLE_COMPILE_CACHE=1 (Node's own switch) turns the cache off.
 *
 * `coach --version` (or `-V`) alone is answered here, before the bundle is read: its output is
 * known when the build runs, and reading and compiling the bundle was a third of its time. So is
 * `coach --help` (`-h`, `help`): the build kept what the program prints at each terminal width in
 * dist/help (precompute-help.ts); if that file is missing the bundle answers as always.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { standardOutput } from '../standard-output.js';
import { codeCacheKey, readCodeCache, userCodeCacheDir, writeCodeCache } from './code-cache.js';

/** The first line of this build's cache files, and coach's version, defined by build.ts. */
declare const COACH_CODE_CACHE_STAMP: string;
declare const COACH_VERSION_TEXT: string;
/** For widths 1, 2, ...: the number of the file in dist/help that holds the help at that width. */
declare const COACH_HELP_BY_WIDTH: readonly number[];

interface Cli {
  run: (argv: readonly string[]) => Promise<number>;
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // What commander prints for it, from the same package.json; to a pipe or file without a stream.
  const stdout = standardOutput();
  stdout.on('error', () => undefined);
  stdout.write(`${COACH_VERSION_TEXT}\n`);
} else if (!(argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') && printedHelp())) {
  runBundle();
}

/** Prints the help the build kept for this terminal's width; false when there is none to print. */
function printedHelp(): boolean {
  const stdout = standardOutput();
  // As commander asks: the terminal's columns, 80 when stdout is not a terminal.
  const columns = stdout.isTTY ? stdout.columns : 80;
  if (columns === undefined || !Number.isInteger(columns) || columns < 1) return false;
  const place = COACH_HELP_BY_WIDTH[Math.min(columns, COACH_HELP_BY_WIDTH.length) - 1];
  let text: string;
  try {
    text = readFileSync(join(__dirname, 'help', `${place}.txt`), 'utf8');
  } catch {
    return false;
  }
  // A reader that goes away early (`coach --help | head -1`) is not an error, as in the bundle.
  stdout.on('error', () => undefined);
  stdout.write(text);
  return true;
}

function runBundle(): void {
  const bundle = join(__dirname, 'cli.cjs');
  const key = `${codeCacheKey(argv)}.bin`;
  const caching = !process.env['NODE_DISABLE_COMPILE_CACHE'];
  const userCacheDir = caching ? userCodeCacheDir(process.env) : undefined;
  const userCache = userCacheDir === undefined ? undefined : join(userCacheDir, key);
  // The user's cache first: it exists only where the one made at build time did not fit.
  const userData = userCache === undefined ? undefined : readCodeCache(userCache, COACH_CODE_CACHE_STAMP);
  const cachedData = caching ? (userData ?? readCodeCache(join(__dirname, 'code-cache', key), COACH_CODE_CACHE_STAMP)) : undefined;

  // The wrapper Node puts around a CommonJS module; the column offset keeps stack traces exact.
  const wrapper = '(function (exports, require, module, __filename, __dirname) { ';
  // The build leaves only ASCII in the bundle, so latin1 decodes it exactly, and faster than UTF-8.
  const script = new Script(`${wrapper}${readFileSync(bundle, 'latin1')}\n})`, { filename: bundle, columnOffset: -wrapper.length, cachedData });
  if (userCache !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    // After the run, so the cache holds every function the command compiled, not only the top level.
    process.once('exit', (code) => {
      if (code === 0) writeCodeCache(userCache, COACH_CODE_CACHE_STAMP, () => script.createCachedData());
    });
  }

  const cli = { exports: {} as Cli };
  (script.runInThisContext() as (...args: unknown[]) => void)(cli.exports, createRequire(bundle), cli, bundle, __dirname);
  void cli.exports.run(argv).then((code) => {
    process.exitCode = code;
  });
}
