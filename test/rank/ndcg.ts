// nDCG@k for graded relevance labels, and the naive baseline the ranker is compared with.
import type { Paper } from '../../src/types.js';
import { createPaperIndex } from '../../src/search/paper-index.js';

/** nDCG@k of a ranked id list against graded labels (unlisted ids = 0); 0 when nothing is relevant. */
export function ndcgAt(k: number, rankedIds: string[], labels: Record<string, number>): number {
  const gain = (rel: number) => 2 ** rel - 1;
  const dcg = rankedIds.slice(0, k).reduce((s, id, i) => s + gain(labels[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(labels)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, rel, i) => s + gain(rel) / Math.log2(i + 2), 0);
  return ideal > 0 ? dcg / ideal : 0;
}

/** The naive baseline: plain BM25 of the interest text over the papers, unmatched papers last. */
export function bm25Baseline(papers: Paper[], interests: string): string[] {
  const index = createPaperIndex(papers);
  const hits = index.search(interests, { limit: papers.length }).map((h) => h.id);
  const hit = new Set(hits);
  return [...hits, ...papers.map((p) => p.id).filter((id) => !hit.has(id))];
}
