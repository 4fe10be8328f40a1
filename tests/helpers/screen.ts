/**
 * A terminal emulator (@xterm/headless) fed with everything a pty session printed, so a test can
 * assert what a person sees: which lines are on the screen and where, rather than the escape
 * stream that drew them. Prompts redraw themselves with cursor moves and line erases; only an
 * emulator knows what is left on the glass. A line the program wrote wider than the terminal is
 * wrapped by the emulator onto the next row, and that row is marked `wrapped`: the one sure sign
 * that something overflowed the width.
 */
import xterm from '@xterm/headless';

interface ScreenLine {
  /** The row's characters, trailing blanks removed. */
  text: string;
  /** True when this row continues the one above it because that one ran past the right edge. */
  wrapped: boolean;
}

export interface Screen {
  cols: number;
  rows: number;
  /** The rows visible now, top to bottom (always `rows` of them, blank rows as ''). */
  visible: string[];
  /** Every row the terminal holds: the scrollback, then the visible rows. */
  all: ScreenLine[];
  /** The visible rows without the blank ones at the bottom: what was drawn. */
  drawn: string[];
}

/** An emulated terminal that is written to as output arrives and read when a test asks. */
export class EmulatedTerminal {
  private readonly terminal: InstanceType<typeof xterm.Terminal>;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    readonly cols: number,
    readonly rows: number,
  ) {
    this.terminal = new xterm.Terminal({ cols, rows, scrollback: 10_000, allowProposedApi: true });
  }

  write(data: string): void {
    // write() parses asynchronously; chaining keeps the order and lets a reader wait for all of it.
    this.pending = this.pending.then(() => new Promise<void>((resolve) => this.terminal.write(data, resolve)));
  }

  /** The screen once everything written so far has been parsed. */
  async screen(): Promise<Screen> {
    await this.pending;
    const buffer = this.terminal.buffer.active;
    const all: ScreenLine[] = [];
    for (let i = 0; i < buffer.length; i++) {
      const line = buffer.getLine(i);
      all.push({ text: line?.translateToString(true) ?? '', wrapped: line?.isWrapped ?? false });
    }
    const visible = all.slice(buffer.baseY, buffer.baseY + this.rows).map((line) => line.text);
    const drawn = [...visible];
    while (drawn.length > 0 && drawn.at(-1) === '') drawn.pop();
    return { cols: this.cols, rows: this.rows, visible, all, drawn };
  }

  dispose(): void {
    this.terminal.dispose();
  }
}

/** The rows that ran past the right edge: each is followed by a row the emulator wrapped onto. */
export function overflowedRows(screen: Screen): string[] {
  return screen.all.flatMap((line, i) => (screen.all[i + 1]?.wrapped ? [line.text] : []));
}
