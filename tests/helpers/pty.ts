/**
 * Runs the built CLI (bin/coach.js) under a real pseudo-terminal, as a person would: keys go in
 * one at a time, the output comes back with every escape code the terminal saw (`raw`), and an
 * emulated terminal of the same size turns it into the screen a person sees (`screen()`).
 * @lydell/node-pty is node-pty with prebuilt binaries, so installing needs no compiler.
 */
import { spawn, type IPty } from '@lydell/node-pty';
import { stripVTControlCharacters } from 'node:util';
import { repoPath } from './playbooks.js';
import { EmulatedTerminal, type Screen } from './screen.js';

export const KEYS = {
  enter: '\r',
  down: '\u001b[B',
  up: '\u001b[A',
  right: '\u001b[C',
  left: '\u001b[D',
  home: '\u001b[H',
  delete: '\u001b[3~',
  space: ' ',
  ctrlC: '\u0003',
  ctrlD: '\u0004',
} as const;

export class PtySession {
  private readonly pty: IPty;
  raw = '';
  private seen = 0;
  private readonly terminal: EmulatedTerminal;
  readonly exited: Promise<{ exitCode: number; signal?: number | undefined }>;

  constructor(command: string, args: string[], options: { cwd?: string; env?: Record<string, string>; cols?: number; rows?: number } = {}) {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && (!key.startsWith('COACH_') || key === 'COACH_CACHE_DIR')) env[key] = value;
    // A person's terminal: the runner's colour settings, and CI (which makes chalk drop colour
    // even on a TTY), do not leak in; a test that wants them passes them in options.env.
    for (const key of ['NO_COLOR', 'FORCE_COLOR', 'CI']) delete env[key];
    const cols = options.cols ?? 100;
    const rows = options.rows ?? 40;
    this.terminal = new EmulatedTerminal(cols, rows);
    this.pty = spawn(command, args, {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: options.cwd ?? repoPath('.'),
      env: { ...env, TERM: 'xterm-256color', ...options.env },
    });
    this.pty.onData((data) => {
      this.raw += data;
      this.terminal.write(data);
    });
    this.exited = new Promise((resolve) => this.pty.onExit(resolve));
  }

  /** The coach CLI as installed: `node bin/coach.js ...`. */
  static coach(args: string[], options: ConstructorParameters<typeof PtySession>[2] = {}): PtySession {
    return new PtySession(process.execPath, [repoPath('bin/coach.js'), ...args], options);
  }

  /** A shell line, for redirections and pipes. */
  static shell(line: string, options: ConstructorParameters<typeof PtySession>[2] = {}): PtySession {
    return new PtySession('/bin/sh', ['-c', line], options);
  }

  get pid(): number {
    return this.pty.pid;
  }

  /** What the terminal shows now, after everything printed so far. */
  screen(): Promise<Screen> {
    return this.terminal.screen();
  }

  /**
   * Waits until the screen shows what `shows` looks for, and returns that screen: keys are
   * answered by a redraw, and only the redrawn screen says where the cursor or a line now is.
   */
  async waitForScreen(shows: (screen: Screen) => boolean, timeoutMs = 10_000): Promise<Screen> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const now = await this.screen();
      if (shows(now)) {
        // As in waitFor: a prompt draws before it listens, and keys sent at once can be lost.
        await new Promise((resolve) => setTimeout(resolve, 30));
        return now;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the screen; it shows:\n${now.drawn.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  get text(): string {
    return stripVTControlCharacters(this.raw);
  }

  async waitFor(pattern: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.text.indexOf(pattern, this.seen);
      if (index >= 0) {
        this.seen = index + pattern.length;
        await new Promise((resolve) => setTimeout(resolve, 30));
        return;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(pattern)}; screen so far:\n${this.text.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Types text one key at a time, as fingers do. */
  async type(text: string): Promise<void> {
    for (const char of text) {
      this.pty.write(char);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  async answer(prompt: string, text: string): Promise<void> {
    await this.waitFor(prompt);
    await this.type(text);
    this.pty.write(KEYS.enter);
  }

  /** Accepts the review at the end of an interactive session: "Save the note" is preselected. */
  async save(): Promise<void> {
    await this.waitFor('Review before saving');
    this.press(KEYS.enter);
  }

  press(key: string): void {
    this.pty.write(key);
  }

  kill(signal = 'SIGTERM'): void {
    this.pty.kill(signal);
  }
}
