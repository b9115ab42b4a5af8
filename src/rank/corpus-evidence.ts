// What the stored corpus tells one ranking, gathered in a few batched calls before it (never per
// candidate): the best corpus matches of the interests (pseudo-relevance feedback), corpus
// papers that define the acronyms the channel typed, and corpus rarity of the words involved.
import type { PaperCorpus } from '../ports.js';
import type { Paper } from '../types.js';
import { analyze } from '../search/text.js';
import { acronymsTyped, mineAcronyms } from './acronyms.js';
import type { InterestProfile } from './profile.js';
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
  // acronyms first, then the example and related papers' words.
  const words = new Set(analyze(interests));
  const table = mineAcronyms(definitions);
  for (const pairs of table.byShort.values()) for (const p of pairs) for (const t of p.longTerms) words.add(t);
  for (const p of [...(profile.examples ?? []), ...profile.feedback.map((f) => f.paper), ...related]) {
    for (const t of analyze(`${p.title} ${p.abstract}`)) {
      if (words.size >= MAX_WORDS) break;
      words.add(t);
    }
  }
  const stats = words.size ? await corpus.documentFrequencies([...words]) : undefined;
  return { stats, related, definitions };
}
