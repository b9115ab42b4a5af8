// Turns a channel's interest text into concepts the ranker can match: split into phrases, each
// word (or typed long form) a facet, acronyms and long forms expanded with the pairs mined from
// the papers themselves, and words too common among the papers marked generic. Nothing here
// knows any field's vocabulary: what a word means comes from the candidates and the corpus.
import { foldText, termOf, termSequence, words as plainWords } from '../text/analyze.js';
import { longKey, shortKey, type AcronymTable } from './acronyms.js';

/** One way a facet can appear in a paper: a term sequence, how much it counts, what to show. */
export interface Alternative {
  terms: string[];
  /** The compound written as one word ("fine tuning" → "finetun"), when it differs. */
  joined?: string;
  weight: number;
  label: string;
}

/** A unit of an interest ("RL", "video generation", "people") and the forms it may take. */
export interface Facet {
  label: string;
  alternatives: Alternative[];
  /** A word most papers contain ("model", "method"): counts little and never matches on its own. */
  generic: boolean;
}

/** One interest phrase ("RL for LLM reasoning") as facets, plus its own term sequence. */
export interface Concept {
  label: string;
  facets: Facet[];
  phrase: string[];
}

/** What parsing reads besides the text: mined acronyms and how common a term is (0–1, if known). */
export interface InterestVocabulary {
  acronyms: AcronymTable;
  commonness(term: string): number | undefined;
}

/** Weight of the typed form and of a mined other name (acronym or long form). */
const WEIGHT = { typed: 1, otherName: 0.9 } as const;
/** A term in at least this share of the papers says nothing about a topic on its own. */
const GENERIC_SHARE = 0.3;
/** Long forms of one acronym used at most (the most frequently defined first). */
const MAX_LONG_FORMS = 2;

/** Interest phrases are split at these separators. */
const SEPARATORS = /[,;\n|•·]+|\.(?:\s+|$)|\s+(?:and|or|&|plus|as well as|\+)\s+/i;

/** An alternative for a piece of text, or undefined when nothing searchable is left. */
export function alternativeOf(text: string, weight: number): Alternative | undefined {
  const { sequence } = termSequence(text);
  const words = plainWords(text);
  const joined = words.length > 1 && words.length <= 3 ? termOf(words.join('')) : null;
  // "on-policy" minus its stop word would be "policy": such compounds match only joined.
  const lossy = foldText(text)
    .split(/\s+/)
    .some((token) => token.includes('-') && token.split('-').some((part) => part && termOf(part) === null));
  if (lossy && sequence.length < 2) return joined ? { terms: [joined], weight, label: text } : undefined;
  if (sequence.length === 0) return undefined;
  const alt: Alternative = { terms: sequence, weight, label: text };
  if (joined && !(sequence.length === 1 && sequence[0] === joined)) alt.joined = joined;
  return alt;
}

/** A word as typed plus the terms it analyzes into. */
interface Word {
  raw: string;
  terms: string[];
}

function wordsOf(chunk: string): Word[] {
  return (chunk.match(/[\p{L}\p{N}]+(?:[-'’.\/][\p{L}\p{N}]+)*/gu) ?? []).map((raw) => ({
    raw,
    terms: termSequence(raw).sequence,
  }));
}

/** The facet of a typed acronym: the acronym, then its mined long forms. */
function acronymFacet(raw: string, vocab: InterestVocabulary): Facet | undefined {
  const pairs = vocab.acronyms.byShort.get(shortKey(raw));
  if (!pairs?.length) return undefined;
  const typed = alternativeOf(raw, WEIGHT.typed);
  const alternatives = typed ? [typed] : [];
  for (const p of pairs.slice(0, MAX_LONG_FORMS)) {
    const a = alternativeOf(p.long, WEIGHT.otherName);
    if (a) alternatives.push(a);
  }
  return { label: raw, alternatives, generic: false };
}

/** The longest mined long form starting at term `i`, as [its term count, facet]. */
function longFormFacet(terms: string[], i: number, label: (n: number) => string, vocab: InterestVocabulary): [number, Facet] | undefined {
  for (let n = Math.min(8, terms.length - i); n >= 2; n--) {
    const pairs = vocab.acronyms.byLong.get(longKey(terms.slice(i, i + n)));
    if (!pairs?.length) continue;
    const text = label(n);
    const alternatives: Alternative[] = [{ terms: terms.slice(i, i + n), weight: WEIGHT.typed, label: text }];
    const shorts = new Set(pairs.map((p) => shortKey(p.short)));
    for (const s of shorts) {
      const a = alternativeOf(s, WEIGHT.otherName);
      if (a) alternatives.push({ ...a, label: pairs.find((p) => shortKey(p.short) === s)!.short });
    }
    return [n, { label: text, alternatives, generic: false }];
  }
  return undefined;
}

/** Splits interest text into phrases. */
function splitPhrases(text: string): string[] {
  return text
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * Parses free-text interests into concepts. "diffusion models, video generation" gives two
 * concepts; "RL for LLM reasoning" gives one with facets RL, LLM and reasoning, the acronyms
 * expanded with the long forms the papers define for them ("reinforcement learning (RL)").
 * Words most papers contain are generic: they count little and never match on their own.
 */
export function parseInterests(text: string, vocab: InterestVocabulary): Concept[] {
  const concepts: Concept[] = [];
  for (const phrase of splitPhrases(text)) {
    const words = wordsOf(phrase);
    const terms: string[] = [];
    const wordOf: number[] = [];
    words.forEach((w, wi) => {
      for (const t of w.terms) {
        terms.push(t);
        wordOf.push(wi);
      }
    });
    const labelOf = (i: number) => (n: number) =>
      words
        .slice(wordOf[i]!, wordOf[i + n - 1]! + 1)
        .map((w) => w.raw)
        .join(' ');
    const facets: Facet[] = [];
    for (let i = 0; i < terms.length; ) {
      const long = longFormFacet(terms, i, labelOf(i), vocab);
      if (long) {
        facets.push(long[1]);
        i += long[0];
        continue;
      }
      const word = words[wordOf[i]!]!;
      // A typed acronym is one facet however it analyzes ("GPT-4" → gpt, 4).
      const acronym = word.terms[0] === terms[i] ? acronymFacet(word.raw, vocab) : undefined;
      if (acronym) {
        facets.push(acronym);
        i += word.terms.length;
        continue;
      }
      const t = terms[i]!;
      facets.push({
        label: word.raw,
        alternatives: [{ terms: [t], weight: WEIGHT.typed, label: word.raw }],
        generic: (vocab.commonness(t) ?? 0) >= GENERIC_SHARE,
      });
      i++;
    }
    if (facets.length) concepts.push({ label: phrase, facets, phrase: terms });
  }
  return concepts;
}

/**
 * Parses include/exclude words literally: one concept per entry, matched as typed (stemmed and
 * case-folded, no synonyms), so "survey" also catches "surveys" but never "overview".
 */
export function parseKeywords(words: string[]): Concept[] {
  const out: Concept[] = [];
  for (const w of words) {
    const alt = alternativeOf(w, 1);
    if (!alt) continue;
    alt.label = w.trim();
    out.push({ label: w.trim(), facets: [{ label: w.trim(), alternatives: [alt], generic: false }], phrase: alt.terms });
  }
  return out;
}
