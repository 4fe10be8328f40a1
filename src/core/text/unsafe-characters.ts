/**
 * The characters that must never reach a terminal as they are: escape sequences, C0 and C1
 * controls (but tab and newline), DEL, and the bidi embeddings, overrides and isolates that
 * reorder what a person reads. terminal/sanitize.ts removes them from text that is shown;
 * `quoteVisibly` spells them out, for an id or a name a message quotes, so what the user typed
 * is what the message shows (a removed escape could make `ne<ESC>ed` read as the valid `need`).
 */

// ESC-introduced sequences (CSI, OSC, DCS, ...) first, so their parameters go too.
export const ESCAPE_SEQUENCES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[@-Z\\-_])/g;
// C0 controls but tab and newline, DEL, C1 controls, bidi embeddings, overrides and isolates.
export const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** `"need"`; with anything unsafe in it, that character as `\u001b`, so nothing is hidden. */
export function quoteVisibly(text: string): string {
  const visible = text.replace(/[\t\n]/g, (c) => (c === '\t' ? '\\t' : '\\n')).replace(UNSAFE_CHARACTERS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${visible}"`;
}
