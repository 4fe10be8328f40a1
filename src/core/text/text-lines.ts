/**
 * Text that must fit on one line: a heading, a table cell, a prompt in a list, the first line of
 * a library's message. Two different needs, named apart: `oneLine` keeps the text's own spacing
 * and turns only its line breaks (including U+2028 and U+2029) into spaces; `collapseWhitespace`
 * also folds every run of white space into one space, for layouts that align columns.
 */
const LINE_BREAKS = /[\r\n\u2028\u2029]+/g;

export const oneLine = (text: string): string => text.replace(LINE_BREAKS, ' ').trim();

export const collapseWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The first line of a message, for errors that carry a code frame or details below it. */
export const firstLine = (text: string): string => (text.split('\n')[0] ?? text).trim();
