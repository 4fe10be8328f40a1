/**
 * Build step: what `coach --help` prints, at every terminal width, written next to the bundle so
 * the launcher can answer it without reading and compiling the bundle (a third of a `--help` run's
 * time went there, and more as the bundle grew). The text is the bundle's own: the build runs the
 * freshly built program in-process, once per width, exactly as a person's terminal would ask for
 * it, and keeps what commander printed. Nothing here formats help; commander does, as always.
 *
 * Commander wraps to the terminal's columns (80 when stdout is not a terminal), so the text changes
 * only up to the width of its longest unwrapped line: from there on every line fits and it is one
 * text. The top-level help reads no environment and no files, which is what makes it
 * fixed at build time; a test compares the launcher's answer with the program's at several widths.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Io } from '../io.js';

/** Wider than any terminal asks for; beyond the widest line the text no longer changes. */
const WIDEST = 1000;

interface BuiltCli {
  run: (argv: readonly string[], io: Io) => Promise<number>;
}

/** The help texts' directory in dist/; launch.ts reads `help/<n>.txt` from beside itself. */
const HELP_DIR = 'help';

/**
 * Writes `<outDir>/help/<n>.txt`, one per distinct text, and returns, for widths 1, 2, ... up to
 * the longest line, the number of its file (wider terminals take the last). Rejects if the
 * program does not print its help.
 */
export async function precomputeHelp(bundle: string, outDir: string): Promise<number[]> {
  const cli = createRequire(bundle)(bundle) as BuiltCli;
  const texts: string[] = [];
  const byWidth: number[] = [];
  const widest = await helpAt(cli, WIDEST);
  const longestLine = Math.max(...widest.split('\n').map((line) => line.length));
  for (let width = 1; width <= longestLine; width++) {
    const text = await helpAt(cli, width);
    let place = texts.indexOf(text);
    if (place === -1) place = texts.push(text) - 1;
    byWidth.push(place);
  }
  if (texts[byWidth.at(-1) ?? -1] !== widest) throw new Error(`build: coach --help at ${longestLine} columns differs from the unwrapped text`);
  mkdirSync(join(outDir, HELP_DIR), { recursive: true });
  for (const [place, text] of texts.entries()) writeFileSync(join(outDir, HELP_DIR, `${place}.txt`), text);
  return byWidth;
}

async function helpAt(cli: BuiltCli, columns: number): Promise<string> {
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns });
  const stderr = Object.assign(new PassThrough(), { isTTY: false });
  let printed = '';
  stdout.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  let complaints = '';
  stderr.on('data', (chunk: Buffer) => {
    complaints += chunk.toString('utf8');
  });
  const io: Io = { stdin: new PassThrough(), stdout, stderr, env: {}, cwd: '/', now: () => new Date(0), timeZone: 'UTC' };
  const code = await cli.run(['--help'], io);
  if (code !== 0 || complaints !== '' || printed === '') throw new Error(`build: coach --help at ${columns} columns exited ${code}: ${complaints}`);
  return printed;
}
