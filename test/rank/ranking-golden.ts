// The ranking outputs pinned by ranking-golden.test.ts: fixture papers under every labeled and
// held-out profile plus extra profiles that exercise include/exclude/follow/feedback, and
// synthetic 1,000-candidate days like the bench's. Any change to scores, order or "why" shows.
import { createHash } from 'node:crypto';
import { makeCorpus } from '../../bench/corpus.js';
import type { InterestProfile } from '../../src/rank/profile.js';
import type { Paper, RankedPaper } from '../../src/types.js';
import { loadFixturePapers } from './fixture-papers.js';
import { HOLDOUT_PROFILES } from './holdout-set.js';
import { LABELED_PROFILES } from './labeled-set.js';

/** One pinned ranking: its candidates, profile and reference time. */
export interface GoldenCase {
  name: string;
  papers: Paper[];
  profile: InterestProfile;
  now?: Date;
  /** Synthetic cases are pinned by hash (plus their head), fixture cases line by line. */
  full: boolean;
}

const empty: InterestProfile = { interests: '', include: [], exclude: [], follow: [], feedback: [] };

/** Every pinned case, built deterministically. */
export function goldenCases(): GoldenCase[] {
  const fixtures = loadFixturePapers();
  const cases: GoldenCase[] = [];
  for (const lp of [...LABELED_PROFILES, ...HOLDOUT_PROFILES]) {
    cases.push({ name: `fixtures: ${lp.name}`, papers: fixtures, profile: lp.profile, full: true });
  }
  const votes = fixtures.filter((_, i) => i % 7 === 0).slice(0, 20).map((paper, i) => ({ paper, value: (i % 3 === 0 ? -1 : 1) as 1 | -1 }));
  cases.push({
    name: 'fixtures: everything at once',
    papers: fixtures,
    profile: {
      interests: 'LLM reasoning, RL for LLMs, efficient inference (quantization, pruning), SSM vs attention',
      include: ['distillation', 'mixture-of-experts', 'GPT-4'],
      exclude: ['medical imaging', 'safety'],
      follow: fixtures.slice(0, 5).map((p) => p.authors[0] ?? '').concat(['Y. LeCun', 'Kaiming He']),
      feedback: votes,
    },
    full: true,
  });
  cases.push({ name: 'fixtures: no preference', papers: fixtures, profile: empty, full: true });
  cases.push({ name: 'fixtures: feedback only', papers: fixtures, profile: { ...empty, feedback: votes }, full: true });

  const corpus = makeCorpus(4000);
  const day = corpus.slice(-1000);
  const older = corpus.slice(0, 2000);
  const now = new Date('2026-07-31T12:00:00Z');
  cases.push({
    name: 'synthetic: bench profile',
    papers: day,
    now,
    profile: {
      interests: 'large language models, reasoning, agents, efficient training and inference',
      include: ['reasoning', 'distillation'],
      exclude: ['medical imaging'],
      follow: day.slice(0, 3).map((p) => p.authors[0] ?? ''),
      feedback: older.slice(0, 30).map((paper, i) => ({ paper, value: i % 3 === 0 ? -1 : 1 })),
    },
    full: false,
  });
  cases.push({
    name: 'synthetic: acronyms, include only, votes among candidates',
    papers: corpus.slice(-2000, -1000),
    now,
    profile: {
      interests: 'RAG, SSM alternatives to attention, diffusion models for video generation, robot manipulation',
      include: ['benchmark', 'LoRA'],
      exclude: ['survey'],
      follow: ['P. Abbeel', corpus[3100]!.authors[1] ?? ''],
      feedback: corpus.slice(-1400, -1380).map((paper, i) => ({ paper, value: i % 4 === 0 ? -1 : 1 })),
    },
    full: false,
  });
  cases.push({ name: 'synthetic: include words only', papers: day, now, profile: { ...empty, include: ['diffusion', 'agents'] }, full: false });
  cases.push({ name: 'synthetic: no preference', papers: day, profile: empty, full: false });
  return cases;
}

/** One line per ranked paper: id, score, every part at full precision, and why. */
export function serializeRanking(ranked: RankedPaper[]): string[] {
  return ranked.map((r) => `${r.paper.id}\t${r.score}\t${JSON.stringify(r.parts)}\t${r.why}`);
}

/** The pinned text of one case: all lines, or a hash of them and the first 25. */
export function goldenText(c: GoldenCase, ranked: RankedPaper[]): string {
  const lines = serializeRanking(ranked);
  if (c.full) return [`## ${c.name}`, ...lines].join('\n');
  const hash = createHash('sha256').update(lines.join('\n')).digest('hex');
  return [`## ${c.name} (${lines.length} papers, sha256 ${hash})`, ...lines.slice(0, 25)].join('\n');
}
