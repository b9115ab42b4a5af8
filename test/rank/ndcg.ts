// nDCG@k for graded relevance labels, and the naive baseline the ranker is compared with.
import type { Paper } from '../../src/types.js';
import { analyze } from '../../src/search/text.js';

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

/**
 * The naive baseline: plain Okapi BM25 (k1 1.2, b 0.75) of the interest text over title, authors
 * and abstract as one field, unmatched papers last (kept in the test: it is a yardstick, not search).
 */
export function bm25Baseline(papers: Paper[], interests: string): string[] {
  const docs = papers.map((p) => analyze(`${p.title} ${p.authors.join(' ')} ${p.abstract}`));
  const avg = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, docs.length);
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const query = [...new Set(analyze(interests))];
  const scored = papers.map((p, i) => {
    const doc = docs[i]!;
    const tf = new Map<string, number>();
    for (const t of doc) tf.set(t, (tf.get(t) ?? 0) + 1);
    let score = 0;
    for (const q of query) {
      const f = tf.get(q) ?? 0;
      if (!f) continue;
      const n = df.get(q) ?? 0;
      const idf = Math.log(1 + (papers.length - n + 0.5) / (n + 0.5));
      score += (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * doc.length) / avg));
    }
    return { id: p.id, score };
  });
  const hits = scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score).map((s) => s.id);
  const hit = new Set(hits);
  return [...hits, ...papers.map((p) => p.id).filter((id) => !hit.has(id))];
}
