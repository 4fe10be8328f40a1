/**
 * Text from a playbook or an answer is data: before it reaches the terminal, every escape
 * sequence, C0/C1 control and bidi override is removed, so a shared playbook cannot move the
 * cursor, retitle the window or reorder what the user reads.
 */
import { ESCAPE_SEQUENCES, UNSAFE_CHARACTERS } from '../core/text/unsafe-characters.js';

export function sanitizeForTerminal(text: string): string {
  return text.replace(ESCAPE_SEQUENCES, '').replace(UNSAFE_CHARACTERS, '');
}
