/**
 * Text measured and cut as a terminal shows it: colour codes take no room (node:util's
 * stripVTControlCharacters knows them all), and what does not fit ends in an ellipsis.
 */
import { stripVTControlCharacters } from 'node:util';

export const visibleLength = (text: string): number => stripVTControlCharacters(text).length;

/** The text when it fits in `width` columns; otherwise its visible part, cut to fit with "…". */
export function truncate(text: string, width: number): string {
  const visible = stripVTControlCharacters(text);
  if (visible.length <= width) return text;
  return `${visible.slice(0, Math.max(0, width - 1))}…`;
}

/** A table cell: cut to the column, or padded to it. */
export const column = (text: string, width: number): string => truncate(text, width).padEnd(width);
