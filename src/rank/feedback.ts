// A channel's 👍/👎 as a ranking signal: a candidate close to a liked paper (shared terms,
// weighted by rarity, or a shared author) is lifted, one close to a disliked paper is lowered.
// Recent votes count more, because a team's taste drifts.
import type { FeedbackVote, Paper } from '../types.js';
import { countIn, type PaperText, type TermCounts } from './paper-text.js';
import { sameAuthor, type AuthorNames, type NameKey } from './authors.js';
import { analyzedPaper, type AnalyzedPaper } from './paper-cache.js';
import { TermSlots } from './vocabulary.js';

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

/** A paper's tf weights, in the order of its terms (`text.ids`), and their vector length. */
export interface TermWeights {
  weights: Float64Array;
  /** Length of the tf vector (rarity left out so it can be computed once per paper). */
  norm: number;
}

const weightsOf = new WeakMap<PaperText, TermWeights>();

/** The tf weights of a paper's terms, computed once per analysis (ingest warms them). */
export function termWeights(text: PaperText): TermWeights {
  let tw = weightsOf.get(text);
  if (!tw) {
    const weights = new Float64Array(text.counts.size);
    let sum = 0;
    let k = 0;
    text.counts.forEach((c) => {
      const w = tfWeight(c);
      weights[k++] = w;
      sum += w * w;
    });
    weightsOf.set(text, (tw = { weights, norm: Math.sqrt(sum) || 1 }));
  }
  return tw;
}

/** Voted papers' authors by family name, and by given name when there is one (for swapped names). */
interface AuthorIndex {
  byFamily: Map<string, Array<[number, NameKey]>>;
  byGiven: Map<string, Array<[number, NameKey]>>;
}

function indexAuthors(voted: VotedPaper[]): AuthorIndex {
  const index: AuthorIndex = { byFamily: new Map(), byGiven: new Map() };
  const add = (map: Map<string, Array<[number, NameKey]>>, key: string, entry: [number, NameKey]) => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  voted.forEach((v, vi) => {
    for (const b of v.authors) {
      add(index.byFamily, b.family, [vi, b]);
      if (b.given.length === 1) add(index.byGiven, b.given[0]!, [vi, b]);
    }
  });
  return index;
}

/**
 * For each vote, the index of the candidate's first author who is also an author of the voted
 * paper (sameAuthor), or -1, written to `at`; false when there is none at all. Only authors whose
 * last word is among `votedNames` are parsed: most candidates share no family name with any vote.
 */
function sharedAuthors(names: AuthorNames, votedNames: Set<string>, index: AuthorIndex, at: Int32Array): boolean {
  let any = false;
  for (let i = 0; i < names.last.length; i++) {
    if (!votedNames.has(names.last[i]!)) continue;
    const a = names.keys[i];
    if (!a) continue;
    if (!any) {
      at.fill(-1);
      any = true;
    }
    // sameAuthor holds only for an equal family name, or a single given name and family swapped.
    markShared(index.byFamily.get(a.family), a, i, at);
    if (a.given.length === 1) markShared(index.byGiven.get(a.family), a, i, at);
  }
  return any;
}

/** Sets at[vote] = i for each vote in `list` not yet marked whose author is `a`. */
function markShared(list: Array<[number, NameKey]> | undefined, a: NameKey, i: number, at: Int32Array): void {
  if (!list) return;
  for (let j = 0; j < list.length; j++) {
    const [vi, b] = list[j]!;
    if (at[vi]! < 0 && sameAuthor(b, a)) at[vi] = i;
  }
}

interface VotedPaper {
  paper: Paper;
  value: 1 | -1;
  recency: number;
  authors: NameKey[];
}

// Reused between rankings: term id → slot among the voted papers' terms.
const votedSlots = new TermSlots();

/**
 * Compares every candidate with the channel's recent votes: a rarity-weighted term overlap
 * (normalized by both papers' lengths) and shared authors. Rarity is measured among the
 * candidates: `candidateDf(id)` is how many of them contain term `id` (TermSpace counted it
 * already). Cost is one pass over each candidate's terms, whatever the number of votes.
 * The candidates' analyses must come from one batch (analyzedPapers) made just before.
 */
export function matchFeedback(
  candidates: AnalyzedPaper[],
  votes: FeedbackVote[],
  candidateDf: (id: number) => number,
): FeedbackMatch[] {
  const recent = votes.slice(-MAX_VOTES);
  if (recent.length === 0) return candidates.map(() => ({ like: 0, dislike: 0 }));
  const votedTexts = recent.map((v) => analyzedPaper(v.paper));
  try {
    return compare(candidates, recent, votedTexts, candidateDf);
  } finally {
    votedSlots.clear();
  }
}

function compare(
  candidates: AnalyzedPaper[],
  recent: FeedbackVote[],
  votedAnalyses: AnalyzedPaper[],
  candidateDf: (id: number) => number,
): FeedbackMatch[] {
  // Every term of a voted paper gets a slot; slots index the per-term arrays below.
  const n = candidates.length;
  const idf: number[] = [];
  for (const { text } of votedAnalyses) {
    for (const id of text.ids) {
      if (votedSlots.get(id) >= 0) continue;
      votedSlots.set(id, idf.length);
      idf.push(Math.log(1 + n / (1 + candidateDf(id))));
    }
  }
  const slots = idf.length;

  const votedNames = new Set<string>();
  // slot → [vote index, vote's weight × rarity, …], so each candidate term is looked up once.
  const byTerm: Array<number[] | undefined> = new Array(slots);
  const voted: VotedPaper[] = recent.map((v, vi) => {
    const { text, authors: names } = votedAnalyses[vi]!;
    const weighted: Array<[string, number, number]> = [];
    let k = 0;
    text.counts.forEach((c, term) => {
      const s = votedSlots.get(text.ids[k++]!);
      weighted.push([term, s, tfWeight(c) * idf[s]!]);
    });
    weighted.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
    const top = weighted.slice(0, TOP_TERMS);
    const norm = Math.sqrt(top.reduce((sum, [, , w]) => sum + w * w, 0)) || 1;
    for (const [, s, w] of top) (byTerm[s] ??= []).push(vi, (w / norm) * idf[s]!);
    const authors: NameKey[] = [];
    for (const key of names.keys) if (key) authors.push(key);
    for (const last of names.last) votedNames.add(last);
    for (const a of authors) votedNames.add(a.family);
    return {
      paper: v.paper,
      value: v.value,
      // Oldest counted vote weighs 0.6, the newest 1.
      recency: recent.length > 1 ? 0.6 + (0.4 * vi) / (recent.length - 1) : 1,
      authors,
    };
  });

  const authorIndex = indexAuthors(voted);
  const sharedAt = new Int32Array(voted.length);
  const dots = new Float64Array(voted.length);
  return candidates.map(({ text, authors: names }) => {
    const out: FeedbackMatch = { like: 0, dislike: 0 };
    const { weights, norm } = termWeights(text);
    dots.fill(0);
    const ids = text.ids;
    for (let k = 0; k < ids.length; k++) {
      const s = votedSlots.get(ids[k]!);
      if (s < 0) continue;
      const list = byTerm[s];
      if (!list) continue;
      const w = weights[k]!;
      for (let j = 0; j < list.length; j += 2) dots[list[j]!] = dots[list[j]!]! + list[j + 1]! * w;
    }
    const shared = sharedAuthors(names, votedNames, authorIndex, sharedAt);
    for (let vi = 0; vi < voted.length; vi++) {
      const v = voted[vi]!;
      let sim = Math.min(1, Math.max(0, (dots[vi]! / norm - FLOOR) / SPAN));
      let sharedAuthor: string | undefined;
      const k = shared ? sharedAt[vi]! : -1;
      if (k >= 0 && SHARED_AUTHOR > sim) {
        sim = SHARED_AUTHOR;
        sharedAuthor = names.names[k];
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
