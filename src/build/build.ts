/**
 * `npm run build` (tsx src/build/build.ts [--out-dir <dir>]): dist/ from nothing, so stale files
 * never ship. The shipped playbooks are validated and precompiled to JSON (an invalid one fails
 * the build); the program becomes one CommonJS file, dist/cli.cjs, run by dist/launch.cjs
 * through V8 code caches in dist/code-cache, one per command, made here by running each once;
 * what `coach --help` prints at each width goes to dist/help (precompute-help.ts).
 *
 * Why: a user waits for Node to load and compile our code, not for the code. Node 20 has no
 * module.enableCompileCache, and compiling ES modules is its slowest path. A non-interactive prep
 * on Node 20, as a ratio to `node -e 0` (medians of alternating runs on a busy machine, +-0.05):
 *   1.75x  ES modules split into ~40 chunks, ~25 of them loaded   1.77x  one ES module file
 *   1.71x  one CommonJS file, no cache      1.64x  + a cache of its top level only
 *   1.69x  + the cache a --help run leaves  1.26x-1.36x  + the cache a prep run leaves
 * and --help 1.23x without a cache, 1.05x with the one a --help run leaves, 1.21x with prep's.
 * A cache taken after a run holds every function the run compiled, and V8 takes longer to read a
 * bigger one, so each command has the cache of its own run. The bin is CommonJS too
 * (bin/package.json): an ES module entry alone costs 8-20 ms. Names are not minified, so stack
 * traces read. Node 22+ runs the same way; its enableCompileCache caches what is compiled at
 * load, the top level only as far as we know (no Node 22 here to measure).
 */
import { build, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatIssue, PlaybookError } from '../errors.js';
import { stampFor } from './code-cache.js';
import { precomputeHelp } from './precompute-help.js';
import { precompilePlaybooks } from './precompile-playbooks.js';
import { trainCodeCaches } from './train-code-cache.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * commander requires node:child_process when it loads, for executable subcommands that coach does
 * not have; that module (and the networking modules behind it) would cost every start a few
 * milliseconds. commander gets a stand-in that loads the real module on first use instead.
 */
const lazyChildProcessForCommander: Plugin = {
  name: 'lazy-child-process-for-commander',
  setup(plugin) {
    plugin.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${sep}node_modules${sep}commander${sep}`) ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

/**
 * yaml publishes the same code twice: CommonJS for Node and ES modules for everything else. The
 * ES modules bundle smaller and load faster (no CommonJS wrappers); they differ only in warning
 * through console.warn instead of process.emitWarning.
 */
const yamlAsEsModules: Plugin = {
  name: 'yaml-as-es-modules',
  setup(plugin) {
    const esModules = join(dirname(createRequire(import.meta.url).resolve('yaml')), '../browser/index.js');
    plugin.onResolve({ filter: /^yaml$/ }, () => ({ path: esModules }));
  },
};

/**
 * launch.ts reads the bundle as latin1, faster than UTF-8 and giving V8 a one-byte string, which
 * only ASCII survives. esbuild escapes everything but regular expression literals (the wrap rules
 * hold a dash or two); `\uXXXX` per UTF-16 unit means the same there, in any flags.
 */
function asciiOnly(code: string): string {
  return code.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The bundle knows which build it is (store/compiled-playbook-cache.ts keys the user's compiled
 * playbooks by it): a placeholder at bundling, then the hash of the bundle that holds it.
 */
const BUILD_ID_PLACEHOLDER = 'coach-build-id-placeholder';
function withBuildId(code: string): string {
  const id = createHash('sha256').update(code).digest('hex').slice(0, 16);
  // esbuild may fold the string into a template literal: the bare word is replaced, wherever it is.
  return code.replaceAll(BUILD_ID_PLACEHOLDER, id);
}

/** Builds the bundle, its launcher and their code caches, and the precompiled playbooks into outDir; rejects with a PlaybookError. */
export async function buildCoach(outDir: string): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  await precompilePlaybooks(join(root, 'playbooks'), join(outDir, 'playbooks'));
  const bundle = join(outDir, 'cli.cjs');
  await build({
    entryPoints: [join(root, 'src/cli.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Whitespace and syntax only: names stay, so the stack trace in a bug report still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    // `import()` becomes a plain require of the module already in the bundle.
    supported: { 'dynamic-import': false },
    define: { COACH_BUNDLE: 'true', COACH_BUILD_ID: JSON.stringify(BUILD_ID_PLACEHOLDER), 'import.meta.url': '__coachImportMeta.url' },
    // Computed on first use: node:url is not needed by every command.
    banner: { js: "const __coachImportMeta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
    plugins: [lazyChildProcessForCommander, yamlAsEsModules],
    // Required from node_modules when `coach card --pdf` runs, and by nothing else: bundled,
    // pdfkit's ES build throws at load (`new URL(..., import.meta.url)` for its font data), and as
    // part of the bundle every start would compile its megabytes (fontkit is its font reader).
    // ical.js (108 KB, only for `prep --ics` and `coach upcoming`) likewise: in the bundle it made
    // every command's code cache bigger, which every start deserialises.
    external: ['pdfkit', 'fontkit', 'ical.js'],
  });
  const code = withBuildId(asciiOnly(readFileSync(bundle, 'utf8')));
  writeFileSync(bundle, code);
  const helpByWidth = await precomputeHelp(bundle, outDir);
  await build({
    entryPoints: [join(root, 'src/build/launch.ts')],
    outfile: join(outDir, 'launch.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    define: {
      COACH_CODE_CACHE_STAMP: JSON.stringify(stampFor(createHash('sha256').update(code).digest('hex').slice(0, 16))),
      COACH_VERSION_TEXT: JSON.stringify(packageVersion()),
      COACH_HELP_BY_WIDTH: JSON.stringify(helpByWidth),
    },
  });
  await trainCodeCaches(outDir, join(root, 'playbooks'));
}

/** The version commander prints for `--version`, from the package being built. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(args: string[]): Promise<number> {
  const outIndex = args.indexOf('--out-dir');
  const given = outIndex >= 0 ? args[outIndex + 1] : undefined;
  if (outIndex >= 0 && (given === undefined || given.startsWith('-'))) {
    process.stderr.write('build: --out-dir needs a directory, like --out-dir dist\n');
    return 2;
  }
  // npm runs scripts in the package; INIT_CWD is where the person typed the command.
  const outDir = given === undefined ? join(root, 'dist') : resolve(process.env['INIT_CWD'] ?? process.cwd(), given);
  // The bundle finds the built-in playbooks by walking up from itself to the package.
  const inside = relative(root, outDir);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    process.stderr.write(`build: --out-dir ${outDir} must be a directory inside the package (${root}): the bundle finds the built-in playbooks from there\n`);
    return 2;
  }
  try {
    await buildCoach(outDir);
  } catch (error) {
    if (!(error instanceof PlaybookError)) throw error;
    for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
    process.stderr.write(`build: a shipped playbook is invalid (${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}); fix the lines above.\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main(process.argv.slice(2));
