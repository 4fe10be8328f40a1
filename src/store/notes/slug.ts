/**
 * A file-name part from an answer such as the customer's name. It never leaves the directory,
 * never starts with "." or "-", is never a reserved Windows name, stays short, and falls back to a
 * safe word when nothing usable is left (a name written only in Japanese, say).
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
export const MAX_SLUG_LENGTH = 60;

export function slugify(text: string, fallback = 'customer'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  if (slug === '') return fallback;
  return WINDOWS_RESERVED.test(slug) ? `${slug}-meeting` : slug;
}
