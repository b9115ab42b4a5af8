// Speed and memory of the search index and the lexical ranker on synthetic corpora (see
// bench/synthetic-papers.ts). Prints figures; asserts nothing. Run with --expose-gc for the
// memory line: node --expose-gc bin/run-ts.mjs bench/search-speed.ts [papers=100000]
import { createPaperIndex } from '../src/search/paper-index.js';
import { rankLexical } from '../src/rank/lexical.js';
import type { InterestProfile } from '../src/rank/profile.js';
import { loadFixturePapers } from '../test/rank/fixture-papers.js';
import { seededRandom, syntheticPapers } from './synthetic-papers.js';

const N = Number(process.argv[2] ?? 100_000);
const CANDIDATES = 1000;
const QUERIES = [
  'lora merging', 'diffusion models', 'speculative decoding', 'reinforcement learning for reasoning',
  'sparse attention long context', 'gpt-4', 'Zisserman', 'mixture of experts routing', 'robot manipulation',
  'quantization', 'memory agents benchmark evaluation tasks', 'transformer', 'large language models',
  'learning', 'quantizaton', 'video generation', 'knowledge distillation for small models', 'state space models',
];

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

const seed = loadFixturePapers();
const corpus = syntheticPapers(seed, N);
const before = heap();
let t = performance.now();
const index = createPaperIndex();
for (let i = 0; i < corpus.length; i += 2000) index.add(corpus.slice(i, i + 2000));
const buildMs = performance.now() - t;
const indexBytes = heap() - before;
console.log(`index: ${N} papers in ${(buildMs / 1000).toFixed(1)} s${gc ? `, ~${(indexBytes / 1e6).toFixed(0)} MB heap` : ''}`);

for (const q of QUERIES) index.search(q, { limit: 10 }); // warm-up
const times: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const q of QUERIES) {
    t = performance.now();
    index.search(q, { limit: 10 });
    times.push(performance.now() - t);
  }
}
console.log(`search (${times.length} queries, limit 10): p50 ${ms(pct(times, 0.5))}, p95 ${ms(pct(times, 0.95))}, max ${ms(Math.max(...times))}`);

const profile: InterestProfile = {
  interests: 'RL for LLM reasoning, making big models cheaper to run, diffusion models, video generation',
  include: ['speculative decoding'],
  exclude: ['survey'],
  follow: ['Andrew Zisserman', 'P. Abbeel'],
  feedback: seed.slice(0, 6).map((paper, i) => ({ paper, value: i % 3 === 0 ? -1 : 1 })),
};
// Each round gets new papers (new ids, new objects), so their analysis is not cached. With
// variantRate 0.85 nearly every topical word is new to the process too (worst case); with 0.05
// the vocabulary is mostly known, as on a normal day of a long-running bot.
for (const variantRate of [0.05, 0.85]) {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let round = 0; round < 8; round++) {
    const candidates = syntheticPapers(seed, CANDIDATES, seededRandom(1000 + round), variantRate).map((p) => ({
      ...p,
      id: `${p.id}.r${round}.${variantRate}`,
    }));
    t = performance.now();
    rankLexical(candidates, profile);
    cold.push(performance.now() - t);
    t = performance.now();
    rankLexical(candidates, profile); // same objects, as for the next channel of one digest run
    warm.push(performance.now() - t);
  }
  console.log(
    `rank ${CANDIDATES} candidates (new-word rate ${variantRate}): first ranking p50 ${ms(pct(cold, 0.5))} ` +
      `(max ${ms(Math.max(...cold))}), again p50 ${ms(pct(warm, 0.5))} (max ${ms(Math.max(...warm))})`,
  );
}
