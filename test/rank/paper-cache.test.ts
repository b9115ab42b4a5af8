import { describe, expect, it } from 'vitest';
import { analyzedPaper } from '../../src/rank/paper-cache.js';
import { rankLexical } from '../../src/rank/lexical.js';
import { warmForRanking } from '../../src/rank/warm.js';
import type { Paper } from '../../src/types.js';
import { loadFixturePapers } from './fixture-papers.js';

const fixtures = loadFixturePapers();
const profile = { interests: 'diffusion models, video generation, LLM agents', include: ['benchmark'], exclude: [], follow: [], feedback: [] };

describe('paper analyses for ranking', () => {
  it('reuses an analysis for an equal copy of a paper and redoes it when the text changed', () => {
    const p: Paper = { ...fixtures[0]!, id: 'cache-test-1' };
    const a = analyzedPaper(p);
    expect(analyzedPaper(JSON.parse(JSON.stringify(p)) as Paper)).toBe(a);
    const edited = analyzedPaper({ ...p, abstract: `${p.abstract} Diffusion.` });
    expect(edited).not.toBe(a);
    expect(edited.text.counts.has('diffus')).toBe(true);
    expect(analyzedPaper({ ...p, authors: ['Someone Else'] }).authors.names).toEqual(['Someone Else']);
  });

  it('ranks warmed (ingested) papers exactly as unwarmed ones', () => {
    const cold = fixtures.map((p) => ({ ...p, id: `${p.id}.cold` }));
    const warm = fixtures.map((p) => ({ ...p, id: `${p.id}.warm` }));
    warmForRanking(warm);
    const strip = (r: ReturnType<typeof rankLexical>) => r.map((x) => [x.paper.id.replace(/\.(cold|warm)$/, ''), x.score, x.why, x.parts]);
    expect(strip(rankLexical(warm, profile))).toEqual(strip(rankLexical(cold, profile)));
  });
});
