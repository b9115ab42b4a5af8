// Acronym ↔ long-form pairs mined from papers' own text ("low-rank adaptation (LoRA)"), so a
// channel typing "LoRA" finds papers that only spell it out, and the other way round, in any
// field, without a hand-kept table. The matching of a short form to the words before it is the
// algorithm of Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation
// definitions in biomedical text".
import type { Paper } from '../types.js';
import { foldText, termSequence } from '../text/analyze.js';

/** One acronym and one of its long forms, with how many papers define it that way. */
export interface AcronymPair {
  /** The short form as written ("LoRA"). */
  short: string;
  /** The long form as written the first time it was seen ("low-rank adaptation"). */
  long: string;
  /** The long form's analyzed terms (stemmed, stop words dropped). */
  longTerms: string[];
  /** Papers that define the pair. */
  papers: number;
}

/** Pairs by short form (folded, trailing plural "s" dropped) and by long form terms. */
export interface AcronymTable {
  byShort: Map<string, AcronymPair[]>;
  byLong: Map<string, AcronymPair[]>;
}

// "(LoRA)", "(LLMs)", "(RL;", "(GPT-4)": a parenthesized token with at least two capitals.
const DEFINITION = /\(\s*([A-Za-z][A-Za-z0-9-]{1,11})\s*[);,]/g;
const CAPITALS = /[A-Z].*[A-Z]/;

/** The key a short form is filed under: folded, with a trailing plural "s" after capitals dropped. */
export function shortKey(short: string): string {
  const singular = /[A-Z]s$/.test(short) ? short.slice(0, -1) : short;
  return foldText(singular);
}

/** The key a long form is filed under: its terms joined by spaces. */
export const longKey = (terms: string[]): string => terms.join(' ');

/**
 * The long form `short` abbreviates at the end of `before`, or undefined. Every letter or digit
 * of the short form must appear in order in the long form, its first one starting a word.
 */
export function longFormOf(short: string, before: string): string | undefined {
  const letters = shortKey(short).replace(/[^a-z0-9]/g, '');
  if (letters.length < 2) return undefined;
  const words = before.trim().split(/\s+/);
  const span = Math.min(letters.length + 5, letters.length * 2);
  const candidate = words.slice(-span).join(' ');
  const lower = foldText(candidate);
  let l = lower.length - 1;
  for (let s = letters.length - 1; s >= 0; s--) {
    const c = letters[s]!;
    while (l >= 0 && (lower[l] !== c || (s === 0 && l > 0 && /[a-z0-9]/.test(lower[l - 1]!)))) l--;
    if (l < 0) return undefined;
    l--;
  }
  const start = lower.lastIndexOf(' ', l) + 1;
  const long = candidate.slice(start).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  // A long form is longer than its acronym and not the acronym again ("the LLM (LLM)").
  if (long.length <= short.length || long.includes('(')) return undefined;
  return long;
}

/** Definitions found in one text, one per distinct pair. */
export function definitionsIn(text: string): Array<{ short: string; long: string }> {
  const out = new Map<string, { short: string; long: string }>();
  for (const m of text.matchAll(DEFINITION)) {
    const short = m[1]!;
    if (!CAPITALS.test(short)) continue;
    const before = text.slice(Math.max(0, m.index! - 160), m.index!);
    // Only what follows the last sentence or clause break can be the long form.
    const clause = before.split(/[.;:()[\]]\s/).pop() ?? before;
    const long = longFormOf(short, clause);
    if (long) out.set(`${shortKey(short)}\u0000${foldText(long)}`, { short, long });
  }
  return [...out.values()];
}

// Definitions per paper id, kept while the title and abstract are unchanged: every channel's
// ranking mines the same candidates. Bounded; the oldest entries go first.
const DEFINITIONS_CACHE_SIZE = 4000;
/** A definition with the keys it is filed under, made once per paper rather than per ranking. */
type Definition = { short: string; long: string; longTerms: string[]; shortKey: string; longKey: string };
const definitionsCache = new Map<string, { title: string; abstract: string; defs: Definition[] }>();

function definitionsOf(paper: Paper): Definition[] {
  const hit = definitionsCache.get(paper.id);
  if (hit && hit.title === paper.title && hit.abstract === paper.abstract) return hit.defs;
  const found = paper.abstract.includes('(') || paper.title.includes('(') ? definitionsIn(`${paper.title}. ${paper.abstract}`) : [];
  const defs = found.map((d): Definition => {
    const longTerms = termSequence(d.long).sequence;
    return { ...d, longTerms, shortKey: shortKey(d.short), longKey: longKey(longTerms) };
  });
  if (definitionsCache.size >= DEFINITIONS_CACHE_SIZE) definitionsCache.delete(definitionsCache.keys().next().value!);
  definitionsCache.set(paper.id, { title: paper.title, abstract: paper.abstract, defs });
  return defs;
}

/**
 * Finds and keeps the definitions in each paper's title and abstract, so the rankings that mine
 * them later (mineAcronyms) only look them up. Called at ingest (warmForRanking).
 */
export function cacheDefinitions(papers: Iterable<Paper>): void {
  for (const paper of papers) definitionsOf(paper);
}

/** Mines the pairs defined in the papers' titles and abstracts (each paper counted once). */
export function mineAcronyms(papers: Iterable<Paper>): AcronymTable {
  const pairs = new Map<string, { pair: AcronymPair; shortKey: string; longKey: string }>();
  const seen = new Set<string>();
  for (const paper of papers) {
    if (seen.has(paper.id)) continue;
    seen.add(paper.id);
    for (const d of definitionsOf(paper)) {
      const longTerms = d.longTerms;
      if (longTerms.length < 2) continue;
      const key = `${d.shortKey}\u0000${d.longKey}`;
      const found = pairs.get(key);
      if (found) {
        found.pair.papers++;
        // The same surface form whatever order the papers came in.
        if (d.long < found.pair.long) found.pair.long = d.long;
      } else pairs.set(key, { pair: { short: d.short, long: d.long, longTerms, papers: 1 }, shortKey: d.shortKey, longKey: d.longKey });
    }
  }
  const table: AcronymTable = { byShort: new Map(), byLong: new Map() };
  const add = (map: Map<string, AcronymPair[]>, key: string, pair: AcronymPair) => {
    const list = map.get(key);
    if (list) list.push(pair);
    else map.set(key, [pair]);
  };
  for (const { pair, shortKey: s, longKey: l } of pairs.values()) {
    add(table.byShort, s, pair);
    add(table.byLong, l, pair);
  }
  for (const list of [...table.byShort.values(), ...table.byLong.values()]) {
    list.sort((a, b) => b.papers - a.papers || (a.long < b.long ? -1 : 1));
  }
  return table;
}

/**
 * The table plus pairs from elsewhere (a model's long forms for the acronyms a channel typed),
 * placed after the mined ones of the same acronym: what the papers say comes first.
 */
export function withPairs(table: AcronymTable, pairs: Array<{ short: string; long: string }>): AcronymTable {
  if (pairs.length === 0) return table;
  const out: AcronymTable = { byShort: new Map(table.byShort), byLong: new Map(table.byLong) };
  for (const p of pairs) {
    const longTerms = termSequence(p.long).sequence;
    if (longTerms.length < 2 || !shortKey(p.short)) continue;
    const pair: AcronymPair = { short: p.short, long: p.long, longTerms, papers: 0 };
    const s = shortKey(p.short);
    const l = longKey(longTerms);
    if (!(out.byShort.get(s) ?? []).some((q) => longKey(q.longTerms) === l)) out.byShort.set(s, [...(out.byShort.get(s) ?? []), pair]);
    if (!(out.byLong.get(l) ?? []).some((q) => shortKey(q.short) === s)) out.byLong.set(l, [...(out.byLong.get(l) ?? []), pair]);
  }
  return out;
}

/** Words of an interest text that look like acronyms worth looking up ("RL", "LoRA", "GNNs"). */
export function acronymsTyped(interests: string): string[] {
  const words = interests.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  return [...new Set(words.filter((w) => w.length <= 12 && CAPITALS.test(w)))];
}
