/**
 * What every command works with, made once per run by cli.ts from the Io and the options the
 * command was given: the notes directory, the playbook shelf, the cache directory and the colours.
 * Each is worked out when first asked for, so a command that needs no notes never fails for want
 * of a home directory, and `--version` loads nothing it does not show.
 */
import type { ChalkInstance } from 'chalk';
import type { Io } from '../io.js';
import { cacheDirectory } from '../store/cache/app-dirs.js';
import { compiledPlaybooksDir } from '../store/playbooks/compiled-playbook-cache.js';
import { notesDirectory } from '../store/notes/notes-dir.js';
import { playbookSources, type PlaybookShelf } from '../store/playbooks/playbook-library.js';

/** The options that shape the context; commander gives them to every command that declares them. */
export interface ContextOptions {
  notesDir?: string | undefined;
  playbooks?: string[] | undefined;
  /** `--no-color`, a global option. */
  color?: boolean | undefined;
}

export class CommandContext {
  private notes: string | undefined;
  private shelf: PlaybookShelf | undefined;

  constructor(
    readonly io: Io,
    private readonly options: ContextOptions = {},
  ) {}

  /** `--notes-dir`, else $COACH_NOTES_DIR, else the platform's data directory; throws when there is none. */
  get notesDir(): string {
    this.notes ??= notesDirectory(this.options.notesDir, this.io.env, this.io.cwd);
    return this.notes;
  }

  /** Where coach keeps what it can make again (the notes index); undefined for none. */
  get cacheDir(): string | undefined {
    return cacheDirectory(this.io.env, this.io.cwd);
  }

  /** Built-in, user and team playbooks, and `--playbooks` directories, with the compiled-playbook cache. */
  get playbooks(): PlaybookShelf {
    this.shelf ??= {
      sources: playbookSources(this.io.env, this.io.cwd, this.options.playbooks),
      cwd: this.io.cwd,
      compiledCache: compiledPlaybooksDir(this.io.env, this.io.cwd),
    };
    return this.shelf;
  }

  /** chalk for stderr; loaded only when there will be colour, never by `coach --help`. */
  async colour(): Promise<ChalkInstance> {
    const { colourWanted, plainChalk } = await import('../terminal/plain-chalk.js');
    const stderrIsTerminal = this.io.stderrIsTerminal?.() ?? this.io.stderr.isTTY === true;
    if (!colourWanted({ isTTY: stderrIsTerminal }, this.io.env, this.options.color)) return plainChalk();
    const { stderrChalk } = await import('../terminal/style.js');
    return stderrChalk(this.io.stderr, this.io.env, this.options.color);
  }
}
