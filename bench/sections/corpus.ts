// Corpus figures (issue 10) on SQLite and, when PAPERBOT_BENCH_POSTGRES_URL is set, on Postgres:
// search p95 over 200 queries, ingest of 1,000 new papers in one call, and a fresh process's
// open-to-ready time and peak RSS on the full corpus next to the same on a 1,000-paper one
// (nothing may load the whole corpus, so the two should cost about the same).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import type { PaperCorpus } from '../../src/ports.js';
import type { Paper } from '../../src/types.js';
import { makeQueries } from '../corpus.js';
import type { CorpusColdResult } from '../corpus-cold.js';
import { optionalImport, percentile, type BenchContext, type BenchSection, type Figure } from '../types.js';

const ROOT = join(import.meta.dirname, '..', '..');
const INGEST = 1000;
const QUERIES = 200;
const LOAD_BATCH = 5000;
const SMALL = 1000;

type CorpusIndex = { openCorpus(url: string): Promise<PaperCorpus> };

/** Opens a corpus URL through the app's openCorpus when it exists, else Postgres directly. */
export async function openBenchCorpus(url: string): Promise<PaperCorpus> {
  const index = await optionalImport<CorpusIndex>('src/corpus/index.js');
  if (index) return index.openCorpus(url);
  if (!/^postgres(ql)?:/.test(url)) throw new Error(`no corpus for ${url} yet (src/corpus/index.ts is missing)`);
  const { openPostgresCorpus } = await import('../../src/corpus/postgres-corpus.js');
  return openPostgresCorpus(url);
}

/** One backend under test: URLs for a full and a small corpus, and how to clean up. */
interface Backend {
  name: string;
  fullUrl: string;
  smallUrl: string;
  /** What the database's own housekeeping would do shortly after a bulk load, timed. */
  settle?(): Promise<Figure>;
  dispose(): Promise<void>;
}

function sqliteBackend(ctx: BenchContext): Backend {
  return {
    name: 'sqlite',
    fullUrl: `sqlite://${join(ctx.tmpDir, 'corpus-full.sqlite')}`,
    smallUrl: `sqlite://${join(ctx.tmpDir, 'corpus-small.sqlite')}`,
    dispose: async () => undefined,
  };
}

function postgresBackend(base: string): Backend {
  const schemas = [`bench_full_${process.pid}`, `bench_small_${process.pid}`];
  const withSchema = (schema: string) => {
    const u = new URL(base);
    u.searchParams.set('schema', schema);
    return u.toString();
  };
  return {
    name: 'postgres',
    fullUrl: withSchema(schemas[0]!),
    smallUrl: withSchema(schemas[1]!),
    // Autovacuum analyzes and vacuums a table within about a minute of a bulk load; without the
    // lexeme statistics the planner misjudges common words, so measure as the app would run.
    async settle() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        const t = performance.now();
        await client.query(`VACUUM ANALYZE "${schemas[0]}".corpus_papers`);
        return { label: 'postgres: VACUUM ANALYZE after the bulk load (autovacuum does it within a minute)', value: (performance.now() - t) / 1000, unit: 's' };
      } finally {
        await client.end();
      }
    },
    async dispose() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

async function load(corpus: PaperCorpus, papers: Paper[]): Promise<void> {
  for (let i = 0; i < papers.length; i += LOAD_BATCH) await corpus.upsertPapers(papers.slice(i, i + LOAD_BATCH));
}

function coldChild(url: string, query: string): Promise<CorpusColdResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/run-ts.mjs', 'bench/corpus-cold.ts', url, query], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`corpus-cold child exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as CorpusColdResult);
    });
  });
}

async function measure(ctx: BenchContext, backend: Backend): Promise<Figure[]> {
  const n = ctx.papers.length;
  const existing = ctx.papers.slice(0, Math.max(0, n - INGEST));
  const fresh = ctx.papers.slice(Math.max(0, n - INGEST));
  const queries = makeQueries(ctx.papers, QUERIES);
  const label = (s: string) => `${backend.name}: ${s}`;
  const figures: Figure[] = [];

  const corpus = await openBenchCorpus(backend.fullUrl);
  try {
    ctx.progress(`${backend.name}: loading ${existing.length} papers`);
    const t0 = performance.now();
    await load(corpus, existing);
    const loadS = (performance.now() - t0) / 1000;
    figures.push({ label: label(`load ${existing.length} papers in batches of ${LOAD_BATCH}`), value: loadS, unit: 's', note: `${Math.round(existing.length / loadS)} papers/s` });

    if (backend.settle) figures.push(await backend.settle());

    const t1 = performance.now();
    const ingest = await corpus.upsertPapers(fresh);
    figures.push({ label: label(`ingest ${fresh.length} new papers (one upsertPapers, ${ingest.added} added)`), value: (performance.now() - t1) / 1000, unit: 's', target: { max: 1 } });

    for (const q of queries.slice(0, 10)) await corpus.search(q, { limit: 10 });
    const times: number[] = [];
    let hits = 0;
    for (const q of queries) {
      const s = performance.now();
      hits += (await corpus.search(q, { limit: 10 })).length;
      times.push(performance.now() - s);
    }
    figures.push(
      { label: label(`search p50 over ${QUERIES} queries (limit 10)`), value: percentile(times, 50), unit: 'ms' },
      { label: label(`search p95 over ${QUERIES} queries (limit 10)`), value: percentile(times, 95), unit: 'ms', target: { max: 5 } },
      { label: label('search worst'), value: Math.max(...times), unit: 'ms' },
      { label: label('mean hits per query'), value: hits / QUERIES, unit: '' },
    );
  } finally {
    await corpus.close();
  }

  const small = await openBenchCorpus(backend.smallUrl);
  try {
    await load(small, ctx.papers.slice(-SMALL));
  } finally {
    await small.close();
  }
  const query = queries[1] ?? 'language models';
  for (const [name, url] of [[`${n}`, backend.fullUrl], [`${SMALL}`, backend.smallUrl]] as const) {
    ctx.progress(`${backend.name}: fresh process on ${name} papers`);
    const r = await coldChild(url, query);
    figures.push(
      { label: label(`fresh process on ${r.papers} papers: open + one search`), value: r.readyMs / 1000, unit: 's', target: { max: 0.5 } },
      { label: label(`fresh process on ${r.papers} papers: of which first search`), value: r.firstSearchMs, unit: 'ms' },
      { label: label(`fresh process on ${r.papers} papers: peak RSS`), value: r.peakRssMb, unit: 'MB', target: { max: 200 } },
    );
  }
  return figures;
}

/** SQLite always (once src/corpus/index.ts exists); Postgres when PAPERBOT_BENCH_POSTGRES_URL is set. */
export const corpusSection: BenchSection = {
  name: 'corpus',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const backends: Backend[] = [];
    if (await optionalImport('src/corpus/sqlite-corpus.js')) backends.push(sqliteBackend(ctx));
    const pgUrl = process.env.PAPERBOT_BENCH_POSTGRES_URL;
    if (pgUrl) backends.push(postgresBackend(pgUrl));
    const figures: Figure[] = [];
    if (!pgUrl) figures.push({ label: 'postgres', value: 'skipped', note: 'set PAPERBOT_BENCH_POSTGRES_URL' });
    for (const backend of backends) {
      try {
        figures.push(...(await measure(ctx, backend)));
      } finally {
        await backend.dispose();
      }
    }
    return figures;
  },
};
