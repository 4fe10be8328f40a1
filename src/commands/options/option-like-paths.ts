/**
 * A file or directory option given another option as its value: commander hands a required value
 * the next word whatever it is, so `coach prep -o --no-input` would write the note to a file named
 * "--no-input", and `coach card --pdf -o card.pdf` read "card.pdf" as the session to print. A path
 * that starts with a dash is refused before the command runs; "-" alone (stdin or stdout) is a
 * value, and a file whose name does start with a dash is still reachable as ./-name.
 */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';

/** The options that name a file or a directory, by their value's placeholder in the help. */
const PATH_VALUE = /<(?:file|dir)>/;

/** Throws a UsageError naming the first path option of the command (or its parents) whose value starts with a dash. */
export function refuseOptionLikePaths(command: Command): void {
  for (let at: Command | null = command; at !== null; at = at.parent) {
    for (const option of at.options) {
      if (!PATH_VALUE.test(option.flags)) continue;
      const value: unknown = at.getOptionValue(option.attributeName());
      for (const given of Array.isArray(value) ? value : [value]) {
        if (typeof given === 'string' && given.startsWith('-') && given !== '-') {
          throw new UsageError(`${option.long ?? option.flags} needs a ${PATH_VALUE.exec(option.flags)?.[0] === '<dir>' ? 'directory' : 'file'} and got "${given}", which looks like an option; for a name that starts with "-", write ./${given}`);
        }
      }
    }
  }
}
