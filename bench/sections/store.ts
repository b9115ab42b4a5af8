// Store figures: SQLite write throughput and a truly cold start (a fresh child process).
import { join } from 'node:path';
import { createBotStore } from '../../src/store/index.js';
import type { BenchContext, BenchSection, Figure } from '../types.js';
import type { LoadResult } from '../cold-start.js';
import { runColdChild } from '../child.js';

const BATCH = 1000;

/** Fills a SQLite store with the corpus in daily-ingest-sized batches; leaves its URL in state. */
export const storeWriteSection: BenchSection = {
  name: 'store: SQLite writes',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const url = `sqlite://${join(ctx.tmpDir, 'bench.sqlite')}`;
    const store = await createBotStore(url);
    const papers = ctx.papers;
    const t0 = performance.now();
    for (let i = 0; i < papers.length; i += BATCH) {
      await store.upsertPapers(papers.slice(i, i + BATCH));
      if ((i / BATCH) % 20 === 0) ctx.progress(`store: ${i + BATCH} papers written`);
    }
    const fillMs = performance.now() - t0;
    // A daily ingest into the full store: 1,000 papers seen before with new signals.
    const again = papers.slice(-BATCH).map((p) => ({ ...p, signals: { ...p.signals, upvotes: (p.signals.upvotes ?? 0) + 1 } }));
    const t1 = performance.now();
    await store.upsertPapers(again);
    const updateMs = performance.now() - t1;
    const t2 = performance.now();
    await store.upsertPapers(again);
    const unchangedMs = performance.now() - t2;
    await store.close();
    ctx.state.set('sqliteUrl', url);
    return [
      { label: `write ${papers.length} papers (batches of ${BATCH})`, value: fillMs / 1000, unit: 's' },
      { label: 'write throughput', value: Math.round(papers.length / (fillMs / 1000)), unit: 'papers/s' },
      { label: `upsert ${BATCH} changed papers into full store`, value: updateMs, unit: 'ms' },
      { label: `upsert ${BATCH} unchanged papers`, value: unchangedMs, unit: 'ms' },
    ];
  },
};

/** Opens the filled SQLite store in a fresh process and loads every paper. */
export const coldStartSection: BenchSection = {
  name: 'store: cold start',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const url = ctx.state.get('sqliteUrl') as string | undefined;
    if (!url) return [{ label: 'cold start', value: 'skipped', note: 'no SQLite store was written' }];
    ctx.progress('cold start: loading the store in a fresh process');
    const { result, wallMs } = await runColdChild<LoadResult>(url, 'load');
    return [
      { label: 'open store', value: result.openMs, unit: 'ms' },
      { label: `open + load all ${result.papers} papers`, value: result.loadMs / 1000, unit: 's', target: { max: 5 } },
      { label: 'peak RSS holding all papers', value: result.peakRssMb, unit: 'MB' },
      { label: 'child wall time (incl. node + tsx start)', value: wallMs / 1000, unit: 's' },
    ];
  },
};
