// Ranking figure: lexical ranking of 1,000 candidates for one channel.
import type { Paper, RankedPaper } from '../../src/types.js';
import { optionalImport, percentile, type BenchContext, type BenchSection, type Figure } from '../types.js';

const CANDIDATES = 1000;
const RUNS = 20;

/** The profile shape agreed in TEAM.md (src/rank/profile.ts); declared here so the bench does not depend on it. */
interface InterestProfile {
  interests: string;
  include: string[];
  exclude: string[];
  follow: string[];
  feedback: Array<{ paper: Paper; value: 1 | -1 }>;
}

type RankModule = { rankLexical(papers: Paper[], profile: InterestProfile, options?: { now?: Date }): RankedPaper[] };

/** Ranks the newest 1,000 papers for a typical channel profile with feedback (when src/rank/lexical.ts exists). */
export const rankSection: BenchSection = {
  name: 'ranking',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const mod = await optionalImport<RankModule>('src/rank/lexical.js');
    if (!mod) return [{ label: 'ranking', value: 'skipped', note: 'src/rank/lexical.ts not there yet' }];
    const candidates = ctx.papers.slice(-CANDIDATES);
    const older = ctx.papers.slice(0, Math.max(0, ctx.papers.length - CANDIDATES));
    const profile: InterestProfile = {
      interests: 'large language models, reasoning, agents, efficient training and inference',
      include: ['reasoning', 'distillation'],
      exclude: ['medical imaging'],
      follow: candidates.slice(0, 3).map((p) => p.authors[0] ?? ''),
      feedback: older.slice(0, 30).map((paper, i) => ({ paper, value: i % 3 === 0 ? -1 : 1 })),
    };
    const now = new Date(`${candidates.at(-1)?.listedOn ?? '2026-07-31'}T12:00:00Z`);
    mod.rankLexical(candidates, profile, { now });
    const times: number[] = [];
    let top = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const ranked = mod.rankLexical(candidates, profile, { now });
      times.push(performance.now() - t);
      top = ranked[0]?.score ?? 0;
    }
    return [
      { label: `rank ${candidates.length} candidates, p50 of ${RUNS}`, value: percentile(times, 50), unit: 'ms' },
      { label: `rank ${candidates.length} candidates, worst of ${RUNS}`, value: Math.max(...times), unit: 'ms', target: { max: 50 } },
      { label: 'top score', value: top, unit: '' },
    ];
  },
};
