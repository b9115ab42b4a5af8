// Ingest's share of ranking: analyze newly stored papers once, so the first channel ranked after
// an ingest (and every later one) finds the analysis ready instead of paying for it.
import type { Paper } from '../types.js';
import { cacheDefinitions } from './acronyms.js';
import { termWeights } from './feedback.js';
import { ANALYSIS_CACHE_SIZE, analyzedPapers } from './paper-cache.js';

/**
 * Analyzes papers for ranking and keeps the analyses and acronym definitions (all that
 * rankLexical computes per paper rather than per channel). Only the last ANALYSIS_CACHE_SIZE
 * papers are kept; rankings stay the same either way, this only moves the work earlier.
 */
export function warmForRanking(papers: Paper[]): void {
  const recent = papers.slice(-ANALYSIS_CACHE_SIZE);
  for (const { text } of analyzedPapers(recent)) termWeights(text);
  // Each ranking mines acronyms from every candidate: finding the definitions is per paper.
  cacheDefinitions(recent);
}
