// Child process for the corpus section: `corpus-cold.ts <corpus-url> <query>`. Opens the corpus
// as a fresh process would (module load included), runs one search, prints one JSON line.
import { RssSampler } from './rss.js';
import { openBenchCorpus } from './sections/corpus.js';

/** What the child prints. */
export interface CorpusColdResult {
  /** From before loading the corpus module to the first search's answer. */
  readyMs: number;
  openMs: number;
  firstSearchMs: number;
  hits: number;
  papers: number;
  peakRssMb: number;
}

const [url, query] = process.argv.slice(2);
if (!url || !query) throw new Error('usage: corpus-cold.ts <corpus-url> <query>');
const rss = new RssSampler(5);
const t0 = performance.now();
const corpus = await openBenchCorpus(url);
const opened = performance.now();
const hits = await corpus.search(query, { limit: 10 });
const ready = performance.now();
rss.sample();
const result: CorpusColdResult = {
  readyMs: ready - t0,
  openMs: opened - t0,
  firstSearchMs: ready - opened,
  hits: hits.length,
  papers: await corpus.count(),
  peakRssMb: rss.peakMb(),
};
await corpus.close();
rss.stop();
process.stdout.write(`${JSON.stringify(result)}\n`);
