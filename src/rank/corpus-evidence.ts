// What the stored corpus tells one ranking, gathered in a few batched calls before it (never per
// candidate): the best corpus matches of the interests (pseudo-relevance feedback), corpus
// papers that define the acronyms the channel typed, and corpus rarity of the words involved.
import type { PaperCorpus } from '../ports.js';
import type { InterestProfile, Paper } from '../types.js';
import { foldText, termOf, words as plainWords } from '../text/analyze.js';
import { acronymsTyped, mineAcronyms } from './acronyms.js';
import type { CorpusTermStats } from './term-space.js';

/** The part of the corpus ranking reads. */
export type RankingCorpus = Pick<PaperCorpus, 'search' | 'getPapers' | 'documentFrequencies'>;

/** What the corpus contributes to one ranking; every part may be empty. */
export interface CorpusEvidence {
  stats?: CorpusTermStats;
  /** The corpus papers that match the interest text best, best first. */
  related: Paper[];
  /** Corpus papers that mention the acronyms typed in the interests. */
  definitions: Paper[];
}

/** Corpus papers read for pseudo-relevance feedback. */
const RELATED = 10;
/** Corpus papers read per typed acronym to find its long forms. */
const PER_ACRONYM = 25;
/** Most words whose corpus frequency is asked for in one ranking. */
const MAX_WORDS = 600;

/** Empty evidence: rank from the candidates alone. */
export const NO_EVIDENCE: CorpusEvidence = Object.freeze({ related: [], definitions: [] });

/**
 * Asks the corpus, in one round of batched calls, what a ranking for `profile` needs. Throws what the corpus throws (callers rank without evidence then).
 */
export async function gatherCorpusEvidence(corpus: RankingCorpus, profile: InterestProfile): Promise<CorpusEvidence> {
  const interests = [profile.interests, ...profile.include].filter((s) => s.trim()).join(', ');
  const acronyms = acronymsTyped(interests);
  const searches = await Promise.all([
    interests ? corpus.search(interests, { limit: RELATED }) : Promise.resolve([]),
    ...acronyms.map((a) => corpus.search(a, { limit: PER_ACRONYM })),
  ]);
  const ids = [...new Set(searches.flat().map((h) => h.id))];
  const found = ids.length ? await corpus.getPapers(ids) : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const related = (searches[0] ?? []).flatMap((h) => byId.get(h.id) ?? []);
  const definitions = searches.slice(1).flatMap((hits) => hits.flatMap((h) => byId.get(h.id) ?? []));

  // The words whose rarity the ranking will weigh: the interests and the long forms of their
  // acronyms first, then the example and related papers' words. The corpus stems words its own
  // way, so it is asked about words as written and its answers are filed under our terms.
  const words = new Map<string, string>();
  const addWords = (text: string) => {
    for (const word of plainWords(text, { keepAccents: true })) {
      if (words.size >= MAX_WORDS) return;
      const term = termOf(foldText(word));
      if (term !== null && !words.has(term)) words.set(term, word);
    }
  };
  addWords(interests);
  for (const pairs of mineAcronyms(definitions).byShort.values()) for (const p of pairs) addWords(p.long);
  for (const p of [...(profile.examples ?? []), ...profile.feedback.map((f) => f.paper), ...related]) addWords(`${p.title} ${p.abstract}`);
  if (words.size === 0) return { related, definitions };
  const counted = await corpus.documentFrequencies([...words.values()]);
  const df = new Map<string, number>();
  for (const [term, word] of words) {
    const n = counted.df.get(word);
    if (n !== undefined) df.set(term, n);
  }
  return { stats: { papers: counted.papers, df }, related, definitions };
}

