// Search figures from a fresh serving process: stream the SQLite store into a new index (cold
// start to "ready"), peak RSS, then search latency over ~200 queries.
import { runColdChild } from '../child.js';
import type { ServeResult } from '../cold-start.js';
import { optionalImport, type BenchContext, type BenchSection, type Figure } from '../types.js';

/** Needs src/search/paper-index.ts (createPaperIndex) and the store written by the store section. */
export const searchSection: BenchSection = {
  name: 'search',
  async run(ctx: BenchContext): Promise<Figure[]> {
    if (!(await optionalImport('src/search/paper-index.js'))) {
      return [{ label: 'search', value: 'skipped', note: 'src/search/paper-index.ts not there yet' }];
    }
    const url = ctx.state.get('sqliteUrl') as string | undefined;
    if (!url) return [{ label: 'search', value: 'skipped', note: 'run the store sections first (BENCH_ONLY)' }];
    ctx.progress('search: streaming the store into a new index in a fresh process');
    const { result: r } = await runColdChild<ServeResult>(url, 'serve');
    return [
      { label: `index build (${r.size} papers, streamed in batches of 1000)`, value: r.indexMs / 1000, unit: 's' },
      { label: 'cold start to ready (open + stream + index)', value: r.readyMs / 1000, unit: 's', target: { max: 5 } },
      { label: 'peak RSS of the serving process', value: r.peakRssMb, unit: 'MB', target: { max: 500 } },
      { label: `search p50 (${r.queries} queries, limit 10)`, value: r.searchP50Ms, unit: 'ms' },
      { label: 'search p95', value: r.searchP95Ms, unit: 'ms', target: { max: 25 } },
      { label: 'mean hits per query', value: r.meanHits, unit: '' },
    ];
  },
};
