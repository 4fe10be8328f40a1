/**
 * Colour for what coach writes to stderr. Colour follows stderr, not stdout, so
 * `coach prep > note.md` keeps coloured prompts; NO_COLOR and --no-color switch it off.
 */
import { Chalk, supportsColorStderr, type ChalkInstance } from 'chalk';
import { colourWanted } from './plain-chalk.js';

export function stderrChalk(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, colorOption: boolean | undefined): ChalkInstance {
  if (!colourWanted(stream, env, colorOption)) return new Chalk({ level: 0 });
  return new Chalk({ level: supportsColorStderr ? supportsColorStderr.level : 0 });
}
