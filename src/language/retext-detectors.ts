/**
 * The named linguistic detectors (`detector: passive`, `detector: hedge`) over the unified/retext
 * family. This module is imported only when a check that names a detector runs (a lazy
 * `import()`), so no other command pays for loading the libraries (about 1.4x a bare start).
 * retext is ES modules only; esbuild bundles it into the one CommonJS file.
 */
import retextEnglish from 'retext-english';
import retextIntensify from 'retext-intensify';
import retextPassive from 'retext-passive';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { DetectorHit, Detectors } from '../core/check/check-answer.js';

/**
 * retext-intensify finds hedges, weasels and fillers, but its lists hold plain words too ("can",
 * "will", "that", "down", "works"): a hedge here is one of its finds that softens a commitment.
 */
const SOFTENERS = new Set(
  ['maybe', 'perhaps', 'possibly', 'probably', 'hopefully', 'might', 'could', 'just', 'somewhat', 'fairly', 'kind of', 'sort of', 'think', 'guess', 'believe', 'suppose', 'seem', 'seems', 'appear', 'appears', 'try', 'attempt', 'likely', 'presumably', 'more or less'],
);

function runner(
  plugin: typeof retextPassive | typeof retextIntensify,
  keep: (message: { ruleId?: string | undefined; actual?: string | undefined }) => boolean,
  /** Widens a hit to the words before it that belong to it ("were" of "were made"). */
  wordsBefore = 0,
) {
  const processor = unified().use(retextEnglish).use(plugin).freeze();
  return (text: string): DetectorHit[] => {
    const file = new VFile(text);
    processor.runSync(processor.parse(file), file);
    return file.messages.filter(keep).flatMap((message) => {
      const start = message.place && 'start' in message.place ? message.place.start.offset : undefined;
      const end = message.place && 'end' in message.place ? message.place.end.offset : undefined;
      if (start === undefined || end === undefined) return [];
      const from = wordsBefore === 0 ? start : widen(text, start, wordsBefore);
      return [{ text: text.slice(from, end), start: from, end }];
    });
  };
}

function widen(text: string, start: number, words: number): number {
  const before = new RegExp(`(?:[\\p{L}'’]+\\s+){0,${words}}$`, 'u').exec(text.slice(0, start));
  return before ? start - before[0].length : start;
}

export function loadDetectors(): Detectors {
  return {
    passive: runner(retextPassive, () => true, 1),
    hedge: runner(retextIntensify, (message) => SOFTENERS.has((message.actual ?? '').toLowerCase())),
  };
}
