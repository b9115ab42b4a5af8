import { describe, expect, it } from 'vitest';
import { rankLexical } from '../../src/rank/lexical.js';
import { loadFixturePapers } from './fixture-papers.js';
import { EXAMPLE_PROFILES, LABELED_PROFILES } from './labeled-set.js';
import { FRESH_BLIND_PROFILES } from './fresh-blind-set.js';
import { BLIND_PROFILES, HOLDOUT_PROFILES } from './holdout-set.js';
import { bm25Baseline, ndcgAt, tfidfBaseline } from './ndcg.js';

const papers = loadFixturePapers();
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('ranking quality on the labeled fixture set (bench/ndcg.ts prints the figures)', () => {
  it('computes nDCG@k', () => {
    expect(ndcgAt(3, ['a', 'b', 'c'], { a: 3, b: 1 })).toBeCloseTo(1);
    expect(ndcgAt(3, ['c', 'b', 'a'], { a: 3, b: 1 })).toBeLessThan(0.6);
    expect(ndcgAt(3, ['x'], {})).toBe(0);
  });

  it('loads the fixture papers the labels refer to', () => {
    expect(papers.length).toBeGreaterThanOrEqual(80);
    const known = new Set(papers.map((p) => p.id));
    for (const lp of LABELED_PROFILES) for (const id of Object.keys(lp.labels)) expect(known.has(id), id).toBe(true);
  });

  it('keeps mean nDCG@10 above the floor and above plain BM25 and tf-idf', () => {
    const ours = LABELED_PROFILES.map((lp) => ndcgAt(10, rankLexical(papers, lp.profile).map((r) => r.paper.id), lp.labels));
    const baseline = LABELED_PROFILES.map((lp) => ndcgAt(10, bm25Baseline(papers, lp.profile.interests), lp.labels));
    const tfidf = LABELED_PROFILES.map((lp) => ndcgAt(10, tfidfBaseline(papers, { interests: lp.profile.interests }), lp.labels));
    // Measured 0.730 (BM25 0.686, tf-idf 0.665) without any hand-kept vocabulary (issue 11);
    // the hand-kept table scored 0.891 on this set, which it had been tuned on.
    expect(mean(ours)).toBeGreaterThanOrEqual(0.7);
    expect(mean(ours)).toBeGreaterThan(mean(baseline));
    expect(mean(ours)).toBeGreaterThan(mean(tfidf));
    for (const [i, v] of ours.entries()) expect(v, LABELED_PROFILES[i]!.name).toBeGreaterThanOrEqual(0.25);
  });

  it('ranks by two example papers better than tf-idf similarity to them', () => {
    const byId = new Map(papers.map((p) => [p.id, p]));
    const ours = EXAMPLE_PROFILES.map((lp) => {
      const examples = lp.likes!.map((id) => byId.get(id)!);
      const ranked = rankLexical(papers, { ...lp.profile, examples }).map((r) => r.paper.id);
      expect(ranked.some((id) => lp.likes!.includes(id)), lp.name).toBe(false);
      return ndcgAt(10, ranked, lp.labels);
    });
    const tfidf = EXAMPLE_PROFILES.map((lp) => ndcgAt(10, tfidfBaseline(papers, { examples: lp.likes!.map((id) => byId.get(id)!) }), lp.labels));
    // Measured 0.561 (tf-idf 0.461, BM25 of the examples' titles 0.546).
    expect(mean(ours)).toBeGreaterThanOrEqual(0.53);
    expect(mean(ours)).toBeGreaterThan(mean(tfidf));
  });

  it('generalizes: on the held-out profiles it stays above plain BM25', () => {
    const known = new Set(papers.map((p) => p.id));
    for (const lp of [...HOLDOUT_PROFILES, ...BLIND_PROFILES, ...FRESH_BLIND_PROFILES, ...EXAMPLE_PROFILES]) for (const id of Object.keys(lp.labels)) expect(known.has(id), id).toBe(true);
    const ours = HOLDOUT_PROFILES.map((lp) => ndcgAt(10, rankLexical(papers, lp.profile).map((r) => r.paper.id), lp.labels));
    const baseline = HOLDOUT_PROFILES.map((lp) => ndcgAt(10, bm25Baseline(papers, lp.profile.interests), lp.labels));
    // Measured 0.753 (baseline 0.725) without the hand-kept vocabulary (0.792 with it).
    expect(mean(ours)).toBeGreaterThanOrEqual(0.73);
    expect(mean(ours)).toBeGreaterThan(mean(baseline));
  });
});
