/**
 * Finding a playbook's phrases in what the user wrote. A phrase is data, never a regular
 * expression: words matched whole and in any case, each also in its simple inflections (blame:
 * blames, blamed, blaming), plus three wildcards: `<word>` any one word, `<number>` a word with a
 * digit, `<name>` a capitalised word inside a sentence (a person's name, roughly), `<start>` the
 * start of a sentence (a question that opens with "Did you"). They are in
 * angle brackets because YAML gives `*`, `#` and `@` meanings of their own. Commas and dashes between the
 * words are skipped unless the phrase itself has one ("actually ," finds "Actually, the spec..."
 * and not "what they actually want"); a sentence's end is never crossed.
 */
import { isAscii } from '../text/ascii.js';

type Token = { kind: 'word'; text: string; lower: string; start: number; end: number; sentenceStart: boolean } | { kind: 'mark'; text: string; start: number; end: number };

/**
 * Words (with inner apostrophes: you're, don't) and the punctuation that phrases can name. Made
 * when first needed, for text that is not ASCII: V8 builds the Unicode classes from ICU's tables
 * when it makes the expression, which a module-level one cost every run that loaded this file.
 */
const unicodeToken = (): RegExp => /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[,;:.!?]|[-–—]+/gu;
/** Its ASCII twin (core/text/ascii.ts), for ASCII text, which has no typographic apostrophe or dash. */
const ASCII_TOKEN = /[A-Za-z0-9]+(?:'[A-Za-z]+)*|[,;:.!?]|-+/g;
/** What a token that is not a word starts with: one of the marks above (a wildcard's `<` is not one). */
const MARK = /^[,;:.!?\-–—]/;
const SENTENCE_END = new Set(['.', '!', '?']);
/** Capitalised words that are not names. */
const NOT_NAMES = new Set(
  'i monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  // Words since the sentence began: after one word and a comma ("Pete, did you ...") a clause starts.
  let words = 0;
  for (const match of text.matchAll(isAscii(text) ? ASCII_TOKEN : unicodeToken())) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    if (!MARK.test(raw)) {
      const normal = raw.replace(/’/g, "'");
      tokens.push({ kind: 'word', text: normal, lower: normal.toLowerCase(), start, end, sentenceStart });
      sentenceStart = false;
      words++;
    } else {
      const mark = /^[-–—]/.test(raw) ? '-' : raw;
      tokens.push({ kind: 'mark', text: mark, start, end });
      if (SENTENCE_END.has(mark) || mark === ':' || mark === ';' || (mark === ',' && words === 1)) {
        sentenceStart = true;
        words = 0;
      }
    }
  }
  return tokens;
}

const WILDCARDS = new Set(['<word>', '<number>', '<name>', '<start>']);

/**
 * A phrase's tokens and an answer's, kept: a playbook's few phrases are looked for in every
 * answer, and each check of an answer looks at the same text again.
 */
const phraseTokensCache = new Map<string, string[]>();
/** The text's tokens, and where each word (lower-cased) stands among them. */
interface TokenizedText {
  text: string;
  tokens: Token[];
  wordsAt: Map<string, number[]>;
}
let lastText: TokenizedText | undefined;

function tokensOf(text: string): TokenizedText {
  if (lastText?.text !== text) {
    const tokens = tokenize(text);
    const wordsAt = new Map<string, number[]>();
    tokens.forEach((token, index) => {
      if (token.kind !== 'word') return;
      const at = wordsAt.get(token.lower);
      if (at) at.push(index);
      else wordsAt.set(token.lower, [index]);
    });
    lastText = { text, tokens, wordsAt };
  }
  return lastText;
}

/**
 * Where a phrase may start: a phrase that opens with a plain word starts only where one of that
 * word's forms stands, so it is tried there alone. Trying every phrase at every word made the
 * matcher hot enough for V8 to optimise it on a second thread, which a prep of two-questions then
 * waited 8 ms for at exit; one that opens with a wildcard or a mark is tried everywhere.
 */
function startsOf(first: string, { tokens, wordsAt }: TokenizedText): Iterable<number> {
  if (!isWordPattern(first) || WILDCARDS.has(first)) return tokens.keys();
  const starts: number[] = [];
  for (const form of formsOf(first)) starts.push(...(wordsAt.get(form) ?? []));
  return starts;
}

/** The tokens of a phrase as written in a playbook, wildcards included; none means it names nothing. */
function phraseTokens(phrase: string): string[] {
  let known = phraseTokensCache.get(phrase);
  if (known === undefined) {
    known = tokenizePhrase(phrase);
    phraseTokensCache.set(phrase, known);
  }
  return known;
}

function tokenizePhrase(phrase: string): string[] {
  const out: string[] = [];
  for (const part of phrase.trim().split(/\s+/)) {
    if (WILDCARDS.has(part.toLowerCase())) {
      out.push(part.toLowerCase());
      continue;
    }
    for (const token of tokenize(part)) out.push(token.kind === 'word' ? token.lower : token.text);
  }
  return out;
}

/** The forms of a word a phrase also accepts: blame -> blames, blamed, blaming; try -> tries, tried. */
function inflections(word: string): Set<string> {
  // Short words (i, us, we, me) and contractions have no forms: "i" must not find "is".
  if (word.length < 3 || word.includes("'")) return new Set([word]);
  const forms = new Set([word, `${word}s`, `${word}es`, `${word}ed`, `${word}d`, `${word}ing`, `${word}'s`]);
  if (word.endsWith('e')) forms.add(`${word.slice(0, -1)}ing`);
  if (/[^aeiou]y$/.test(word)) {
    forms.add(`${word.slice(0, -1)}ies`);
    forms.add(`${word.slice(0, -1)}ied`);
  }
  if (/[^aeiou][aeiou][bdgkmnprt]$/.test(word)) {
    const last = word.slice(-1);
    forms.add(`${word}${last}ed`);
    forms.add(`${word}${last}ing`);
  }
  return forms;
}

const inflectionCache = new Map<string, Set<string>>();
/** A phrase word's forms, kept: each is looked for in every answer. */
function formsOf(phraseWord: string): Set<string> {
  let forms = inflectionCache.get(phraseWord);
  if (!forms) {
    forms = inflections(phraseWord);
    inflectionCache.set(phraseWord, forms);
  }
  return forms;
}

function accepts(phraseWord: string, token: Token & { kind: 'word' }): boolean {
  if (phraseWord === '<word>') return true;
  if (phraseWord === '<number>') return /\d/.test(token.lower);
  if (phraseWord === '<name>') return !token.sentenceStart && startsUpperCase(token.text) && !NOT_NAMES.has(token.lower.replace(/'.*/, ''));
  return formsOf(phraseWord).has(token.lower);
}

/** A capital letter first, of any script; the ASCII twin decides an ASCII letter. */
const startsUpperCase = (word: string): boolean => ((word.codePointAt(0) ?? 0) < 0x80 ? /^[A-Z]/.test(word) : /^\p{Lu}/u.test(word));

/** A phrase's word or wildcard, not a mark: its tokens come from tokenize, so nothing else can start one. */
const isWordPattern = (text: string): boolean => text !== '' && !MARK.test(text);

/** A phrase must name at least one word, and not only wildcards, or it would match everything. */
export const namesAWord = (phrase: string): boolean => phraseTokens(phrase).some((token) => isWordPattern(token) && token !== '<word>' && token !== '<start>');

export interface PhraseMatch {
  phrase: string;
  /** The words of the answer that matched, as written. */
  text: string;
  start: number;
  end: number;
}

/** Every place one of the phrases occurs in the text, in the order they appear. */
export function findPhrases(text: string, phrases: readonly string[]): PhraseMatch[] {
  const tokenized = tokensOf(text);
  const { tokens } = tokenized;
  const matches: PhraseMatch[] = [];
  for (const phrase of phrases) {
    const wanted = phraseTokens(phrase);
    const first = wanted[0];
    if (first === undefined) continue;
    for (const i of startsOf(first, tokenized)) {
      const end = matchAt(tokens, i, wanted);
      if (end === undefined) continue;
      const first = tokens[i];
      const last = tokens[end];
      if (first && last) matches.push({ phrase, text: text.slice(first.start, last.end), start: first.start, end: last.end });
    }
  }
  // One place is reported once: "your frustration" inside "understand your frustration" is not news.
  const ordered = matches.sort((a, b) => a.start - b.start || b.end - a.end);
  let reached = -1;
  return ordered.filter((match) => {
    if (match.start < reached) return false;
    reached = match.end;
    return true;
  });
}

/** The index of the last token of the phrase when it starts at token `from`. */
function matchAt(tokens: readonly Token[], from: number, wanted: readonly string[]): number | undefined {
  let i = from;
  let last: number | undefined;
  for (const [w, want] of wanted.entries()) {
    if (want === '<start>') {
      // Takes no word: the next one must begin a sentence (or the clause after "Pete,").
      const next = tokens[i];
      if (next?.kind !== 'word' || !next.sentenceStart) return undefined;
      continue;
    }
    if (isWordPattern(want)) {
      // Between the phrase's words, skip commas and dashes the phrase does not name.
      while (w > 0 && tokens[i]?.kind === 'mark' && (tokens[i]?.text === ',' || tokens[i]?.text === '-')) i++;
      const token = tokens[i];
      if (token?.kind !== 'word' || !accepts(want, token)) return undefined;
    } else {
      const token = tokens[i];
      if (token?.kind !== 'mark' || token.text !== want) return undefined;
    }
    last = i;
    i++;
  }
  return last;
}
