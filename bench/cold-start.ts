// Child process for cold figures, run fresh so nothing is warm: `cold-start.ts <store-url> <mode>`.
//   load  — open the store and load every paper (the store's cold start).
//   serve — open the store and stream every paper into a new search index (as a serving process
//           would, never holding the whole corpus), then time ~200 searches.
// Prints one JSON line.
import { createBotStore } from '../src/store/index.js';
import type { PaperIndex } from '../src/ports.js';
import type { Paper } from '../src/types.js';
import { makeQueries } from './corpus.js';
import { RssSampler } from './rss.js';
import { optionalImport, percentile } from './types.js';

/** What the `load` mode prints. */
export interface LoadResult {
  openMs: number;
  loadMs: number;
  papers: number;
  peakRssMb: number;
}

/** What the `serve` mode prints. */
export interface ServeResult {
  readyMs: number;
  indexMs: number;
  size: number;
  searchP50Ms: number;
  searchP95Ms: number;
  queries: number;
  meanHits: number;
  peakRssMb: number;
}

type SearchModule = { createPaperIndex(papers?: Paper[]): PaperIndex };

const QUERIES = 200;

async function load(url: string): Promise<LoadResult> {
  const rss = new RssSampler();
  const t0 = performance.now();
  const store = await createBotStore(url);
  const opened = performance.now();
  const papers = await store.getPapers(await store.allPaperIds());
  const loaded = performance.now();
  await store.close();
  const result = { openMs: opened - t0, loadMs: loaded - t0, papers: papers.length, peakRssMb: rss.peakMb() };
  rss.stop();
  return result;
}

async function serve(url: string): Promise<ServeResult> {
  const search = await optionalImport<SearchModule>('src/search/paper-index.js');
  if (!search) throw new Error('src/search/paper-index.ts is missing');
  const rss = new RssSampler();
  const t0 = performance.now();
  const store = await createBotStore(url);
  const index = search.createPaperIndex();
  let indexMs = 0;
  const sample: Paper[] = [];
  for await (const batch of store.papersInBatches!(1000)) {
    const t = performance.now();
    index.add(batch);
    indexMs += performance.now() - t;
    rss.sample();
    sample.push(...batch.filter((_, i) => i % 50 === 0));
  }
  const readyMs = performance.now() - t0;
  await store.close();
  // Queries come from a 2% sample of the corpus, so the child need not keep every paper.
  const queries = makeQueries(sample, QUERIES);
  for (const q of queries.slice(0, 10)) index.search(q, { limit: 10 });
  const times: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const s = performance.now();
    hits += index.search(q, { limit: 10 }).length;
    times.push(performance.now() - s);
  }
  const result: ServeResult = {
    readyMs,
    indexMs,
    size: index.size,
    searchP50Ms: percentile(times, 50),
    searchP95Ms: percentile(times, 95),
    queries: QUERIES,
    meanHits: hits / QUERIES,
    peakRssMb: rss.peakMb(),
  };
  rss.stop();
  return result;
}

const [url, mode] = process.argv.slice(2);
if (!url || (mode !== 'load' && mode !== 'serve')) throw new Error('usage: cold-start.ts <store-url> load|serve');
process.stdout.write(`${JSON.stringify(mode === 'load' ? await load(url) : await serve(url))}\n`);
