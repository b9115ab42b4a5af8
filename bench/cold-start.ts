// Child process for cold figures, run fresh so nothing is warm: `cold-start.ts <store-url> <mode>`.
//   load  — open the store and load every paper (the store's cold start).
//   serve — open the store and load the search index as the app does (loadIndexFromStore: a saved
//           snapshot plus the papers changed since, else every paper streamed in and a snapshot
//           saved), then time the searches in the JSON file given as third argument (made by the
//           parent, so query generation is not counted in the serving process's memory).
// Prints one JSON line.
import { createBotStore } from '../src/store/index.js';
import type { PaperIndex } from '../src/ports.js';
import type { Paper } from '../src/types.js';
import { readFileSync } from 'node:fs';
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
  /** 'snapshot' or 'rebuilt', and how many changed papers were re-read. */
  source: string;
  changed: number;
  /** Time spent saving a snapshot after the index was ready (0 when none was saved). */
  saveMs: number;
  size: number;
  searchP50Ms: number;
  searchP95Ms: number;
  queries: number;
  meanHits: number;
  peakRssMb: number;
}

type SearchModule = { createPaperIndex(papers?: Paper[]): PaperIndex };
type LoadReport = { source: string; changed: number; readyMs: number };
type LoadModule = {
  loadIndexFromStore(store: unknown, index: PaperIndex, batchSize?: number, options?: { onReport?: (r: LoadReport) => void }): Promise<number>;
};

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

async function serve(url: string, queryFile: string): Promise<ServeResult> {
  const search = await optionalImport<SearchModule>('src/search/paper-index.js');
  if (!search) throw new Error('src/search/paper-index.ts is missing');
  const loader = await optionalImport<LoadModule>('src/search/load-index.js');
  if (!loader) throw new Error('src/search/load-index.ts is missing');
  const rss = new RssSampler();
  const t0 = performance.now();
  const store = await createBotStore(url);
  const openMs = performance.now() - t0;
  const index = search.createPaperIndex();
  let report: LoadReport | undefined;
  await loader.loadIndexFromStore(store, index, 1000, { onReport: (r) => (report = r) });
  const doneMs = performance.now() - t0;
  rss.sample();
  // Ready when the index is complete; a snapshot saved after that is reported on its own.
  const readyMs = report ? openMs + report.readyMs : doneMs;
  await store.close();
  const queries = JSON.parse(readFileSync(queryFile, 'utf8')) as string[];
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
    source: report?.source ?? 'unknown',
    changed: report?.changed ?? 0,
    saveMs: doneMs - readyMs,
    size: index.size,
    searchP50Ms: percentile(times, 50),
    searchP95Ms: percentile(times, 95),
    queries: queries.length,
    meanHits: hits / queries.length,
    peakRssMb: rss.peakMb(),
  };
  rss.stop();
  return result;
}

const [url, mode, queryFile] = process.argv.slice(2);
if (!url || (mode !== 'load' && mode !== 'serve') || (mode === 'serve' && !queryFile)) {
  throw new Error('usage: cold-start.ts <store-url> load | serve <queries.json>');
}
process.stdout.write(`${JSON.stringify(mode === 'load' ? await load(url) : await serve(url, queryFile!))}\n`);
