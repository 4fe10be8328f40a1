/** The options every session command (prep, debrief, resume) shares, declared once. */
import { Option, type Command } from 'commander';
import { collect, notesDirOption, playbooksOption } from './shared-options.js';


export function withSessionOptions(command: Command): Command {
  return command
    .option('-a, --answers <file>', 'answers as a YAML or JSON map of question id to answer ("-" reads stdin)')
    .option('--set <id=value>', 'give one answer (repeatable)', collect)
    .option('--customer <name>', 'the customer the meeting is with')
    .option('--title <text>', 'what the meeting is about')
    .option('--date <date>', 'the date of the meeting: YYYY-MM-DD, or as said: tomorrow, next tuesday, in 3 days, 8 Dec (default: today)')
    .option('--no-input', 'never prompt: fail if a required answer is missing')
    .option('--stdout', 'also write the note to stdout (automatic when stdout is not a terminal)')
    .option('-o, --out <file>', 'also write the note to this file (refuses to replace one without --force; "-" is stdout)')
    .option('--append <file>', 'also append the note to a running notes file, as a section of it ("-" is stdout)')
    .option('--force', 'let --out replace an existing file')
    .option('--no-save', 'do not save the note in the notes directory')
    .addOption(
      new Option('--format <format>', 'what stdout and --append get: the whole note, its body (no front matter, headings one level down) or json; default: note, body when appending').choices([
        'note',
        'body',
        'json',
        'md',
      ]),
    )
    .addOption(notesDirOption())
    .addOption(playbooksOption())
    .option('--no-review', 'save at once, without the review of answers at the end of an interactive session')
    .option('-q, --quiet', 'print no coaching summary on stderr');
}

export interface SessionOptions {
  answers?: string | undefined;
  set?: string[] | undefined;
  customer?: string | undefined;
  title?: string | undefined;
  date?: string | undefined;
  input: boolean;
  stdout?: true | undefined;
  out?: string | undefined;
  append?: string | undefined;
  force?: true | undefined;
  save: boolean;
  /** Unset: chosen by where the note goes (deliver-note.ts). `md` is the old name of `note`. */
  format?: 'note' | 'body' | 'json' | 'md' | undefined;
  notesDir?: string | undefined;
  playbooks?: string[] | undefined;
  review: boolean;
  quiet?: true | undefined;
}
