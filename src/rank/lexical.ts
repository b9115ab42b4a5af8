// The embedded default ranker: no model, no network. Scores every candidate for one channel
// from its interests (phrases; acronyms and long forms mined from the papers; a sentence also as
// one BM25 query; related words from pseudo-relevance feedback), its example papers, include/exclude words, followed authors and
// 👍/👎 feedback, plus small capped popularity and recency terms. All it knows about words comes
// from the candidates and, when given, the corpus (CorpusEvidence): nothing is hand-kept.
import type { InterestProfile, Paper, RankedPaper } from '../types.js';
import { paperTime } from '../search/paper-time.js';
import { findFollowed, nameKey, type NameKey } from './authors.js';
import { matchFeedback, type FeedbackMatch } from './feedback.js';
import { parseInterests, parseKeywords, type Concept, type Facet, type InterestVocabulary } from './interests.js';
import { conceptScore, facetWeights, scoreFacets, type FacetTable } from './match.js';
import type { PaperText } from './paper-text.js';
import { analyzedPaper, analyzedPapers } from './paper-cache.js';
import { mineAcronyms, withPairs } from './acronyms.js';
import { NO_EVIDENCE, type CorpusEvidence } from './corpus-evidence.js';
import { TermSpace } from './term-space.js';
import { containsPhrase } from './phrase.js';
import { exampleSimilarity, pseudoFeedback } from './similarity.js';
import { TermSlots } from './vocabulary.js';
import { conceptInformation, interestCoverage } from './coverage.js';
import { isSentenceLike } from './query-shape.js';
import { queryOfConcepts, wholeQueryScores } from './whole-query.js';
import { popularity, recency } from './signals.js';
import { formatWhy, upvotesOf, type WhyParts } from './why.js';

/** Options of one ranking. */
export interface RankOptions {
  /** Reference time for recency; defaults to the newest candidate's date (deterministic). */
  now?: Date;
  /** What the corpus says about the words involved (gatherCorpusEvidence); default: nothing. */
  evidence?: CorpusEvidence;
}

/** How components combine. Relevance dominates; popularity and recency only order near-ties. */
const W = {
  relevance: 0.86,
  popularity: 0.09,
  recency: 0.05,
  /**
   * Share of the whole-text BM25 score in the interest score of sentence-like interests (the rest
   * is phrase matching): an even mix, so neither reading of a sentence decides alone.
   */
  wholeQuery: 0.5,
  /** Feedback also moves the final score, so a 👍 still counts for a paper already fully matched. */
  feedbackTerm: 0.06,
  include: 0.55,
  follow: 0.75,
  like: 0.5,
  dislike: 0.6,
  /** Pseudo-relevance feedback: resemblance to the best matches lifts papers phrased differently. */
  related: 0.3,
  /** Resemblance to the example papers, when interests were typed too. */
  example: 0.8,
  /**
   * The example papers' titles matched as if typed as interests, within resemblance to examples.
   * Below the resemblance itself: words the channel did not type count less than whole papers it
   * chose. At 0.4 the titles' incidental words outweighed the abstracts on two-example profiles
   * (mean nDCG@10 over 8 of them, popularity as tie-breaker: 0.54 at 0.4, 0.57 at 0, 0.59–0.60
   * from 0.2 to 0.3).
   */
  exampleTitle: 0.25,
  /** A model's search words for the interests (with a model configured). */
  expansion: 0.6,
} as const;
/** Relevance at which popularity and recency count fully; below it they fade (to a quarter). */
const GATE = 0.3;
/**
 * Share of popularity and recency kept when the profile is example papers alone: "papers like
 * these" asks nothing about fame or date, so they only break near-ties. At full share upvoted HF
 * papers outranked unvoted arXiv papers closer to the examples (two physics examples: nDCG@10
 * 0.04 with it, 0.25 without).
 */
const TIE_BREAK_ONLY = 0.02;
/** A concept (and its facets) is named in "why" from these scores on. */
const SHOW_CONCEPT = 0.3;
const SHOW_FACET = 0.4;
/** Relevance given to every paper when the channel expressed no preference at all. */
const NEUTRAL = 0.5;

interface Prepared {
  concepts: Concept[];
  /** The example papers' titles as interests: what the channel would have typed. */
  exampleConcepts: Concept[];
  /** A model's search words for the interests, each matched literally. */
  expansionConcepts: Concept[];
  includes: Concept[];
  excludes: Concept[];
  follows: NameKey[];
  followNames: string[];
}

function prepare(profile: InterestProfile, vocab: InterestVocabulary): Prepared {
  const follows: NameKey[] = [];
  const followNames: string[] = [];
  for (const f of profile.follow) {
    const k = nameKey(f);
    if (k) {
      follows.push(k);
      followNames.push(f);
    }
  }
  return {
    concepts: parseInterests(profile.interests, vocab),
    expansionConcepts: parseKeywords(profile.expansion?.terms ?? []),
    exampleConcepts: parseInterests((profile.examples ?? []).map((p) => p.title.replace(/[,;.|]/g, ' ')).join('\n'), vocab),
    includes: parseKeywords(profile.include),
    excludes: parseKeywords(profile.exclude),
    follows,
    followNames,
  };
}

// Reused between rankings: term id → index of its postings list.
const postingSlots = new TermSlots();

/**
 * term → indexes of the candidates containing it, for the terms the concepts can match. The
 * texts must share one vocabulary (one analyzedPapers batch).
 */
function buildPostings(texts: PaperText[], concepts: Concept[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  for (const c of concepts) {
    for (const f of c.facets) {
      for (const a of f.alternatives) {
        for (const t of a.terms) postings.set(t, []);
        if (a.joined) postings.set(a.joined, []);
      }
    }
  }
  if (texts.length === 0) return postings;
  const vocab = texts[0]!.vocab;
  const lists: number[][] = [];
  try {
    for (const [term, list] of postings) {
      const id = vocab.find(term);
      if (id >= 0) postingSlots.set(id, lists.push(list) - 1);
    }
    if (lists.length === 0) return postings;
    texts.forEach((t, i) => {
      for (const id of t.ids) {
        const s = postingSlots.get(id);
        if (s >= 0) lists[s]!.push(i);
      }
    });
  } finally {
    postingSlots.clear();
  }
  return postings;
}

/** Scores of a list of concepts on every paper, the facet table used (for "why"), and what each concept says. */
interface ConceptScores {
  scores: number[][];
  table: FacetTable;
  offsets: number[];
  information: number[];
}

/** Scores of a list of concepts on every paper, plus the facet table used (for "why"). */
function scoreConcepts(concepts: Concept[], texts: PaperText[], postings: Map<string, number[]>): ConceptScores {
  const facets: Facet[] = concepts.flatMap((c) => c.facets);
  const table = scoreFacets(facets, texts, postings);
  const weights = facetWeights(facets, table, texts.length);
  const offsets: number[] = [];
  let o = 0;
  for (const c of concepts) {
    offsets.push(o);
    o += c.facets.length;
  }
  const scores = texts.map((text, p) => concepts.map((c, ci) => conceptScore(c, offsets[ci]!, table, weights, p, text)));
  const information = concepts.map((c, ci) => conceptInformation(weights.slice(offsets[ci]!, offsets[ci]! + c.facets.length)));
  return { scores, table, offsets, information };
}

/** Labels of what matched in paper `p`: the alternative found for each well-matched facet. */
function matchedLabels(
  concepts: Concept[],
  scores: number[],
  table: FacetTable,
  offsets: number[],
  p: number,
): string[] {
  const labels: string[] = [];
  // Most candidates match no concept well enough to name it: skip ordering them.
  if (!scores.some((s) => s >= SHOW_CONCEPT)) return labels;
  const order = concepts.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  for (const ci of order) {
    if (scores[ci]! < SHOW_CONCEPT) continue;
    const facets = concepts[ci]!.facets;
    for (let k = 0; k < facets.length; k++) {
      const s = table.scores[offsets[ci]! + k]![p]!;
      const alt = table.alts[offsets[ci]! + k]![p];
      if (!facets[k]!.generic && s >= SHOW_FACET && alt) labels.push(alt.label);
    }
  }
  return labels;
}

const orNoisy = (a: number, b: number) => 1 - (1 - a) * (1 - b);

/**
 * Every paper's interest score. A sentence ("AI assistants that browse the web and use tools")
 * is also scored as one BM25 query, mixed evenly with phrase matching: its "and"-split clauses
 * are parts of one request, and phrase matching alone let a paper matching only the last clause
 * ("use tools") rank first. Topic lists keep phrase matching alone.
 */
function interestScoresOf(concepts: Concept[], interest: ConceptScores, space: TermSpace, text: string): number[] {
  const phrase = interest.scores.map((cs) => interestCoverage(cs, interest.information));
  if (concepts.length === 0 || !isSentenceLike(text)) return phrase;
  const whole = wholeQueryScores(space, queryOfConcepts(concepts));
  return phrase.map((s, p) => (1 - W.wholeQuery) * s + W.wholeQuery * whole[p]!);
}

/** The best of some concept scores (0 for none). */
const bestOf = (cs: number[]): number => (cs.length ? Math.max(...cs) : 0);

/** Resemblance to an example from which "why" names it. */
const SHOW_EXAMPLE = 0.3;

/**
 * Ranks every candidate for a channel, best first; the channel's example papers are left out.
 * Scores are in [0, 1]; excluded papers score 0 with why "excluded: <phrase>" (their score
 * without the filter in parts.unfilteredScore and unfilteredRelevance). Equal scores put
 * the newer paper first, then the smaller id, so the same input always gives the same order.
 * Each result carries a short `why` and its component scores in `parts` (relevance, interests,
 * related, example, include, follow, like, dislike, popularity, recency, excluded).
 */
export function rankLexical(all: Paper[], profile: InterestProfile, options: RankOptions = {}): RankedPaper[] {
  const examples = profile.examples ?? [];
  const exampleIds = new Set(examples.map((p) => p.id));
  const papers = exampleIds.size ? all.filter((p) => !exampleIds.has(p.id)) : all;
  if (papers.length === 0) return [];
  const evidence = options.evidence ?? NO_EVIDENCE;
  const analyses = analyzedPapers(papers);
  const texts = analyses.map((a) => a.text);
  const space = new TermSpace(texts, papers.map((p) => p.id), evidence.stats);
  const vocab = texts[0]!.vocab;
  const prep = prepare(profile, {
    acronyms: withPairs(mineAcronyms([...papers, ...examples, ...evidence.definitions, ...evidence.related]), profile.expansion?.longForms ?? []),
    commonness: (term) => space.commonness(vocab.find(term)),
  });
  const postings = buildPostings(texts, [...prep.concepts, ...prep.includes, ...prep.exampleConcepts, ...prep.expansionConcepts]);
  const times = papers.map(paperTime);
  const now = options.now?.getTime() ?? times.reduce((max, t) => Math.max(max, t), 0);

  const interest = scoreConcepts(prep.concepts, texts, postings);
  const include = scoreConcepts(prep.includes, texts, postings);
  const interestScores = interestScoresOf(prep.concepts, interest, space, profile.interests);
  const related = prep.concepts.length
    ? pseudoFeedback(space, interestScores, evidence.related.map((p) => analyzedPaper(p).text))
    : undefined;
  const byExample = examples.length ? exampleSimilarity(space, examples) : undefined;
  const expansion = scoreConcepts(prep.expansionConcepts, texts, postings);
  const titleScores = scoreConcepts(prep.exampleConcepts, texts, postings).scores.map((cs) => interestCoverage(cs, []));
  const feedback: FeedbackMatch[] = matchFeedback(analyses, profile.feedback, (id) => space.candidateDf(id));
  const hasPreference =
    prep.concepts.length + prep.includes.length + prep.follows.length + profile.feedback.length + examples.length > 0;
  const examplesOnly = examples.length > 0 && prep.concepts.length + prep.includes.length + prep.follows.length === 0;

  const ranked = papers.map((paper, p): RankedPaper => {
    const text = texts[p]!;
    const excludedBy = prep.excludes.find((c) => containsPhrase(text, c.facets[0]!.alternatives[0]!));
    const why: WhyParts = { upvotes: upvotesOf(paper) };

    const cs = interest.scores[p]!;
    const interests = interestScores[p]!;
    const rel = related?.[p] ?? 0;
    const ex = byExample ? orNoisy(byExample.scores[p]!, W.exampleTitle * titleScores[p]!) : 0;
    if (byExample && ex >= SHOW_EXAMPLE) why.likedExample = examples[byExample.nearest[p]!]!.id;
    why.matches = [
      ...matchedLabels(prep.concepts, cs, interest.table, interest.offsets, p),
      ...matchedLabels(prep.expansionConcepts, expansion.scores[p]!, expansion.table, expansion.offsets, p),
    ];

    const is = include.scores[p]!;
    const inc = is.length ? Math.max(...is) : 0;
    why.includes = matchedLabels(prep.includes, is, include.table, include.offsets, p);

    const followed = prep.follows.length ? findFollowed(prep.follows, analyses[p]!.authors) : undefined;
    if (followed) why.followed = followed.author;

    const fb = feedback[p] ?? { like: 0, dislike: 0 };
    if (fb.like >= 0.25) {
      why.likedId = fb.likedPaper?.id;
      why.likedAuthor = fb.likedAuthor;
    }
    if (fb.dislike >= 0.25) why.dislikedId = fb.dislikedPaper?.id;

    let relevance: number;
    if (!hasPreference) {
      relevance = NEUTRAL;
      why.noInterests = true;
    } else {
      const expanded = bestOf(expansion.scores[p]!);
      relevance = prep.concepts.length ? orNoisy(orNoisy(interests, W.related * rel), W.expansion * expanded) : 0;
      relevance = prep.concepts.length ? orNoisy(relevance, W.include * inc) : inc;
      if (byExample) relevance = prep.concepts.length || prep.includes.length ? orNoisy(relevance, W.example * ex) : ex;
      if (followed) relevance = orNoisy(relevance, W.follow);
      relevance += (1 - relevance) * W.like * fb.like;
      relevance *= 1 - W.dislike * fb.dislike;
    }
    const pop = popularity(paper);
    const rec = recency(paper, now, times[p]);
    const gate = examplesOnly ? TIE_BREAK_ONLY : 0.25 + 0.75 * Math.min(1, relevance / GATE);
    const raw =
      W.relevance * relevance + W.popularity * pop * gate + W.recency * rec * gate + W.feedbackTerm * (fb.like - fb.dislike);
    const score = Math.round(Math.min(1, Math.max(0, raw)) * 1e6) / 1e6;
    if (excludedBy) {
      // Scored anyway, so a digest can say how many papers its filter hid that it would have shown.
      const parts = { relevance: 0, excluded: 1, unfilteredScore: score, unfilteredRelevance: relevance };
      return { paper, score: 0, why: formatWhy({ excluded: excludedBy.label }), parts };
    }
    return {
      paper,
      score,
      why: formatWhy(why),
      parts: {
        relevance,
        interests,
        related: rel,
        example: ex,
        include: inc,
        follow: followed ? 1 : 0,
        like: fb.like,
        dislike: fb.dislike,
        popularity: pop,
        recency: rec,
      },
    };
  });

  // Candidate indexes sorted, so the results need no copy without a sort key.
  const order = ranked.map((_, p) => p);
  order.sort((i, j) => {
    const a = ranked[i]!;
    const b = ranked[j]!;
    return b.score - a.score || times[j]! - times[i]! || (a.paper.id < b.paper.id ? -1 : a.paper.id > b.paper.id ? 1 : 0);
  });
  return order.map((p) => ranked[p]!);
}
