import { describe, expect, it } from 'vitest';
import { createPaperIndex } from '../../src/search/paper-index.js';
import type { Paper } from '../../src/types.js';

function paper(id: string, title: string, abstract = '', extra: Partial<Paper> = {}): Paper {
  return { id, title, abstract, authors: [], categories: [], links: {}, signals: {}, sources: ['test'], ...extra };
}

const corpus: Paper[] = [
  paper('2606.00001', 'LoRA Merging at Scale', 'We merge many low-rank adapters into one model.', {
    authors: ['Ana Gómez'],
    publishedAt: '2026-06-01T00:00:00Z',
  }),
  paper('2606.00002', 'Sparse Attention for Long Context', 'A kernel for attention over million-token contexts.', {
    authors: ['Yann LeCun'],
    publishedAt: '2026-06-02T00:00:00Z',
  }),
  paper('2606.00003', 'Evaluating GPT-4 on Chemistry', 'We test GPT-4 and Llama-3 on exam questions.', {
    publishedAt: '2026-06-03T00:00:00Z',
  }),
  paper('2606.00004', 'Quantization of Diffusion Transformers', 'Post-training quantization for image generation.', {
    aiKeywords: ['int4', 'weight quantization'],
    publishedAt: '2026-06-04T00:00:00Z',
  }),
];

const ids = (hits: Array<{ id: string }>) => hits.map((h) => h.id);

describe('createPaperIndex', () => {
  it('finds papers by title, abstract words and author name', () => {
    const index = createPaperIndex(corpus);
    expect(ids(index.search('sparse attention'))[0]).toBe('2606.00002');
    expect(ids(index.search('exam questions'))[0]).toBe('2606.00003');
    expect(ids(index.search('lecun'))).toEqual(['2606.00002']);
    expect(ids(index.search('Gomez'))).toEqual(['2606.00001']);
    expect(ids(index.search('int4'))).toEqual(['2606.00004']);
  });

  it('matches stems and the "lora merging" example', () => {
    const index = createPaperIndex(corpus);
    expect(ids(index.search('lora merging'))[0]).toBe('2606.00001');
    expect(ids(index.search('merge'))[0]).toBe('2606.00001');
    expect(ids(index.search('adapter'))).toEqual(['2606.00001']);
    const hit = index.search('merging LoRAs')[0]!;
    expect(hit.terms.sort()).toEqual(['lora', 'merg']);
  });

  it('finds compound names written either way', () => {
    const index = createPaperIndex(corpus);
    for (const q of ['gpt-4', 'GPT4', 'gpt 4', 'llama3']) expect(ids(index.search(q))[0], q).toBe('2606.00003');
  });

  it('completes prefixes and forgives a typo in short queries', () => {
    const index = createPaperIndex(corpus);
    expect(ids(index.search('quant'))).toContain('2606.00004');
    expect(ids(index.search('quantizaton'))[0]).toBe('2606.00004');
    expect(index.search('zebra')).toEqual([]);
  });

  it('restricts results to the given ids', () => {
    const index = createPaperIndex(corpus);
    expect(ids(index.search('attention quantization', { ids: new Set(['2606.00004']) }))).toEqual(['2606.00004']);
    expect(index.search('attention', { ids: new Set() })).toEqual([]);
  });

  it('breaks score ties by the newer paper, then by id', () => {
    const twins = [
      paper('b-old', 'Graph Rewiring', '', { publishedAt: '2025-01-01T00:00:00Z' }),
      paper('a-new', 'Graph Rewiring', '', { listedOn: '2026-02-01' }),
      paper('c-new', 'Graph Rewiring', '', { listedOn: '2026-02-01' }),
      paper('d-undated', 'Graph Rewiring'),
    ];
    const hits = createPaperIndex(twins).search('graph rewiring');
    expect(hits.map((h) => h.id)).toEqual(['a-new', 'c-new', 'b-old', 'd-undated']);
    expect(new Set(hits.map((h) => h.score)).size).toBe(1);
  });

  it('replaces a paper added again and honours limit', () => {
    const index = createPaperIndex(corpus);
    expect(index.size).toBe(4);
    index.add([paper('2606.00001', 'Protein Folding', 'Nothing about adapters.')]);
    expect(index.size).toBe(4);
    expect(index.has('2606.00001')).toBe(true);
    expect(ids(index.search('lora'))).toEqual([]);
    expect(ids(index.search('protein folding'))).toEqual(['2606.00001']);
    expect(index.search('attention quantization gpt', { limit: 1 })).toHaveLength(1);
    expect(index.search('   ')).toEqual([]);
  });
});
