import { describe, expect, it } from 'vitest';
import { Bm25Index, boundedEditDistance } from '../../src/search/bm25-index.js';

describe('Bm25Index', () => {
  it('ranks rarer and more frequent terms higher, in the boosted field more', () => {
    const index = new Bm25Index([3, 1]);
    index.add('title-hit', [['graph'], ['neural', 'network']], 0);
    index.add('body-hit', [['neural'], ['graph', 'network']], 0);
    index.add('none', [['tree'], ['forest']], 0);
    const hits = index.search([{ term: 'graph', weight: 1 }], { limit: 10 });
    expect(hits.map((h) => h.key)).toEqual(['title-hit', 'body-hit']);
    expect(hits[0]!.terms).toEqual(['graph']);
  });

  it('keeps the best `limit` in order when results are many', () => {
    const index = new Bm25Index([1]);
    for (let i = 0; i < 500; i++) index.add(`d${i}`, [Array(1 + (i % 7)).fill('x').concat(['pad', 'pad', 'pad'])], i);
    const top = index.search([{ term: 'x', weight: 1 }], { limit: 5 });
    const all = index.search([{ term: 'x', weight: 1 }], { limit: 500 });
    expect(top.map((h) => h.key)).toEqual(all.slice(0, 5).map((h) => h.key));
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
  });

  it('forgets removed documents, also after many removals', () => {
    const index = new Bm25Index([1]);
    for (let i = 0; i < 3000; i++) index.add(`d${i}`, [['common', `t${i}`]], 0);
    for (let i = 0; i < 2000; i++) expect(index.remove(`d${i}`)).toBe(true);
    expect(index.remove('d0')).toBe(false);
    expect(index.size).toBe(1000);
    expect(index.search([{ term: 't5', weight: 1 }], { limit: 5 })).toEqual([]);
    expect(index.search([{ term: 't2500', weight: 1 }], { limit: 5 }).map((h) => h.key)).toEqual(['d2500']);
    expect(index.search([{ term: 'common', weight: 1 }], { limit: 5000 })).toHaveLength(1000);
    index.add('d1', [['t1']], 0);
    expect(index.search([{ term: 't1', weight: 1 }], { limit: 5 }).map((h) => h.key)).toEqual(['d1']);
  });

  it('measures edit distance with a bound', () => {
    expect(boundedEditDistance('quantizaton', 'quantization', 2)).toBe(1);
    expect(boundedEditDistance('kitten', 'sitting', 3)).toBe(3);
    expect(boundedEditDistance('kitten', 'sitting', 1)).toBe(2);
  });
});
