// The one text analyzer: ranking, search, the corpus query builder and answers all read words
// through it, so a query term and an indexed term always meet. It folds case and accents, splits
// into words, keeps compounds such as "gpt-4" findable both as "gpt4" and as "gpt" + "4", drops
// stop words, stems. Variants are options or sibling functions here, never a second copy.
// Written as a character scanner rather than regular expressions because ranking 1,000 fresh
// candidates has to analyze ~200k words in a few tens of milliseconds.
import { stem } from './stem.js';
import { GENERIC_WORDS, STOP_WORDS } from './stopwords.js';

const NON_ASCII = /[^\x00-\x7f]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Lowercases and strips diacritics ("Gómez" → "gomez", "ﬁ" → "fi"). */
export function foldText(text: string): string {
  // Most paper text is ASCII; skipping Unicode normalization there halves analysis time.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

// Character classes for ASCII: 1 = part of a word, 2 = joins two words into a compound.
const WORD = 1;
const JOINER = 2;
const CLASS = new Uint8Array(128);
for (let c = 48; c < 58; c++) CLASS[c] = WORD;
for (let c = 97; c < 123; c++) CLASS[c] = WORD;
for (const ch of "-.'_/") CLASS[ch.charCodeAt(0)] = JOINER;
const RIGHT_QUOTE = 0x2019;

function isWordChar(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  return code < 128 ? CLASS[code] === WORD : LETTER_OR_DIGIT.test(s[i]!);
}

// Memo of word → stem. Paper vocabularies are small next to token counts, so this makes stemming
// nearly free; the cap keeps a long-running process from growing without bound.
const STEM_CACHE_CAP = 300_000;
let stemCache = new Map<string, string | null>();

/**
 * A copy of a string that does not point into a larger one. V8 represents slices of 13+ chars
 * as views of their parent, so a cached word would keep a whole abstract alive.
 */
export function ownString(s: string): string {
  // Concatenation then slice makes V8 flatten into a fresh string (cheaper than a Buffer copy).
  return s.length >= 13 ? ` ${s}`.slice(1) : s;
}

/** The index term for one plain word, or null when it is a stop word or a lone letter. */
export function termOf(word: string): string | null {
  let t = stemCache.get(word);
  if (t !== undefined) return t;
  if (STOP_WORDS.has(word) || (word.length < 2 && !(word >= '0' && word <= '9'))) t = null;
  else t = ownString(stem(word));
  if (stemCache.size >= STEM_CACHE_CAP) stemCache = new Map();
  stemCache.set(ownString(word), t);
  return t;
}

const PART_SPLIT = /[-.'’_/]+/;

/**
 * Walks the words of a text. `onPart` gets each term in reading order (compounds split into
 * their parts); `onJoined` gets the joined form of each short compound ("gpt-4" → "gpt4",
 * "pre-training" → "pretrain"). Stop words and lone letters are skipped.
 */
export function scanTerms(text: string, onPart: (term: string) => void, onJoined?: (term: string) => void): void {
  const s = foldText(text);
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(s, i)) {
      i++;
      continue;
    }
    const start = i;
    let compound = false;
    while (i < n) {
      if (isWordChar(s, i)) {
        i++;
        continue;
      }
      const c = s.charCodeAt(i);
      const joiner = c < 128 ? CLASS[c] === JOINER : c === RIGHT_QUOTE;
      if (joiner && i + 1 < n && isWordChar(s, i + 1)) {
        compound = true;
        i++;
        continue;
      }
      break;
    }
    if (!compound) {
      const t = termOf(s.slice(start, i));
      if (t !== null) onPart(t);
      continue;
    }
    const parts = s.slice(start, i).split(PART_SPLIT);
    let last: string | null = null;
    for (const p of parts) {
      const t = termOf(p);
      if (t !== null) onPart((last = t));
    }
    // Long compounds are phrases ("state-of-the-art"), not names; their joined form helps no one.
    if (onJoined && parts.length <= 3) {
      const joined = termOf(parts.join(''));
      if (joined !== null && !(parts.length === 1 && joined === last)) onJoined(joined);
    }
  }
}

/**
 * Every index term of a text: the terms in order, each compound followed by its joined form.
 * "Self-supervised GPT-4" → ["self", "supervis", "selfsupervis", "gpt", "4", "gpt4"].
 */
export function analyze(text: string): string[] {
  const out: string[] = [];
  const push = (t: string) => out.push(t);
  scanTerms(text, push, push);
  return out;
}

/**
 * The text as a sequence of terms for phrase matching, plus the joined forms of compounds as a
 * separate list. Stop words are dropped, so "mixture of experts" and "mixture-of-experts" give
 * the same sequence ["mixtur", "expert"].
 */
export function termSequence(text: string): { sequence: string[]; joined: string[] } {
  const sequence: string[] = [];
  const joined: string[] = [];
  scanTerms(
    text,
    (t) => sequence.push(t),
    (t) => joined.push(t),
  );
  return { sequence, joined };
}

/** Options of `words`. */
export interface WordOptions {
  /**
   * Keep accents ("gómez"), only folding case and compatibility forms (NFKC): for a database
   * that indexes words its own way. Default: accents are folded like every index term.
   */
  keepAccents?: boolean;
}

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/u;

/**
 * The plain words of a text, in order: lowercase runs of Unicode letters and digits (anything
 * else separates, so compounds come apart), neither stemmed nor stop-word filtered.
 */
export function words(text: string, options: WordOptions = {}): string[] {
  const lower = options.keepAccents ? text.normalize('NFKC').toLowerCase() : foldText(text);
  return lower.split(NOT_LETTER_OR_DIGIT).filter(Boolean);
}

/** True for an English function word ("the", "of", "which"), given lowercase and unstemmed. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Options of `contentTerms`. */
export interface ContentTermOptions {
  /**
   * Also drop the words every question or abstract uses about itself ("paper", "propose",
   * "result", "explain"): they match everything, so to an answer they say nothing.
   */
  dropGeneric?: boolean;
}

let genericTerms: Set<string> | undefined;

/** The terms of GENERIC_WORDS, made on first use (so the stem cache is not filled at import). */
function isGenericTerm(term: string): boolean {
  genericTerms ??= new Set(GENERIC_WORDS.flatMap((w) => termOf(w) ?? []));
  return genericTerms.has(term);
}

/**
 * The distinct terms of a text, compounds as their parts only ("GPT-4" → "gpt", "4"), without
 * stop words or lone letters; numbers are kept.
 */
export function contentTerms(text: string, options: ContentTermOptions = {}): Set<string> {
  const out = new Set<string>();
  const drop = options.dropGeneric === true;
  scanTerms(text, (t) => {
    if (!drop || !isGenericTerm(t)) out.add(t);
  });
  return out;
}
