/**
 * Runs the whole CLI in-process: real commander, real files, streams we own. With `terminal`,
 * stdin is a fake TTY that tests type into, driving the real Inquirer prompts.
 *
 * The test owns its clock and its time zone. A note's date is the user's local date, so the
 * machine's zone (TZ) and today's date must never reach an in-process test: the Io carries
 * FIXED_NOW and TEST_TIME_ZONE, and each note made here is dated 2026-11-22 and created
 * 2026-11-22T09:30:00.000Z on any day, on any machine, under any TZ. Why a zone in the Io rather
 * than a local wall-clock time (new Date(2026, 10, 22, 12)): with a wall clock the UTC instants
 * coach prints (a note's `created`, a draft's name and `started`) would change with the
 * machine's zone, and every golden would have to mask them; with the zone in the Io they are the
 * same bytes everywhere and goldens keep checking them. A test about zones passes its own
 * `timeZone` (and `now`); the machine's-zone path of localDate is checked against Intl in
 * tests/cli/local-date.test.ts. A child process (spawnCoach, the pty sessions) runs on the
 * real (or faked) clock in the machine's zone: its tests pass --date or compute what they expect
 * from that same clock.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import MuteStream from 'mute-stream';
import { run } from '../../src/cli.js';
import type { Io } from '../../src/io.js';

const FIXED_NOW = new Date('2026-11-22T09:30:00Z');
/** The zone of every in-process run unless a test names another: FIXED_NOW is 2026-11-22 there. */
const TEST_TIME_ZONE = 'UTC';

export function tempDir(prefix = 'coach-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Collects what is written, raw. Like process.stderr, it survives end(): Inquirer pipes each
 * prompt into it and ends that pipe when the prompt is done. `fail` makes every write fail with
 * that errno code (ENOSPC, EPIPE), as a full disk or a closed reader would.
 */
export class Capture extends Writable {
  text = '';
  isTTY: boolean;
  columns = 80;
  private readonly fail: string | undefined;
  constructor(options: { isTTY?: boolean; fail?: string } = {}) {
    super({ decodeStrings: false });
    this.isTTY = options.isTTY ?? false;
    this.fail = options.fail;
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.fail) {
      callback(Object.assign(new Error(`${this.fail}: simulated`), { code: this.fail }));
      return;
    }
    this.text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    callback();
  }
  override end(...args: unknown[]): this {
    const callback = args.find((arg): arg is () => void => typeof arg === 'function');
    callback?.();
    return this;
  }
}

/** A keyboard and screen for Inquirer: type text, press keys, wait for a prompt to appear. */
export class FakeTerminal {
  readonly input = Object.assign(new MuteStream(), { isTTY: true });
  readonly screen = new Capture({ isTTY: true });
  private seen = 0;

  constructor() {
    this.input.unmute();
  }

  get text(): string {
    return stripVTControlCharacters(this.screen.text);
  }

  /** Resolves once `pattern` appears in output not yet consumed by an earlier wait. */
  async waitFor(pattern: string | RegExp, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const fresh = this.text.slice(this.seen);
      const match = typeof pattern === 'string' ? fresh.indexOf(pattern) : fresh.search(pattern);
      if (match >= 0) {
        this.seen += match + 1;
        // Let Inquirer finish wiring its listeners after the render.
        await new Promise((resolve) => setTimeout(resolve, 5));
        return;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; screen:\n${fresh}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  type(text: string): void {
    this.input.write(text);
    for (const char of text) this.input.emit('keypress', null, { name: char });
  }

  press(name: string, modifiers: { ctrl?: boolean; shift?: boolean } = {}): void {
    this.input.emit('keypress', null, { name, ...modifiers });
  }

  /** Accepts the review at the end of an interactive session: "Save the note" is preselected. */
  async save(): Promise<void> {
    await this.waitFor('Review before saving');
    this.press('enter');
  }

  /** Waits for the prompt, types the answer and presses enter. */
  async answer(prompt: string | RegExp, text: string): Promise<void> {
    await this.waitFor(prompt);
    this.type(text);
    this.press('enter');
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string>;
  cwd?: string;
  stdin?: string;
  /** Drive the session as a person at a terminal; stderr is then the terminal's screen. */
  terminal?: FakeTerminal;
  stdoutIsTTY?: boolean;
  /** Where stdout goes, for a stdout that fails or claims to be a terminal. */
  stdout?: Capture;
  now?: Date;
  /** The user's zone (IANA name); TEST_TIME_ZONE unless given. */
  timeZone?: string;
  signal?: AbortSignal;
  /** Keep escape codes in stderr, to prove none came from data. */
  raw?: boolean;
}

export async function runCli(argv: string[], options: CliOptions = {}): Promise<CliResult> {
  const stdout = options.stdout ?? new Capture({ isTTY: options.stdoutIsTTY ?? false });
  const stderr = options.terminal ? options.terminal.screen : new Capture();
  const stdin = options.terminal ? options.terminal.input : Object.assign(Readable.from([options.stdin ?? '']), { isTTY: false });
  const io: Io = {
    stdin,
    stdout,
    stderr,
    // Caches (the notes index, compiled playbooks) go where vitest.config.ts says, never in a real home.
    env: { NO_COLOR: '1', COACH_CACHE_DIR: process.env['COACH_CACHE_DIR'] ?? tempDir('coach-test-cache-'), ...options.env },
    cwd: options.cwd ?? process.cwd(),
    now: () => options.now ?? FIXED_NOW,
    timeZone: options.timeZone ?? TEST_TIME_ZONE,
    signal: options.signal,
  };
  const code = await run(argv, io);
  return { code, stdout: stdout.text, stderr: options.raw ? stderr.text : stripVTControlCharacters(stderr.text) };
}
