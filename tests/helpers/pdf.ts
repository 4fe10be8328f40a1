/**
 * Reads a PDF back as a person's tools would: its text through poppler's `pdftotext -layout` (what
 * copying from a viewer gives), its pages and paper through `pdfinfo`. Poppler is Debian's
 * poppler-utils; .ci/run installs it, and a machine without it fails here with that name.
 */
import { spawnSync } from 'node:child_process';

function poppler(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${tool} is needed to read the printed card back: install poppler-utils (${result.error.message})`);
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * The text of the PDF with its line breaks and layout spacing folded into single spaces, so a
 * sentence wrapped over lines reads as one. A word broken after a hyphen at a line's end joins up.
 */
export function pdfText(path: string): string {
  return poppler('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'])
    .replace(/(\p{L})-\n\s*/gu, '$1-')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface PdfInfo {
  pages: number;
  /** Width x height in points, as pdfinfo prints them: 595.28 x 841.89 for A4, 612 x 792 for Letter. */
  size: string;
  title: string;
}

export function pdfInfo(path: string): PdfInfo {
  const text = poppler('pdfinfo', [path]);
  const field = (name: string): string => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  return { pages: Number(field('Pages')), size: field('Page size').replace(/\s*\(.*\)$/, ''), title: field('Title') };
}

/** The same folding of white space, for the words a test expects to find. */
export const folded = (text: string): string => text.replace(/\s+/g, ' ').trim();
