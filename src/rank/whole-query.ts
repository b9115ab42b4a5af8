// The interest text scored as one query: Okapi BM25 over each candidate's title (counted twice,
// as BM25F does for a short, topical field), HF keywords and abstract, with term rarity from the
// ranking's TermSpace (the corpus when it is big enough, else the candidates). Phrase matching
// (interests.ts, match.ts) scores each "and"-split clause of a sentence as an interest of its own; this score
// reads the sentence as one request, so one clause ("use tools") cannot stand for all of it.
// Pseudo-relevance feedback then comes from the ranker's `related` signal, seeded by the mix.
// (RM3 feedback inside this score, 10 documents, 10 terms, original weight 0.5–0.7, lowered
// mean nDCG@10 on plain-language profiles from 0.675 to 0.615–0.667, so it is not used.)
import type { Concept } from './interests.js';
import { countIn, type PaperText } from './paper-text.js';
import type { TermSpace } from './term-space.js';

/** Okapi BM25 saturation and length normalization (the usual defaults, not tuned here). */
const K1 = 1.2;
const B = 0.75;
/** BM25F weight of a title occurrence relative to one in the abstract. */
const TITLE_WEIGHT = 2;

/** A weighted query over terms. */
type Query = Map<string, number>;

function fieldTf(text: PaperText, term: string): number {
  const c = text.counts.get(term);
  if (c === undefined) return 0;
  return TITLE_WEIGHT * countIn(c, 'title') + countIn(c, 'keywords') + countIn(c, 'abstract');
}

const lengthOf = (t: PaperText) => TITLE_WEIGHT * t.title.length + t.keywords.length + t.abstract.length;

function bm25(space: TermSpace, query: Query, lengths: Float64Array, avg: number): Float64Array {
  const texts = space.texts;
  const scores = new Float64Array(texts.length);
  const vocab = texts[0]?.vocab;
  if (!vocab) return scores;
  for (const [term, qw] of query) {
    const id = vocab.find(term);
    if (id < 0) continue;
    const idf = space.idf(id);
    for (let p = 0; p < texts.length; p++) {
      const tf = fieldTf(texts[p]!, term);
      if (tf === 0) continue;
      const norm = K1 * (1 - B + (B * lengths[p]!) / avg);
      scores[p] = scores[p]! + qw * idf * ((tf * (K1 + 1)) / (tf + norm));
    }
  }
  return scores;
}

/**
 * The interest text as one weighted query: every typed term once, plus the other names mined for
 * its acronyms and long forms, each name sharing its alternative's weight among its terms (so
 * "LLM" also asks for "large language model" as much as for one typed word). Sums to 1.
 */
export function queryOfConcepts(concepts: Concept[]): Map<string, number> {
  const query: Query = new Map();
  const add = (t: string, w: number) => query.set(t, Math.max(query.get(t) ?? 0, w));
  for (const c of concepts) for (const t of c.phrase) add(t, 1);
  for (const c of concepts) {
    for (const f of c.facets) {
      for (const a of f.alternatives.slice(1)) for (const t of a.terms) add(t, a.weight / a.terms.length);
    }
  }
  const sum = [...query.values()].reduce((s, w) => s + w, 0) || 1;
  return new Map([...query].map(([t, w]) => [t, w / sum]));
}

/**
 * BM25 of a weighted query (queryOfConcepts) on every candidate, scaled so the best candidate
 * scores 1 (0 everywhere when no candidate shares a term with the query).
 */
export function wholeQueryScores(space: TermSpace, query: Map<string, number>): Float64Array {
  if (query.size === 0 || space.size === 0) return new Float64Array(space.size);
  const lengths = Float64Array.from(space.texts, lengthOf);
  const avg = lengths.reduce((s, l) => s + l, 0) / lengths.length || 1;
  const scores = bm25(space, query, lengths, avg);
  let max = 0;
  for (const s of scores) max = Math.max(max, s);
  return max > 0 ? scores.map((s) => s / max) : scores;
}
