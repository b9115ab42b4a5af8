// Prints nDCG@10 of the lexical ranker on the labeled fixture set, per profile and on average,
// next to a naive baseline (plain BM25 of the interest text: no phrases, expansions, authors or
// exclude words). Run: node bin/run-ts.mjs bench/ndcg.ts
import { rankLexical } from '../src/rank/lexical.js';
import { loadFixturePapers } from '../test/rank/fixture-papers.js';
import { LABELED_PROFILES, type LabeledProfile } from '../test/rank/labeled-set.js';
import { BLIND_PROFILES, HOLDOUT_PROFILES } from '../test/rank/holdout-set.js';
import { bm25Baseline, ndcgAt } from '../test/rank/ndcg.js';

const K = 10;
const papers = loadFixturePapers();
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pad = (s: string, n: number) => s.padEnd(n);

function report(title: string, profiles: LabeledProfile[]): void {
  const rows = profiles.map((lp) => ({
    name: lp.name,
    kind: lp.kind,
    ours: ndcgAt(K, rankLexical(papers, lp.profile).map((r) => r.paper.id), lp.labels),
    baseline: ndcgAt(K, bm25Baseline(papers, lp.profile.interests), lp.labels),
  }));
  console.log(`\n${title}: nDCG@${K} on ${papers.length} fixture papers, ${rows.length} profiles\n`);
  console.log(`${pad('profile', 46)}${pad('kind', 13)}${pad('lexical', 9)}baseline`);
  for (const r of rows) console.log(`${pad(r.name, 46)}${pad(r.kind, 13)}${pad(r.ours.toFixed(3), 9)}${r.baseline.toFixed(3)}`);
  console.log(`${pad('mean', 59)}${pad(mean(rows.map((r) => r.ours)).toFixed(3), 9)}${mean(rows.map((r) => r.baseline)).toFixed(3)}`);
}

report('labeled set (used while building the ranker)', LABELED_PROFILES);
report('held-out set (written later, never tuned on)', HOLDOUT_PROFILES);
report('blind set (written last, never used to change the ranker)', BLIND_PROFILES);
