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

/**
 * retext-passive knows the irregular participles ("made", "lost", "sent"); a form of "be" or
 * "get" before a regular one ("was delayed", "got missed") is passive too. Words that read as
 * feelings or states after "be" ("we are committed", "I was disappointed") are not.
 */
const BE_OR_GET = /\b(?:am|is|are|was|were|be|been|being|get|gets|got|gotten|getting)\s+(?:(?:not|never|just|also|then|all|\w+ly)\s+)?([a-z]+ed)\b/gi;
const STATES = new Set(
  'committed dedicated determined interested concerned worried tired excited pleased surprised bored scared frustrated disappointed embarrassed involved prepared supposed used based located called named ashamed annoyed upset thrilled delighted convinced focused engaged qualified experienced talented skilled motivated relieved satisfied dissatisfied confused amazed shocked stressed overwhelmed exhausted united aligned'.split(' '),
);

function regularPassive(text: string): DetectorHit[] {
  return [...text.matchAll(BE_OR_GET)].flatMap((match) => {
    const participle = match[1] ?? '';
    return STATES.has(participle.toLowerCase()) ? [] : [{ text: match[0], start: match.index, end: match.index + match[0].length }];
  });
}

/** Both finders' hits, in order, without one that overlaps an earlier hit. */
function merged(...lists: DetectorHit[][]): DetectorHit[] {
  const hits = lists.flat().sort((a, b) => a.start - b.start);
  return hits.filter((hit, i) => i === 0 || (hits[i - 1]?.end ?? 0) <= hit.start);
}

export function loadDetectors(): Detectors {
  const irregular = runner(retextPassive, () => true, 1);
  return {
    passive: (text) => merged(irregular(text), regularPassive(text)),
    hedge: runner(retextIntensify, (message) => SOFTENERS.has((message.actual ?? '').toLowerCase())),
  };
}
