// An exclude filter that hides papers the digest would have shown says so in the header, and the
// hidden papers travel with the digest for `/papers today hidden`.
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import { rankLexical } from '../../src/rank/lexical.js';
import type { Paper } from '../../src/types.js';

const paper = (id: string, title: string, abstract: string, upvotes = 0): Paper => ({
  id, title, abstract, authors: ['A. Author'], categories: [], links: {}, signals: { upvotes }, sources: ['test'], publishedAt: '2026-06-10T00:00:00Z',
});

const papers = [
  paper('2606.00001', 'A Survey of Benchmarks for Code Agents', 'We survey benchmarks that evaluate code agents.', 120),
  paper('2606.00002', 'A Benchmark for Code Agents in Large Repositories', 'A new benchmark of repository-level tasks for code agents.'),
  paper('2606.00003', 'Knitting Patterns from Photos', 'We infer knitting patterns from photographs of garments.'),
];

const digestFor = (exclude: string[]) =>
  buildDigest({
    date: '2026-06-10',
    interests: 'code agents',
    ranked: rankLexical(papers, { interests: 'code agents, benchmark', include: [], exclude, follow: [], feedback: [] }),
    size: 5,
    threshold: 0.1,
    notes: [],
  });

describe('papers hidden by an exclude filter', () => {
  it('are counted in the header and kept for /papers today hidden', () => {
    const digest = digestFor(['survey']);
    expect(digest.items.map((i) => i.paper.id)).toEqual(['2606.00002']);
    expect(digest.hidden?.map((i) => i.paper.id)).toEqual(['2606.00001']);
    expect(digest.hidden?.[0]!.why).toBe('excluded: survey');
    expect(digest.notes).toContainEqual({
      kind: 'info',
      text: "1 paper that would have been shown was hidden by this channel's exclude filter (/papers today hidden shows it).",
    });
  });

  it('an excluded paper that would not have been shown is not counted', () => {
    const digest = digestFor(['knitting']);
    expect(digest.hidden).toBeUndefined();
    expect(digest.notes.filter((n) => n.text.includes('hidden'))).toEqual([]);
  });
});
