/**
 * Text from a playbook or an answer is data: before it reaches the terminal, every escape
 * sequence, C0/C1 control and bidi override is removed, so a shared playbook cannot move the
 * cursor, retitle the window or reorder what the user reads.
 */
// ESC-introduced sequences (CSI, OSC, DCS, ...) first, so their parameters go too.
const ESCAPE_SEQUENCES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[@-Z\\-_])/g;
// C0 controls but tab and newline, DEL, C1 controls, bidi embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

export function sanitizeForTerminal(text: string): string {
  return text.replace(ESCAPE_SEQUENCES, '').replace(UNSAFE, '');
}
