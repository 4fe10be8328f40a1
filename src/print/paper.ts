/**
 * The paper a printed card is laid out for. Most of the world prints on A4; the Americas from
 * Canada to Chile (and the Philippines) on US Letter, and a page made for the wrong one is cut off
 * or shrunk by the printer. The user's locale says which, as it does for every other program:
 * LC_ALL, then LC_PAPER, then LANG (POSIX's order; an empty one counts as unset). The territories
 * are those whose glibc locales set Letter (height 279 mm in LC_PAPER, glibc 2.36).
 */

export type Paper = 'a4' | 'letter';

/** The names pdfkit knows the sizes by. */
export const PDFKIT_SIZE: Record<Paper, string> = { a4: 'A4', letter: 'LETTER' };

export const PAPER_LABEL: Record<Paper, string> = { a4: 'A4', letter: 'US Letter' };

const LETTER_TERRITORIES = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'CR', 'GT', 'NI', 'PA', 'PR', 'SV', 'BO']);

/** `en_US.UTF-8`, `fr_CA@euro`, `es_MX`: Letter; `de_DE.UTF-8`, `C`, `POSIX`, nothing set: A4. */
export function paperForLocale(env: Readonly<Record<string, string | undefined>>): Paper {
  const locale = [env['LC_ALL'], env['LC_PAPER'], env['LANG']].find((value) => value !== undefined && value !== '');
  const territory = /^[A-Za-z]{2,3}_([A-Za-z]{2})(?=$|[.@])/.exec(locale ?? '')?.[1]?.toUpperCase();
  return territory !== undefined && LETTER_TERRITORIES.has(territory) ? 'letter' : 'a4';
}
