// How strongly a paper matches an interest: per alternative (a phrase in the title beats the same
// phrase in the abstract, which beats its words scattered), per facet (best alternative), per
// concept (facets weighted by how specific they are among today's candidates).
import type { Alternative, Concept, Facet } from './interests.js';
import { countIn, LEAD_TERMS, type PaperText, type TermCounts } from './paper-text.js';

/** Extra strength of a mention in the abstract's opening, which usually states the topic. */
const LEAD_BONUS = 0.15;

/** Strength of one term by where it occurs; in [0, 1]. */
function termStrength(c: TermCounts | undefined): number {
  if (!c) return 0;
  if (countIn(c, 'title')) return 1;
  // HF keywords list minor aspects too: worth a little more than one mention in the abstract.
  const n = countIn(c, 'abstract');
  const lead = countIn(c, 'lead') ? LEAD_BONUS : 0;
  const abstract = n ? Math.min(0.8, 0.45 + 0.12 * (n - 1) + lead) : 0;
  return countIn(c, 'keywords') ? Math.max(0.6, abstract) : abstract;
}

/**
 * Occurrences of `terms` in order in `seq[0..end)`, allowing one foreign term between
 * neighbours; counting stops at `max` (enough to know whether there is one).
 */
function phraseCount(seq: string[], terms: string[], end = seq.length, max = Infinity): number {
  let count = 0;
  const first = terms[0]!;
  for (let i = 0; i < end && count < max; i++) {
    if (seq[i] !== first) continue;
    let pos = i;
    let ok = true;
    // Past `end` reads as no term, as if the sequence stopped there.
    for (let j = 1; j < terms.length && ok; j++) {
      const next = pos + 1 < end ? seq[pos + 1] : undefined;
      if (next === terms[j]) pos += 1;
      else if (pos + 2 < end && seq[pos + 2] === terms[j] && next !== '') pos += 2;
      else ok = false;
    }
    if (ok) count++;
  }
  return count;
}

const hasPhrase = (seq: string[], terms: string[], end = seq.length) => phraseCount(seq, terms, end, 1) > 0;

/** Strength of one alternative in a paper; in [0, 1]. */
export function alternativeStrength(alt: Alternative, text: PaperText): number {
  const counts = text.counts;
  const single = alt.joined ? termStrength(counts.get(alt.joined)) : 0;
  const terms = alt.terms;
  if (terms.length === 1) return Math.max(single, termStrength(counts.get(terms[0]!)));
  // Summing the absent terms' zeros too leaves the sum exactly as over the present ones.
  let sum = 0;
  let present = 0;
  for (const t of terms) {
    const s = termStrength(counts.get(t));
    if (s > 0) present++;
    sum += s;
  }
  if (present === 0) return single;
  const all = present === terms.length;
  let phrase = 0;
  if (all) {
    if (hasPhrase(text.title, terms)) phrase = 1;
    else {
      const n = phraseCount(text.abstract, terms);
      const lead = n > 0 && hasPhrase(text.abstract, terms, Math.min(LEAD_TERMS, text.abstract.length)) ? LEAD_BONUS : 0;
      if (n > 0) phrase = Math.min(0.85, 0.55 + 0.1 * (n - 1) + lead);
      if (hasPhrase(text.keywords, terms)) phrase = Math.max(phrase, 0.65);
    }
  }
  const mean = sum / terms.length;
  // All words but not as a phrase count for less; some words for little.
  const scattered = all ? 0.45 * mean : 0.2 * mean * (present / terms.length);
  return Math.max(single, phrase, scattered);
}

/** How much the 2nd, 3rd, … best alternatives add: a paper naming several forms of a topic
 * ("quantization", "pruning", "latency") is more about it than one naming a single form once. */
const SUPPORT = [0.5, 0.35, 0.25];

interface Found {
  s: number;
  alt: Alternative;
}

/** Combines the alternatives found in one paper into a facet score in [0, 1]. */
function combine(found: Found[]): { score: number; alt?: Alternative } {
  if (found.length === 0) return { score: 0 };
  found.sort((a, b) => b.s - a.s);
  let miss = 1 - found[0]!.s;
  SUPPORT.forEach((w, i) => {
    const next = found[i + 1];
    if (next) miss *= 1 - w * next.s;
  });
  return { score: 1 - miss, alt: found[0]!.alt };
}

/** Score of a facet in a paper, in [0, 1], and the alternative that contributed most. */
export function facetMatch(facet: Facet, text: PaperText): { score: number; alt?: Alternative } {
  const found: Found[] = [];
  for (const alt of facet.alternatives) {
    const s = alternativeStrength(alt, text) * alt.weight;
    if (s > 0) found.push({ s, alt });
  }
  return combine(found);
}

/** Facet scores of every paper: scores[facet][paper]. */
export interface FacetTable {
  scores: Float64Array[];
  alts: Array<Array<Alternative | undefined>>;
}

/**
 * Scores every facet on every paper, like facetMatch, but examines an alternative only in the
 * papers that contain its rarest term or its joined form (`postings`: term → paper indexes).
 * A partial match without that term is worth less than other alternatives anyway; this keeps
 * 1,000 candidates cheap.
 */
export function scoreFacets(facets: Facet[], texts: PaperText[], postings: Map<string, number[]>): FacetTable {
  const n = texts.length;
  const scores: Float64Array[] = [];
  const alts: Array<Array<Alternative | undefined>> = [];
  // Per paper: what the current facet's alternatives found, and which alternative last visited it.
  const found: Array<Found[] | undefined> = new Array(n);
  const visited = new Int32Array(n).fill(-1);
  const touched: number[] = [];
  let visit = 0;
  for (const facet of facets) {
    for (const alt of facet.alternatives) {
      let rarest: number[] | undefined;
      for (const t of alt.terms) {
        const list = postings.get(t) ?? [];
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      const mark = visit++;
      const examine = (p: number) => {
        if (visited[p] === mark) return;
        visited[p] = mark;
        const text = texts[p]!;
        const s = alternativeStrength(alt, text) * alt.weight;
        if (s <= 0) return;
        const entry = { s, alt };
        const list = found[p];
        if (list) list.push(entry);
        else {
          found[p] = [entry];
          touched.push(p);
        }
      };
      for (const p of rarest ?? []) examine(p);
      if (alt.joined) for (const p of postings.get(alt.joined) ?? []) examine(p);
    }
    const row = new Float64Array(n);
    const altRow: Array<Alternative | undefined> = new Array(n);
    for (const p of touched) {
      const m = combine(found[p]!);
      row[p] = m.score;
      altRow[p] = m.alt;
      found[p] = undefined;
    }
    touched.length = 0;
    scores.push(row);
    alts.push(altRow);
  }
  return { scores, alts };
}

/**
 * Generic facets and facets matched by most papers count for less (an IDF over candidates); a
 * facet no candidate matches at all says nothing about today's papers and counts for nothing.
 */
/** Weight of a facet every candidate matches; a facet only one matches weighs 1. */
const COMMON_FACET_WEIGHT = 0.2;

export function facetWeights(facets: Facet[], table: FacetTable, n: number): number[] {
  return facets.map((f, i) => {
    if (f.generic) return 0.25;
    let df = 0;
    let any = false;
    for (const s of table.scores[i]!) {
      if (s > 0) any = true;
      if (s >= 0.4) df++;
    }
    if (!any) return 0;
    const specificity = (Math.log((n + 1) / (df + 1)) + 1) / (Math.log(n + 1) + 1);
    return COMMON_FACET_WEIGHT + (1 - COMMON_FACET_WEIGHT) * specificity;
  });
}

const phraseAlternatives = new WeakMap<Concept, Alternative>();

/** The whole interest phrase as one alternative (made once per concept). */
function phraseAlternative(concept: Concept): Alternative {
  let alt = phraseAlternatives.get(concept);
  if (!alt) phraseAlternatives.set(concept, (alt = { terms: concept.phrase, weight: 1, label: concept.label }));
  return alt;
}

/**
 * Score of one concept for paper `p`, in [0, 1]. `offset` is the concept's first facet index.
 * Specific facets are averaged by weight; generic ones ("run", "model") only add a little when
 * present, so plain-language filler neither makes a match nor spoils one.
 */
export function conceptScore(
  concept: Concept,
  offset: number,
  table: FacetTable,
  weights: number[],
  p: number,
  text: PaperText,
): number {
  let sum = 0;
  let total = 0;
  let genericSum = 0;
  let genericCount = 0;
  const facets = concept.facets;
  for (let k = 0; k < facets.length; k++) {
    const s = table.scores[offset + k]![p]!;
    if (facets[k]!.generic) {
      genericSum += s;
      genericCount++;
    } else {
      const w = weights[offset + k]!;
      sum += w * s;
      total += w;
    }
  }
  const genericMean = genericCount ? genericSum / genericCount : 0;
  // A concept of generic words only ("new models") barely discriminates.
  let score = total > 0 ? sum / total : 0.3 * genericMean;
  if (total > 0) score += 0.1 * (1 - score) * genericMean * (score > 0 ? 1 : 0);
  if (concept.facets.length > 1 && concept.phrase.length > 1) {
    score = Math.max(score, alternativeStrength(phraseAlternative(concept), text));
  }
  return Math.min(1, score);
}
