/**
 * Word-wrapping for text the core lays out itself (the meeting card): lines of at most `width`
 * characters, broken only between words, with the first line's lead and a hanging indent for the
 * rest. A single word longer than a line keeps its line whole rather than being cut.
 */
const length = (text: string): number => [...text].length;

export function wrapWords(text: string, width: number, lead: string, hanging: string): string[] {
  const words = text.split(/\s+/).filter((word) => word !== '');
  const lines: string[] = [];
  let current = lead;
  let fresh = true;
  for (const word of words) {
    if (!fresh && length(current) + 1 + length(word) > width) {
      lines.push(current);
      current = hanging + word;
    } else {
      current = fresh ? current + word : `${current} ${word}`;
    }
    fresh = false;
  }
  lines.push(current);
  return lines;
}
