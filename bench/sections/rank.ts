// Ranking figure: lexical ranking of 1,000 candidates for one channel.
//
// The daily path: ingest stores new papers and analyzes them once (src/rank/warm.ts, called by
// ingest in src/digest/prepare-digest.ts); then every channel ranks them. So the main figure
// ranks never-seen papers right after that same warm-up, as fresh objects (the digest reloads
// them from the store). Re-ranking the same papers (the next channel) is reported beside it.
// The cold figures rank papers nothing has analyzed yet: what a ranking costs when it runs
// without an ingest before it (e.g. a digest run offline); they include that analysis. The very
// first ranking of the process also pays for JIT compilation and empty stem caches.
import type { Paper, RankedPaper } from '../../src/types.js';
import { optionalImport, percentile, type BenchContext, type BenchSection, type Figure } from '../types.js';

const CANDIDATES = 1000;
const ROUNDS = 10;
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
type WarmModule = { warmForRanking(papers: Paper[]): void };

/** A copy of each paper under a new id, so nothing cached for the corpus objects or ids can be reused. */
const neverSeen = (papers: Paper[], tag: string): Paper[] => papers.map((p) => ({ ...p, id: `${p.id}.${tag}` }));
/** Deep copies with their own strings, as a store hands back what ingest stored. */
const reloaded = (papers: Paper[]): Paper[] => JSON.parse(JSON.stringify(papers)) as Paper[];

/** Ranks 1,000-paper slices for a typical channel profile with feedback (when src/rank/lexical.ts exists). */
export const rankSection: BenchSection = {
  name: 'ranking',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const mod = await optionalImport<RankModule>('src/rank/lexical.js');
    if (!mod) return [{ label: 'ranking', value: 'skipped', note: 'src/rank/lexical.ts not there yet' }];
    const warmMod = await optionalImport<WarmModule>('src/rank/warm.js');
    const slices = Math.max(1, Math.floor(ctx.papers.length / CANDIDATES));
    const slice = (i: number) => ctx.papers.slice(Math.max(0, ctx.papers.length - CANDIDATES * (i + 1)), ctx.papers.length - CANDIDATES * i);
    const candidates = slice(0);
    const older = ctx.papers.slice(0, Math.max(0, ctx.papers.length - CANDIDATES * (2 * ROUNDS + 1)));
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

    const first = time(neverSeen(candidates, 'first')).ms;
    const cold: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) cold.push(time(neverSeen(slice(round % slices), `cold${round}`)).ms);

    const ingestWarm: number[] = [];
    const daily: number[] = [];
    if (warmMod) {
      for (let round = 1; round <= ROUNDS; round++) {
        const ingested = neverSeen(slice((ROUNDS + round) % slices), `daily${round}`);
        const t = performance.now();
        warmMod.warmForRanking(ingested);
        ingestWarm.push(performance.now() - t);
        daily.push(time(reloaded(ingested)).ms);
      }
    }

    time(candidates);
    const warm: number[] = [];
    let top = 0;
    for (let i = 0; i < WARM_RUNS; i++) {
      const r = time(candidates);
      warm.push(r.ms);
      top = r.top;
    }
    const dailyFigures: Figure[] = warmMod
      ? [
          { label: `rank ${CANDIDATES} just-ingested candidates (the daily path), p50 of ${ROUNDS}`, value: percentile(daily, 50), unit: 'ms', target: { max: 30 } },
          { label: `rank ${CANDIDATES} just-ingested candidates (the daily path), worst of ${ROUNDS}`, value: Math.max(...daily), unit: 'ms', target: { max: 50 } },
          { label: `  ingest's analysis of those ${CANDIDATES} papers, once per ingest, p50 of ${ROUNDS}`, value: percentile(ingestWarm, 50), unit: 'ms' },
        ]
      : [{ label: 'daily path', value: 'skipped', note: 'src/rank/warm.ts not there yet' }];
    return [
      { label: `rank ${CANDIDATES} new candidates, first ranking of the process (incl. JIT warm-up)`, value: first, unit: 'ms' },
      ...dailyFigures,
      { label: `rank the same ${CANDIDATES} again (next channel), p50 of ${WARM_RUNS}`, value: percentile(warm, 50), unit: 'ms', target: { max: 50 } },
      { label: `rank the same ${CANDIDATES} again, worst of ${WARM_RUNS}`, value: Math.max(...warm), unit: 'ms', target: { max: 50 } },
      { label: `rank ${CANDIDATES} never-analyzed candidates (cold, pre-ingest cost), p50 of ${ROUNDS}`, value: percentile(cold, 50), unit: 'ms' },
      { label: `rank ${CANDIDATES} never-analyzed candidates (cold, pre-ingest cost), worst of ${ROUNDS}`, value: Math.max(...cold), unit: 'ms' },
      { label: 'top score', value: top, unit: '' },
    ];
  },
};
