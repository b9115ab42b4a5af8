// A channel's 👍/👎 as a ranking signal: a candidate close to a liked paper (shared terms,
// weighted by rarity, or a shared author) is lifted, one close to a disliked paper is lowered.
// Recent votes count more, because a team's taste drifts.
import type { Paper } from '../types.js';
import { foldText } from '../search/text.js';
import type { FeedbackVote } from './profile.js';
import { countIn, paperText, type PaperText, type TermCounts } from './paper-text.js';
import { nameKey, sameAuthor, type NameKey } from './authors.js';

/** How much one candidate resembles the channel's 👍 and 👎 papers, each in [0, 1]. */
export interface FeedbackMatch {
  like: number;
  dislike: number;
  /** The voted paper behind `like`/`dislike`, and a shared author when that was the reason. */
  likedPaper?: Paper;
  likedAuthor?: string;
  dislikedPaper?: Paper;
}

/** Only the most recent votes are compared. */
const MAX_VOTES = 60;
/** Terms kept per voted paper (its most distinctive ones). */
const TOP_TERMS = 60;
/** Similarity below FLOOR is noise (the 90th percentile between unrelated fixture papers); at
 * FLOOR + SPAN (close follow-ups, e.g. two on-policy distillation papers) it counts fully. */
const FLOOR = 0.12;
const SPAN = 0.28;
/** Similarity credited for a shared author. */
const SHARED_AUTHOR = 0.8;

/** Weight of a term's occurrences in a paper, log-scaled, the title counting twice. */
function tfWeight(c: TermCounts): number {
  const tf = 2 * countIn(c, 'title') + countIn(c, 'keywords') + countIn(c, 'abstract');
  return tf > 0 ? 1 + Math.log(tf) : 0;
}

/** Length of a paper's tf vector (rarity left out so it can be computed once per paper). */
const tfNorms = new WeakMap<PaperText, number>();
function tfNorm(text: PaperText): number {
  let n = tfNorms.get(text);
  if (n === undefined) {
    let sum = 0;
    text.counts.forEach((c) => {
      const w = tfWeight(c);
      sum += w * w;
    });
    tfNorms.set(text, (n = Math.sqrt(sum) || 1));
  }
  return n;
}

/** A cheap key to rule out most author pairs before parsing names: the folded last word. */
function lastWord(name: string): string {
  const folded = foldText(name).trim();
  return folded.slice(folded.lastIndexOf(' ') + 1).replace(/[^\p{L}\p{N}]+/gu, '');
}

interface VotedPaper {
  paper: Paper;
  value: 1 | -1;
  recency: number;
  authors: NameKey[];
  /** Most distinctive terms → weight (tf × rarity, unit length over these terms). */
  terms: Map<string, number>;
}

/**
 * Compares every candidate with the channel's recent votes: a rarity-weighted term overlap
 * (normalized by both papers' lengths) and shared authors. Rarity is measured among the
 * candidates. Cost is one pass over each candidate's terms, whatever the number of votes.
 */
export function matchFeedback(candidates: PaperText[], candidatePapers: Paper[], votes: FeedbackVote[]): FeedbackMatch[] {
  const recent = votes.slice(-MAX_VOTES);
  if (recent.length === 0) return candidates.map(() => ({ like: 0, dislike: 0 }));
  const votedTexts = recent.map((v) => paperText(v.paper));
  const votedTerms = new Set<string>();
  for (const t of votedTexts) t.counts.forEach((_, term) => votedTerms.add(term));

  // One pass over the candidates: document frequencies of the voted papers' terms, and the hits.
  const df = new Map<string, number>();
  const hits: Array<Array<[string, number]>> = candidates.map((text) => {
    const found: Array<[string, number]> = [];
    text.counts.forEach((c, term) => {
      if (!votedTerms.has(term)) return;
      df.set(term, (df.get(term) ?? 0) + 1);
      found.push([term, tfWeight(c)]);
    });
    return found;
  });
  const n = candidates.length;
  const idf = (t: string) => Math.log(1 + n / (1 + (df.get(t) ?? 0)));

  const votedNames = new Set<string>();
  const voted: VotedPaper[] = recent.map((v, i) => {
    const weighted: Array<[string, number]> = [];
    votedTexts[i]!.counts.forEach((c, term) => weighted.push([term, tfWeight(c) * idf(term)]));
    weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const top = weighted.slice(0, TOP_TERMS);
    const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
    const authors = v.paper.authors.map(nameKey).filter((k): k is NameKey => k !== undefined);
    for (const a of v.paper.authors) votedNames.add(lastWord(a));
    for (const a of authors) votedNames.add(a.family);
    return {
      paper: v.paper,
      value: v.value,
      // Oldest counted vote weighs 0.6, the newest 1.
      recency: recent.length > 1 ? 0.6 + (0.4 * i) / (recent.length - 1) : 1,
      authors,
      terms: new Map(top.map(([t, w]) => [t, w / norm])),
    };
  });

  // term → [vote index, vote's weight × rarity], so each candidate term is looked up once.
  const byTerm = new Map<string, Array<[number, number]>>();
  voted.forEach((v, vi) => {
    v.terms.forEach((w, t) => {
      const entry: [number, number] = [vi, w * idf(t)];
      const list = byTerm.get(t);
      if (list) list.push(entry);
      else byTerm.set(t, [entry]);
    });
  });
  const dots = new Float64Array(voted.length);

  return candidates.map((text, ci) => {
    const out: FeedbackMatch = { like: 0, dislike: 0 };
    const norm = tfNorm(text);
    dots.fill(0);
    for (const [t, w] of hits[ci]!) {
      const list = byTerm.get(t);
      if (list) for (const [vi, vw] of list) dots[vi] = dots[vi]! + vw * w;
    }
    const authors = candidatePapers[ci]!.authors;
    const keys = authors.map((a) => (votedNames.has(lastWord(a)) ? nameKey(a) : undefined));
    // Most candidates share no family name with any voted paper: skip the per-vote author check.
    const anyKey = keys.some((k) => k !== undefined);
    for (let vi = 0; vi < voted.length; vi++) {
      const v = voted[vi]!;
      let sim = Math.min(1, Math.max(0, (dots[vi]! / norm - FLOOR) / SPAN));
      let sharedAuthor: string | undefined;
      const k = anyKey ? keys.findIndex((a) => a !== undefined && v.authors.some((b) => sameAuthor(b, a))) : -1;
      if (k >= 0 && SHARED_AUTHOR > sim) {
        sim = SHARED_AUTHOR;
        sharedAuthor = authors[k];
      }
      sim *= v.recency;
      if (v.value === 1 && sim > out.like) {
        out.like = sim;
        out.likedPaper = v.paper;
        out.likedAuthor = sharedAuthor;
      } else if (v.value === -1 && sim > out.dislike) {
        out.dislike = sim;
        out.dislikedPaper = v.paper;
      }
    }
    return out;
  });
}
