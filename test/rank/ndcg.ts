// nDCG@k for graded relevance labels, and the naive baselines the ranker is compared with.
import type { Paper } from '../../src/types.js';
import { analyze } from '../../src/text/analyze.js';

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

type Vector = Map<string, number>;

function tfidfVectors(texts: string[]): { vectors: Vector[]; idf: (t: string) => number } {
  const tfs = texts.map((t) => {
    const tf = new Map<string, number>();
    for (const term of analyze(t)) tf.set(term, (tf.get(term) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log((texts.length + 1) / ((df.get(t) ?? 0) + 1)) + 1;
  const weigh = (tf: Map<string, number>): Vector => {
    const v = new Map<string, number>();
    for (const [t, n] of tf) v.set(t, (1 + Math.log(n)) * idf(t));
    return v;
  };
  return { vectors: tfs.map(weigh), idf };
}

function cos(a: Vector, b: Vector): number {
  let dot = 0;
  for (const [t, w] of a) dot += w * (b.get(t) ?? 0);
  const n = (v: Vector) => Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0)) || 1;
  return dot / (n(a) * n(b));
}

const paperText = (p: Paper) => `${p.title}. ${p.abstract}`;

/**
 * Plain tf-idf: papers by cosine similarity to the query text (interests), or by their mean
 * cosine similarity to example papers (which are left out). Ties keep input order.
 */
export function tfidfBaseline(papers: Paper[], query: { interests?: string; examples?: Paper[] }): string[] {
  const examples = query.examples ?? [];
  const exampleIds = new Set(examples.map((p) => p.id));
  const pool = papers.filter((p) => !exampleIds.has(p.id));
  const { vectors } = tfidfVectors([...pool.map(paperText), ...examples.map(paperText), query.interests ?? '']);
  const targets = examples.length ? vectors.slice(pool.length, pool.length + examples.length) : [vectors[vectors.length - 1]!];
  const score = pool.map((p, i) => ({ id: p.id, s: targets.reduce((s, t) => s + cos(vectors[i]!, t), 0) / targets.length, i }));
  return score.sort((a, b) => b.s - a.s || a.i - b.i).map((x) => x.id);
}

/** BM25 of the example papers' titles, examples left out (the by-example counterpart of bm25Baseline). */
export function bm25ExamplesBaseline(papers: Paper[], examples: Paper[]): string[] {
  const ids = new Set(examples.map((p) => p.id));
  return bm25Baseline(papers, examples.map((p) => p.title).join(' ')).filter((id) => !ids.has(id));
}
