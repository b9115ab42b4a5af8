// Prints nDCG@10 of the lexical ranker on the labeled fixture sets, per profile and on average,
// next to two naive baselines: plain BM25 and plain tf-idf cosine of the interest text (for
// by-example profiles: of the example papers). Run: node bin/run-ts.mjs bench/ndcg.ts
// Pass --fresh-blind to also score the fresh blind set, --third-blind the third one (each once,
// at the end of a change).
import type { Paper } from '../src/types.js';
import { rankLexical } from '../src/rank/lexical.js';
import { loadFixturePapers } from '../test/rank/fixture-papers.js';
import { EXAMPLE_PROFILES, LABELED_PROFILES, type LabeledProfile } from '../test/rank/labeled-set.js';
import { BLIND_PROFILES, HOLDOUT_PROFILES } from '../test/rank/holdout-set.js';
import { FRESH_BLIND_PROFILES } from '../test/rank/fresh-blind-set.js';
import { THIRD_BLIND_PROFILES } from '../test/rank/third-blind-set.js';
import { bm25Baseline, bm25ExamplesBaseline, ndcgAt, tfidfBaseline } from '../test/rank/ndcg.js';

const K = 10;
const papers = loadFixturePapers();
const byId = new Map(papers.map((p) => [p.id, p]));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pad = (s: string, n: number) => s.padEnd(n);

function examplesOf(lp: LabeledProfile): Paper[] {
  return (lp.likes ?? []).map((id) => {
    const p = byId.get(id);
    if (!p) throw new Error(`example ${id} is not a fixture paper`);
    return p;
  });
}

function ranked(lp: LabeledProfile): string[] {
  const examples = examplesOf(lp);
  const ids = new Set(examples.map((p) => p.id));
  const profile = { ...lp.profile, examples };
  return rankLexical(papers, profile).map((r) => r.paper.id).filter((id) => !ids.has(id));
}

type Row = { name: string; kind: LabeledProfile['kind']; ours: number; bm25: number; tfidf: number };
const scored: Row[] = [];

function report(title: string, profiles: LabeledProfile[]): void {
  const rows = profiles.map((lp): Row => {
    const examples = examplesOf(lp);
    return {
      name: lp.name,
      kind: lp.kind,
      ours: ndcgAt(K, ranked(lp), lp.labels),
      bm25: ndcgAt(K, examples.length ? bm25ExamplesBaseline(papers, examples) : bm25Baseline(papers, lp.profile.interests), lp.labels),
      tfidf: ndcgAt(K, tfidfBaseline(papers, { interests: lp.profile.interests, examples }), lp.labels),
    };
  });
  scored.push(...rows);
  console.log(`\n${title}: nDCG@${K} on ${papers.length} fixture papers, ${rows.length} profiles\n`);
  console.log(`${pad('profile', 46)}${pad('kind', 13)}${pad('ranker', 9)}${pad('bm25', 9)}tf-idf`);
  for (const r of rows) console.log(`${pad(r.name, 46)}${pad(r.kind, 13)}${pad(r.ours.toFixed(3), 9)}${pad(r.bm25.toFixed(3), 9)}${r.tfidf.toFixed(3)}`);
  const m = (f: (r: (typeof rows)[number]) => number) => mean(rows.map(f)).toFixed(3);
  console.log(`${pad('mean', 59)}${pad(m((r) => r.ours), 9)}${pad(m((r) => r.bm25), 9)}${m((r) => r.tfidf)}`);
}

report('labeled set (used while building the ranker)', LABELED_PROFILES);
report('by two example papers (labels of the labeled set)', EXAMPLE_PROFILES);
report('held-out set (written later, never tuned on)', HOLDOUT_PROFILES);
report('blind set of the previous ranker', BLIND_PROFILES);
if (process.argv.includes('--fresh-blind')) report('fresh blind set (issue 11; scored once at the end)', FRESH_BLIND_PROFILES);
if (process.argv.includes('--third-blind')) report('third blind set (issue 11, second pass; scored once at the end)', THIRD_BLIND_PROFILES);

// The outside check compares by kind of profile, so the sets scored above are summed up by kind.
console.log(`\nby kind, over every set scored above: mean nDCG@${K}\n`);
console.log(`${pad('kind', 15)}${pad('profiles', 10)}${pad('ranker', 9)}${pad('bm25', 9)}tf-idf`);
for (const kind of [...new Set(scored.map((r) => r.kind))]) {
  const rows = scored.filter((r) => r.kind === kind);
  const m = (f: (r: Row) => number) => mean(rows.map(f)).toFixed(3);
  console.log(`${pad(kind, 15)}${pad(String(rows.length), 10)}${pad(m((r) => r.ours), 9)}${pad(m((r) => r.bm25), 9)}${m((r) => r.tfidf)}`);
}
