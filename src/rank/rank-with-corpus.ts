// The lexical ranking with what the corpus knows, for callers that have a corpus: one round of
// batched corpus calls, then the synchronous ranking. A corpus failure costs only the evidence.
import type { Logger } from '../ports.js';
import type { InterestProfile, Paper, RankedPaper } from '../types.js';
import { gatherCorpusEvidence, type RankingCorpus } from './corpus-evidence.js';
import { rankLexical, type RankOptions } from './lexical.js';

/**
 * rankLexical with corpus evidence (term rarity, pseudo-relevance feedback, acronym
 * definitions) when `corpus` is given. Never rejects for corpus errors: it logs a warning and
 * ranks from the candidates alone.
 */
export async function rankWithCorpus(
  papers: Paper[],
  profile: InterestProfile,
  deps: { corpus?: RankingCorpus; logger?: Logger },
  options: Omit<RankOptions, 'evidence'> = {},
): Promise<RankedPaper[]> {
  if (!deps.corpus || papers.length === 0) return rankLexical(papers, profile, options);
  try {
    const evidence = await gatherCorpusEvidence(deps.corpus, profile);
    return rankLexical(papers, profile, { ...options, evidence });
  } catch (err) {
    deps.logger?.warn('corpus unavailable for ranking; ranking from the candidates alone', { error: String(err) });
    return rankLexical(papers, profile, options);
  }
}
