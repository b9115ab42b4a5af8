// Use case: search the corpus, and ask arXiv's API too when the corpus knows too little.
import type { Logger, PaperCorpus, PaperLookup } from '../ports.js';
import type { Paper } from '../types.js';
import { errorMessage } from '../errors.js';

/** Fewer corpus matches than this and arXiv's API is asked as well. */
export const FEW_MATCHES = 3;
/** Longest wait for arXiv's answer: the corpus results are shown without it after this. */
export const ARXIV_FALLBACK_TIMEOUT_MS = 5_000;

/** One search result: the paper, its relative score and where it came from. */
export interface FoundPaper {
  paper: Paper;
  score: number;
  /** True when the corpus did not have it and arXiv's API found it (now stored). */
  fromArxiv: boolean;
}

/** What searchPapers found. */
export interface PaperSearch {
  /** Corpus matches first (best first), then arXiv's, at most `limit`. */
  results: FoundPaper[];
  /** How many corpus papers matched, up to `count`. */
  corpusMatches: number;
  /** Why arXiv could not be asked (network, rate limit), when it was needed. */
  arxivError?: string;
}

/** What searchPapers reads. */
export interface SearchPapersDeps {
  corpus: Pick<PaperCorpus, 'search' | 'getPapers' | 'upsertPapers'>;
  /** arXiv's API (`search_query`); without it only the corpus is searched. */
  lookup?: Pick<PaperLookup, 'byQuery'>;
  logger?: Logger;
  /** Longest wait for arXiv (default ARXIV_FALLBACK_TIMEOUT_MS). */
  arxivTimeoutMs?: number;
}

/**
 * Searches the corpus for `query`. When it has fewer than FEW_MATCHES matches, arXiv's API is
 * asked for up to `limit` more; papers it finds are stored in the corpus (so the next search, in
 * any process, finds them there) and marked `fromArxiv`. An arXiv failure is reported, not thrown.
 * `count` caps how many corpus matches are counted (for "100+ matches" footers).
 */
export async function searchPapers(
  deps: SearchPapersDeps,
  query: string,
  options: { limit: number; count?: number },
): Promise<PaperSearch> {
  const hits = await deps.corpus.search(query, { limit: Math.max(options.limit, options.count ?? 0) });
  const shown = hits.slice(0, options.limit);
  const stored = shown.length ? await deps.corpus.getPapers(shown.map((h) => h.id)) : [];
  const scores = new Map(shown.map((h) => [h.id, h.score]));
  const results: FoundPaper[] = stored.map((paper) => ({ paper, score: scores.get(paper.id) ?? 0, fromArxiv: false }));
  const out: PaperSearch = { results, corpusMatches: hits.length };
  if (hits.length >= FEW_MATCHES || !deps.lookup || results.length >= options.limit) return out;

  let found: Paper[];
  try {
    found = await withTimeout(deps.lookup.byQuery(query, options.limit), deps.arxivTimeoutMs ?? ARXIV_FALLBACK_TIMEOUT_MS);
  } catch (err) {
    out.arxivError = errorMessage(err);
    deps.logger?.warn('arXiv search fallback failed', { error: out.arxivError });
    return out;
  }
  const have = new Set(results.map((r) => r.paper.id));
  const fresh = found.filter((p) => !have.has(p.id)).slice(0, options.limit - results.length);
  if (fresh.length === 0) return out;
  try {
    await deps.corpus.upsertPapers(fresh);
  } catch (err) {
    // Showing them still helps; the next search asks arXiv again.
    deps.logger?.warn('could not store arXiv search results', { error: errorMessage(err) });
  }
  results.push(...fresh.map((paper) => ({ paper, score: 0, fromArxiv: true })));
  return out;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`arXiv did not answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
