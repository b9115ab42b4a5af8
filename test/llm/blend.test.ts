import { describe, expect, it } from 'vitest';
import { blendJudged, blendScore, feedbackOf, popularityOf } from '../../src/rank/blend.js';
import type { Judgement } from '../../src/rank/llm-judge.js';
import type { RankedPaper } from '../../src/types.js';
import { makePaper } from './support/papers.js';

const ranked = (id: string, score: number, parts: Record<string, number> = {}, upvotes = 0): RankedPaper => ({
  paper: makePaper(id, { signals: { upvotes } }),
  score,
  why: `lexical ${id}`,
  parts,
});
const verdicts = (...js: Array<[string, number]>) => new Map(js.map(([id, score]): [string, Judgement] => [id, { id, score, reason: `reason ${id}.` }]));

describe('blend', () => {
  it('reads feedback from the lexical like/dislike parts (0.5 = neutral) and popularity from parts or signals', () => {
    expect(feedbackOf(ranked('a', 1))).toBe(0.5);
    expect(feedbackOf(ranked('a', 1, { like: 1 }))).toBe(1);
    expect(feedbackOf(ranked('a', 1, { dislike: 1 }))).toBe(0);
    expect(popularityOf(ranked('a', 1, { popularity: 0.3 }))).toBe(0.3);
    expect(popularityOf(ranked('a', 1, {}, 100))).toBeCloseTo(1, 5);
    expect(blendScore({ judge: 1, lexical: 1, popularity: 1, feedback: 1 })).toBe(1);
    expect(blendScore({ judge: 0, lexical: 0, popularity: 0, feedback: 0 })).toBe(0);
  });

  it('puts the judge first, lets feedback and popularity break near-ties, and keeps unjudged papers below', () => {
    const shortlist = [ranked('a', 0.9), ranked('b', 0.8, { like: 0.9 }), ranked('c', 0.7, {}, 5), ranked('d', 0.95)];
    const rest = [ranked('e', 0.99), ranked('f', 0.1)];
    const out = blendJudged(shortlist, verdicts(['a', 2], ['b', 8], ['c', 8]), rest);
    expect(out.map((r) => r.paper.id)).toEqual(['b', 'c', 'a', 'd', 'e', 'f']);
    expect(out[0]!.why).toBe('reason b (judge 8/10, like papers you 👍)');
    expect(out[1]!.why).toBe('reason c (judge 8/10, ▲ 5)');
    expect(out[0]!.parts).toMatchObject({ judge: 8, lexicalScore: 0.8 });
    const lowestJudged = out[2]!.score;
    expect(out.slice(3).every((r) => r.score < lowestJudged)).toBe(true);
    expect(out.at(-1)!.score).toBe(0.1);
  });
});
