// Resemblance in the ranking's tf-idf space: to the channel's example papers, and to the best
// matches of its interests (pseudo-relevance feedback: their distinctive words are the related
// vocabulary a channel did not type).
import type { Paper } from '../types.js';
import type { PaperText } from './paper-text.js';
import { analyzedPaper } from './paper-cache.js';
import type { TermSpace } from './term-space.js';

/**
 * Maps tf-idf cosines to [0, 1] relative to the typical candidate: the median cosine (what any
 * paper shares with the reference through common words) maps to 0, and SPAN above it to 1.
 * Between abstracts, papers on one topic sit ~0.05–0.15 above the median, near-duplicates far
 * more: relative to the median this holds whatever the field's vocabulary.
 */
export function resemblance(cosines: Float64Array): Float64Array {
  const sorted = Float64Array.from(cosines).sort();
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
  return cosines.map((c) => Math.min(1, Math.max(0, (c - median) / SPAN)));
}
const SPAN = 0.15;

/**
 * Like `resemblance`, but saturating smoothly (1 − e^(−x/SCALE) of the excess over the median)
 * instead of clipping at 1, so it keeps the order of the closest candidates: in a small pool
 * every paper sharing a few of an example's rarer words is past the clip, and ties there fell
 * to date and id. Used for example papers, whose ranking is that order; on two-example profiles
 * it left nDCG@10 unchanged (mean of 8: 0.591 clipped, 0.598 smooth).
 */
export function smoothResemblance(cosines: Float64Array): Float64Array {
  const sorted = Float64Array.from(cosines).sort();
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
  return cosines.map((c) => Math.max(0, 1 - Math.exp(-(c - median) / SCALE)));
}
const SCALE = 0.1;

/** Candidates (best matches of the interests) that seed pseudo-relevance feedback. */
const FEEDBACK_DOCS = 5;
/** A candidate seeds it only from this interest score on. */
const FEEDBACK_MIN_SCORE = 0.4;
/** Terms kept per seed paper and in their centroid. */
const SEED_TERMS = 40;
const CENTROID_TERMS = 80;

/**
 * Resemblance of every candidate to the centroid of the interests' best matches: the top
 * candidates by `interestScores` and the corpus's own best matches (`related`). Undefined when
 * there is no seed.
 */
export function pseudoFeedback(space: TermSpace, interestScores: number[], related: PaperText[]): Float64Array | undefined {
  const top = interestScores
    .map((s, p) => [s, p] as const)
    .filter(([s]) => s >= FEEDBACK_MIN_SCORE)
    .sort((a, b) => b[0] - a[0] || byId(space, a[1], b[1]))
    .slice(0, FEEDBACK_DOCS)
    .map(([, p]) => space.texts[p]!);
  const seeds = [...top, ...related];
  if (seeds.length === 0) return undefined;
  const centroid = space.centroid(
    seeds.map((t) => space.vectorOf(t, SEED_TERMS)),
    CENTROID_TERMS,
  );
  return resemblance(space.cosines([centroid])[0]!);
}

const MIX_BEST = 0.2;

/** Orders candidates `a` and `b` by paper id, so ties do not depend on the input order. */
function byId(space: TermSpace, a: number, b: number): number {
  const x = space.ids[a]!;
  const y = space.ids[b]!;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Resemblance of every candidate to the example papers, and the nearest example of each. */
export interface ExampleMatch {
  scores: Float64Array;
  nearest: Int32Array;
}

/**
 * How much each candidate resembles the examples: mostly its nearest example (a near-duplicate
 * of one example ranks first), partly the mean over all (what they have in common).
 */
export function exampleSimilarity(space: TermSpace, examples: Paper[]): ExampleMatch {
  const vectors = examples.map((p) => space.vectorOf(analyzedPaper(p).text));
  const [shared, ...cos] = space.cosines([space.centroid(vectors), ...vectors]);
  const raw = new Float64Array(space.size);
  const nearest = new Int32Array(space.size);
  for (let p = 0; p < space.size; p++) {
    let best = 0;
    let sum = 0;
    cos.forEach((row, e) => {
      const c = row[p]!;
      sum += c;
      if (c > best) {
        best = c;
        nearest[p] = e;
      }
    });
    raw[p] = MIX_BEST * best + (1 - MIX_BEST) * shared![p]!;
  }
  return { scores: smoothResemblance(raw), nearest };
}
