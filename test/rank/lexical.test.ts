import { describe, expect, it } from 'vitest';
import { rankLexical } from '../../src/rank/lexical.js';
import type { InterestProfile, Paper, RankedPaper } from '../../src/types.js';
import { loadFixturePapers } from './fixture-papers.js';

function paper(id: string, title: string, abstract: string, extra: Partial<Paper> = {}): Paper {
  return {
    id,
    title,
    abstract,
    authors: ['Jane Doe'],
    categories: [],
    links: {},
    signals: {},
    sources: ['test'],
    publishedAt: '2026-06-10T00:00:00Z',
    ...extra,
  };
}

function profile(over: Partial<InterestProfile> = {}): InterestProfile {
  return { interests: '', include: [], exclude: [], follow: [], feedback: [], ...over };
}

const ids = (ranked: Array<{ paper: Paper }>) => ranked.map((r) => r.paper.id);
const byId = (ranked: RankedPaper[], id: string): RankedPaper => ranked.find((r) => r.paper.id === id)!;

const fixtures = loadFixturePapers();

describe('rankLexical', () => {
  it('returns every paper once, ids verbatim, best first, scores in [0, 1], each with a why', () => {
    const papers = [
      ...fixtures,
      paper('file:notes/weird id.pdf', 'Diffusion Models for Video', 'Video generation with diffusion.'),
      paper('astro-ph/0601001v2', 'Nothing relevant', 'Stars.'),
    ];
    const ranked = rankLexical(papers, profile({ interests: 'diffusion models, video generation' }));
    expect(ranked).toHaveLength(papers.length);
    expect(new Set(ids(ranked))).toEqual(new Set(papers.map((p) => p.id)));
    expect(ranked.map((r) => r.paper)).toEqual(expect.arrayContaining(papers));
    for (let i = 0; i < ranked.length; i++) {
      const r = ranked[i]!;
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.why.length).toBeGreaterThan(0);
      expect(r.parts).toBeDefined();
      if (i > 0) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(r.score);
    }
    expect(byId(ranked, 'file:notes/weird id.pdf').why).toMatch(/^matches: .*diffusion/i);
    expect(rankLexical([], profile({ interests: 'x' }))).toEqual([]);
  });

  it('explains matches with the words found, followed authors and upvotes', () => {
    const ranked = rankLexical(
      [paper('1', 'Video Diffusion at Scale', 'A diffusion model for video generation.', {
        authors: ['Yann LeCun'],
        signals: { upvotes: 118 },
      })],
      profile({ interests: 'diffusion, video generation', follow: ['Y. LeCun'] }),
    );
    // The labels are the words found in the paper.
    expect(ranked[0]!.why).toMatch(/^matches: diffusion, video, generation; /);
    expect(ranked[0]!.why).toContain('follows Yann LeCun');
    expect(ranked[0]!.why).toMatch(/▲118$/);
  });

  it('drops papers with an excluded word to 0 and says why', () => {
    const papers = [
      paper('a', 'A Survey of Diffusion Models', 'We review diffusion models.'),
      paper('b', 'Faster Diffusion Sampling', 'Fewer steps for diffusion models; unlike prior surveys.'),
      paper('c', 'Diffusion for Audio', 'Diffusion models for speech.'),
    ];
    const ranked = rankLexical(papers, profile({ interests: 'diffusion models', exclude: ['survey'] }));
    expect(byId(ranked, 'a')).toMatchObject({ score: 0, why: 'excluded: survey' });
    expect(byId(ranked, 'b')).toMatchObject({ score: 0, why: 'excluded: survey' });
    expect(byId(ranked, 'c').score).toBeGreaterThan(0.3);
    expect(ids(ranked)[0]).toBe('c');
    // Without the exclude word the survey is a match.
    expect(byId(rankLexical(papers, profile({ interests: 'diffusion models' })), 'a').score).toBeGreaterThan(0.3);
  });

  it('lifts papers by a followed author, whatever the spelling of the name', () => {
    const papers = [
      paper('x', 'Message Passing Networks', 'We also try graph rewiring.', { authors: ['Ana Gómez', 'Li Wei'] }),
      paper('y', 'Oversquashing in Message Passing', 'Graph rewiring helps; we study graph rewiring.', { authors: ['Bo Chen'] }),
      paper('z', 'Protein Folding', 'Proteins.', { authors: ['Carla Ruiz'] }),
    ];
    const plain = rankLexical(papers, profile({ interests: 'graph rewiring' }));
    const following = rankLexical(papers, profile({ interests: 'graph rewiring', follow: ['A. Gomez'] }));
    expect(ids(plain)[0]).toBe('y');
    expect(byId(following, 'x').score).toBeGreaterThan(byId(plain, 'x').score + 0.1);
    expect(ids(following)[0]).toBe('x');
    expect(byId(following, 'x').parts?.follow).toBe(1);
    expect(byId(following, 'x').why).toContain('follows Ana Gómez');
    // A followed author's paper on another topic still comes up.
    const onlyFollow = rankLexical(papers, profile({ interests: 'protein folding', follow: ['Bo Chen'] }));
    expect(ids(onlyFollow).slice(0, 2).sort()).toEqual(['y', 'z']);
    expect(byId(onlyFollow, 'y').why).toContain('follows Bo Chen');
  });

  it('lifts papers similar to a 👍 and lowers papers similar to a 👎', () => {
    const liked = fixtures.find((p) => p.id === '2607.28582')!; // β-OPSD: on-policy self-distillation
    const disliked = fixtures.find((p) => p.id === '2604.21953')!; // anomaly detection in athletics
    const similarToLiked = '2606.09304'; // SG-OPD: on-policy distillation
    const similarToDisliked = '2604.21956'; // conditional anomaly detection for clinical alerting
    const candidates = fixtures.filter((p) => p.id !== liked.id && p.id !== disliked.id);
    const interests = 'reasoning, clinical decision support';
    const before = rankLexical(candidates, profile({ interests }));
    const after = rankLexical(candidates, profile({
      interests,
      feedback: [
        { paper: liked, value: 1 },
        { paper: disliked, value: -1 },
      ],
    }));
    expect(byId(after, similarToLiked).score).toBeGreaterThan(byId(before, similarToLiked).score);
    expect(ids(after).indexOf(similarToLiked)).toBeLessThan(ids(before).indexOf(similarToLiked));
    expect(byId(after, similarToLiked).why).toContain("like 2607.28582 you 👍'd");
    expect(byId(after, similarToDisliked).score).toBeLessThan(byId(before, similarToDisliked).score);
    expect(byId(after, similarToDisliked).why).toContain("close to 2604.21953 you 👎'd");
  });

  it('a 👍 still lifts a paper that already matches the interests fully', () => {
    const liked = paper('liked', 'Video Generation with Diffusion Transformers', 'We generate videos with a diffusion transformer and temporal attention.');
    const papers = [
      paper('close', 'Temporal Attention for Video Generation', 'Video generation with diffusion transformers and temporal attention layers.'),
      paper('far', 'Video Generation for Robots', 'Video generation as a world model for robot planning and control.'),
    ];
    const interests = 'video generation';
    const before = rankLexical(papers, profile({ interests }));
    const after = rankLexical(papers, profile({ interests, feedback: [{ paper: liked, value: 1 }] }));
    expect(byId(before, 'close').parts?.relevance).toBeGreaterThan(0.9);
    expect(byId(after, 'close').score).toBeGreaterThan(byId(before, 'close').score);
    expect(byId(after, 'close').score - byId(after, 'far').score).toBeGreaterThan(byId(before, 'close').score - byId(before, 'far').score);
  });

  it('lifts papers sharing an author with a 👍 paper', () => {
    const liked = paper('liked', 'Old Work on Sheaves', 'Sheaf theory.', { authors: ['Maria Rossi'] });
    const papers = [
      paper('same-author', 'Knot Invariants', 'Knots.', { authors: ['M. Rossi', 'Tom Lee'] }),
      paper('other', 'Knot Invariants', 'Knots.', { authors: ['Tom Lee'] }),
    ];
    const ranked = rankLexical(papers, profile({ interests: 'topology', feedback: [{ paper: liked, value: 1 }] }));
    expect(ids(ranked)[0]).toBe('same-author');
    expect(ranked[0]!.why).toContain('by M. Rossi, author of a 👍 paper');
  });

  it('never lets popularity outrank a clearly relevant paper', () => {
    const papers = [
      paper('viral', 'A Chatbot Benchmark', 'Evaluating chatbots on trivia.', { signals: { upvotes: 5000, githubStars: 90000 } }),
      paper('relevant', 'Speculative Decoding for Faster Inference', 'Speculative decoding with a draft model.', {
        signals: { upvotes: 0 },
        publishedAt: '2025-01-01T00:00:00Z',
      }),
    ];
    const ranked = rankLexical(papers, profile({ interests: 'speculative decoding' }));
    expect(ids(ranked)).toEqual(['relevant', 'viral']);
    expect(byId(ranked, 'viral').score).toBeLessThan(0.1);
  });

  it('orders by popularity then recency when the channel has no preferences', () => {
    const papers = [
      paper('quiet', 'A', 'a', { signals: { upvotes: 1 } }),
      paper('popular', 'B', 'b', { signals: { upvotes: 80 } }),
    ];
    const ranked = rankLexical(papers, profile());
    expect(ids(ranked)).toEqual(['popular', 'quiet']);
    expect(ranked[1]!.why).toBe('no interests set; ▲1');
  });

  it('boosts include words', () => {
    const papers = [
      paper('plain', 'Sparse Attention Kernels', 'Sparse attention for long context.'),
      paper('lora', 'Sparse Attention with LoRA', 'Sparse attention plus LoRA adapters.'),
    ];
    const ranked = rankLexical(papers, profile({ interests: 'sparse attention', include: ['LoRA'] }));
    expect(ids(ranked)[0]).toBe('lora');
    expect(ranked[0]!.why).toContain('includes: LoRA');
    expect(ranked[0]!.parts?.include).toBeGreaterThan(0);
  });

  it('is deterministic: equal scores go newest first, then by id', () => {
    const papers = [
      paper('b', 'Same Title', 'Same text.', { publishedAt: '2026-01-01T00:00:00Z' }),
      paper('c', 'Same Title', 'Same text.', { publishedAt: '2026-03-01T00:00:00Z' }),
      paper('a', 'Same Title', 'Same text.', { publishedAt: '2026-01-01T00:00:00Z' }),
    ];
    const p = profile({ interests: 'unrelated topic' });
    const now = new Date('2026-03-01T00:00:00Z');
    const first = rankLexical(papers, p, { now });
    expect(rankLexical([...papers].reverse(), p, { now })).toEqual(first);
    // Same text, so only recency separates c; a and b tie and go by id.
    expect(ids(first)).toEqual(['c', 'a', 'b']);
    const all = rankLexical(fixtures, profile({ interests: 'agents, diffusion' }));
    expect(rankLexical([...fixtures].reverse(), profile({ interests: 'agents, diffusion' }))).toEqual(all);
  });

  it('matches whole exclude phrases only', () => {
    const papers = [
      paper('phrase', 'Medical Imaging with Diffusion', 'Diffusion models for medical imaging.'),
      paper('scattered', 'Diffusion for Medical Notes', 'Diffusion models for medical text; imaging is left out.'),
    ];
    const ranked = rankLexical(papers, profile({ interests: 'diffusion', exclude: ['medical imaging'] }));
    expect(byId(ranked, 'phrase')).toMatchObject({ score: 0, why: 'excluded: medical imaging' });
    expect(byId(ranked, 'scattered').score).toBeGreaterThan(0);
    // The excluded paper's score without the filter is kept, for the digest's "hidden" count.
    expect(byId(ranked, 'phrase').parts?.unfilteredScore).toBeGreaterThan(0.3);
  });
});
