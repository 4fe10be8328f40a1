/**
 * A customer name as people type it: "st marys trust", "St. Mary's Trust" and "ST MARY’S TRUST"
 * are the same customer. Letters and digits only, accents dropped, in lower case.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
