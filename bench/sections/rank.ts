// Ranking figure: lexical ranking of 1,000 candidates for one channel.
//
// The real daily case is cold: the first channel ranks papers this process has never analyzed
// (each paper's analysis is cached afterwards, for the next channels). So the main figures rank
// a fresh 1,000-paper slice of the corpus each round; re-ranking the same papers (the next
// channel of one digest run) is reported beside them. The very first ranking of the process
// also pays for JIT compilation and empty stem caches, and is reported on its own.
import type { Paper, RankedPaper } from '../../src/types.js';
import { optionalImport, percentile, type BenchContext, type BenchSection, type Figure } from '../types.js';

const CANDIDATES = 1000;
const COLD_ROUNDS = 10;
const WARM_RUNS = 20;

/** The profile shape agreed in TEAM.md (src/rank/profile.ts); declared here so the bench does not depend on it. */
interface InterestProfile {
  interests: string;
  include: string[];
  exclude: string[];
  follow: string[];
  feedback: Array<{ paper: Paper; value: 1 | -1 }>;
}

type RankModule = { rankLexical(papers: Paper[], profile: InterestProfile, options?: { now?: Date }): RankedPaper[] };

/** A copy of each paper, so nothing cached for the corpus objects or ids can be reused. */
const neverSeen = (papers: Paper[], round: number): Paper[] => papers.map((p) => ({ ...p, id: `${p.id}.cold${round}` }));

/** Ranks 1,000-paper slices for a typical channel profile with feedback (when src/rank/lexical.ts exists). */
export const rankSection: BenchSection = {
  name: 'ranking',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const mod = await optionalImport<RankModule>('src/rank/lexical.js');
    if (!mod) return [{ label: 'ranking', value: 'skipped', note: 'src/rank/lexical.ts not there yet' }];
    const slice = (i: number) => ctx.papers.slice(Math.max(0, ctx.papers.length - CANDIDATES * (i + 1)), ctx.papers.length - CANDIDATES * i);
    const candidates = slice(0);
    const older = ctx.papers.slice(0, Math.max(0, ctx.papers.length - CANDIDATES * (COLD_ROUNDS + 1)));
    const profile: InterestProfile = {
      interests: 'large language models, reasoning, agents, efficient training and inference',
      include: ['reasoning', 'distillation'],
      exclude: ['medical imaging'],
      follow: candidates.slice(0, 3).map((p) => p.authors[0] ?? ''),
      feedback: (older.length ? older : candidates).slice(0, 30).map((paper, i) => ({ paper, value: i % 3 === 0 ? -1 : 1 })),
    };
    const now = new Date(`${candidates.at(-1)?.listedOn ?? '2026-07-31'}T12:00:00Z`);
    const time = (papers: Paper[]) => {
      const t = performance.now();
      const ranked = mod.rankLexical(papers, profile, { now });
      return { ms: performance.now() - t, top: ranked[0]?.score ?? 0 };
    };

    const first = time(neverSeen(candidates, 0)).ms;
    const cold: number[] = [];
    for (let round = 1; round <= COLD_ROUNDS; round++) cold.push(time(neverSeen(slice(round % Math.max(1, Math.floor(ctx.papers.length / CANDIDATES))), round)).ms);
    time(candidates);
    const warm: number[] = [];
    let top = 0;
    for (let i = 0; i < WARM_RUNS; i++) {
      const r = time(candidates);
      warm.push(r.ms);
      top = r.top;
    }
    return [
      { label: `rank ${CANDIDATES} new candidates, first ranking of the process (incl. JIT warm-up)`, value: first, unit: 'ms' },
      { label: `rank ${CANDIDATES} new candidates (never analyzed), p50 of ${COLD_ROUNDS}`, value: percentile(cold, 50), unit: 'ms', target: { max: 50 } },
      { label: `rank ${CANDIDATES} new candidates, worst of ${COLD_ROUNDS}`, value: Math.max(...cold), unit: 'ms', target: { max: 50 } },
      { label: `rank the same ${CANDIDATES} again (next channel), p50 of ${WARM_RUNS}`, value: percentile(warm, 50), unit: 'ms' },
      { label: `rank the same ${CANDIDATES} again, worst of ${WARM_RUNS}`, value: Math.max(...warm), unit: 'ms', target: { max: 50 } },
      { label: 'top score', value: top, unit: '' },
    ];
  },
};
