/**
 * The nearest candidate within a small edit distance, for "did you mean" hints. A hint is only
 * worth a few edits, so the work is bounded by that: candidates whose length alone is too far
 * off are skipped, and a distance stops being computed as soon as it cannot beat the best so
 * far. One call costs about candidates x word length, never candidates x both lengths squared.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  // A candidate must be nearer than this to be named.
  let bound = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) >= bound) continue;
    const distance = editDistanceBelow(lower, candidate.toLowerCase(), bound);
    if (distance < bound) {
      best = candidate;
      bound = distance;
    }
  }
  return best;
}

/**
 * The edit distance of `a` and `b` when it is below `bound`; otherwise some number >= `bound`.
 * Only the band of cells within `bound` of the diagonal can hold a smaller distance, and once a
 * whole row is at or over `bound` no later row can come back under it.
 */
export function editDistanceBelow(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) >= bound) return bound;
  const width = bound - 1;
  // Two rows, reused; a cell outside the band reads as `bound` (too far).
  let previous: number[] = Array.from({ length: b.length + 2 }, (_, j) => (j <= width ? j : bound));
  let current: number[] = new Array<number>(b.length + 2).fill(bound);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - width);
    const to = Math.min(b.length, i + width);
    current[from - 1] = from === 1 && i <= width ? i : bound;
    let rowMin = current[from - 1] ?? bound;
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? bound) + 1, (current[j - 1] ?? bound) + 1, (previous[j - 1] ?? bound) + cost, bound);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    current[to + 1] = bound;
    if (rowMin >= bound) return bound;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length] ?? bound, bound);
}
