// Search figures from fresh serving processes, each loading the index from the SQLite store as
// the app does (src/search/load-index.ts), in the three situations a bot meets:
//   1. first start: no snapshot saved yet, every paper is analyzed (then a snapshot is saved);
//   2. restart: the snapshot is current;
//   3. restart after a day's ingest: the snapshot plus 1,000 papers written since.
// Then search latency over 200 queries in the last process.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runColdChild } from '../child.js';
import { makeQueries } from '../corpus.js';
import type { ServeResult } from '../cold-start.js';
import { createBotStore } from '../../src/store/index.js';
import { optionalImport, type BenchContext, type BenchSection, type Figure } from '../types.js';

const INGEST = 1000;
const QUERIES = 200;

/** A day's ingest into the full store: the newest papers again, with new text and signals. */
async function ingestDay(ctx: BenchContext, url: string): Promise<void> {
  const store = await createBotStore(url);
  try {
    const day = ctx.papers.slice(-INGEST).map((p) => ({
      ...p,
      version: (p.version ?? 1) + 1,
      abstract: `${p.abstract} We also release code.`,
      signals: { ...p.signals, upvotes: (p.signals.upvotes ?? 0) + 2 },
    }));
    await store.upsertPapers(day);
  } finally {
    await store.close();
  }
}

function startFigures(name: string, r: ServeResult, target: boolean): Figure[] {
  const how = r.source === 'snapshot' ? `snapshot + ${r.changed} changed papers` : 'every paper analyzed';
  return [
    { label: `${name}: to ready (${how})`, value: r.readyMs / 1000, unit: 's', target: target ? { max: 5 } : undefined },
    { label: `${name}: peak RSS`, value: r.peakRssMb, unit: 'MB', target: target ? { max: 500 } : undefined },
    { label: `${name}: then saving a snapshot`, value: r.saveMs / 1000, unit: 's' },
  ];
}

/** Needs src/search/paper-index.ts (createPaperIndex) and the store written by the store section. */
export const searchSection: BenchSection = {
  name: 'search',
  async run(ctx: BenchContext): Promise<Figure[]> {
    if (!(await optionalImport('src/search/paper-index.js'))) {
      return [{ label: 'search', value: 'skipped', note: 'src/search/paper-index.ts not there yet' }];
    }
    const url = ctx.state.get('sqliteUrl') as string | undefined;
    if (!url) return [{ label: 'search', value: 'skipped', note: 'run the store sections first (BENCH_ONLY)' }];
    // Queries from a 2% sample of the corpus, made here so the serving processes only search.
    const queryFile = join(ctx.tmpDir, 'queries.json');
    writeFileSync(queryFile, JSON.stringify(makeQueries(ctx.papers.filter((_, i) => i % 50 === 0), QUERIES)));
    ctx.progress('search: first start (no snapshot) in a fresh process');
    const { result: first } = await runColdChild<ServeResult>(url, 'serve', queryFile);
    ctx.progress('search: restart with the snapshot');
    const { result: again } = await runColdChild<ServeResult>(url, 'serve', queryFile);
    ctx.progress(`search: ingest ${INGEST} changed papers, restart`);
    await ingestDay(ctx, url);
    const { result: r } = await runColdChild<ServeResult>(url, 'serve', queryFile);
    return [
      ...startFigures('first start', first, false),
      ...startFigures('restart', again, true),
      ...startFigures(`restart after ingesting ${INGEST}`, r, true),
      { label: `search p50 (${r.queries} queries, limit 10)`, value: r.searchP50Ms, unit: 'ms' },
      { label: 'search p95', value: r.searchP95Ms, unit: 'ms', target: { max: 25 } },
      { label: 'mean hits per query', value: r.meanHits, unit: '' },
      { label: 'first start: search p95', value: first.searchP95Ms, unit: 'ms', target: { max: 25 } },
    ];
  },
};
