/**
 * Text measured and cut as a terminal shows it: colour codes take no room (node:util's
 * stripVTControlCharacters knows them all), and what does not fit ends in an ellipsis.
 */
import { stripVTControlCharacters } from 'node:util';

export const visibleLength = (text: string): number => stripVTControlCharacters(text).length;

/** The text when it fits in `width` columns; otherwise its visible part, cut to fit with "…". */
function truncate(text: string, width: number): string {
  const visible = stripVTControlCharacters(text);
  if (visible.length <= width) return text;
  return `${visible.slice(0, Math.max(0, width - 1))}…`;
}

/** A table cell: cut to the column, or padded to it. */
export const column = (text: string, width: number): string => truncate(text, width).padEnd(width);

/**
 * A label and its value on one line of `width` (`between` goes between them): both whole when
 * they fit; otherwise the label gives way first, down to two fifths of the line, so the value is
 * there to read. A part that is cut ends at a word where one is near, with "…".
 */
export function fitPair(label: string, value: string, width: number, between: string): { label: string; value: string } {
  const room = Math.max(2, width - visibleLength(between));
  const labelLength = visibleLength(label);
  const valueLength = visibleLength(value);
  if (labelLength + valueLength <= room) return { label, value };
  const labelRoom = Math.max(room - valueLength, Math.min(labelLength, Math.ceil(room * 0.4)));
  return { label: cutAtWord(label, labelRoom), value: cutAtWord(value, room - labelRoom) };
}

/** Like truncate, but at the last space when that keeps at least half of what fits. */
function cutAtWord(text: string, width: number): string {
  const visible = stripVTControlCharacters(text);
  if (visible.length <= width) return text;
  const room = Math.max(0, width - 1);
  const space = visible.lastIndexOf(' ', room);
  return `${visible.slice(0, space >= room / 2 ? space : room).trimEnd()}…`;
}
