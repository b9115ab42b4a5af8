// Runs the corpus contract against PostgreSQL when PAPERBOT_TEST_POSTGRES_URL is set
// (e.g. postgres://paperbot:paperbot@127.0.0.1:5433/paperbot_test). Each test gets its own schema,
// dropped afterwards, so nothing else in that database is touched.
import { describe, expect, it } from 'vitest';
import pg, { type PoolClient } from 'pg';
import { openPostgresCorpus } from '../../src/corpus/postgres-corpus.js';
import { CorpusError } from '../../src/corpus/index.js';
import { MIGRATIONS } from '../../src/corpus/postgres/schema.js';
import { migrate } from '../../src/corpus/postgres/migrate.js';
import { UPSERT_LOCK } from '../../src/corpus/postgres/statements.js';
import type { Logger } from '../../src/ports.js';
import { corpusContract, paper } from './contract.js';

const url = process.env.PAPERBOT_TEST_POSTGRES_URL;
let serial = 0;

/** A URL for a fresh schema, and a way to drop it. */
export function freshSchema(base: string): { url: string; drop(): Promise<void> } {
  const schema = `corpus_test_${process.pid}_${Date.now().toString(36)}_${serial++}`;
  const u = new URL(base);
  u.searchParams.set('schema', schema);
  return {
    url: u.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

describe.runIf(url)('postgres corpus', () => {
  corpusContract('postgres', async () => {
    const { url: schemaUrl, drop } = freshSchema(url!);
    return { open: () => openPostgresCorpus(schemaUrl), dispose: drop };
  });
});

/** A logger that keeps what it was told. */
function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (msg: string, fields?: object) => void lines.push(`${msg} ${JSON.stringify(fields ?? {})}`);
  const logger = { lines, debug: log, info: log, warn: log, error: log, child: () => logger };
  return logger;
}

describe('postgres corpus: unreachable server', () => {
  it('says plainly that PostgreSQL is unreachable, naming host and database but not the password', async () => {
    const err = await openPostgresCorpus('postgres://paperbot:hunter2secret@127.0.0.1:1/papers_db', { connectTimeoutMs: 2000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusError);
    const message = (err as Error).message;
    expect(message).toMatch(/PostgreSQL at postgres:\/\/127\.0\.0\.1:1\/papers_db is unreachable/);
    expect(message).not.toContain('hunter2secret');
    expect(message).not.toContain('paperbot:');
  });

  it('rejects a schema name that is not a plain identifier', async () => {
    await expect(openPostgresCorpus('postgres://u:p@127.0.0.1:1/db?schema=x;drop')).rejects.toThrow(/schema/);
  });
});

describe.runIf(url)('postgres corpus: server-side faults and migrations', () => {
  it('a database that does not exist is named in a plain error, with no credentials', async () => {
    const u = new URL(url!);
    u.pathname = '/paperbot_no_such_database';
    const err = await openPostgresCorpus(u.toString()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusError);
    expect((err as Error).message).toMatch(/PostgreSQL at postgres:\/\/[^@\s]+\/paperbot_no_such_database refused the corpus connection/);
    expect((err as Error).message).not.toMatch(/:\/\/[^/\s]*@/);
  });

  it('survives the server killing its connections, and the next query works', async () => {
    const { url: schemaUrl, drop } = freshSchema(url!);
    const appName = `corpus_fault_${process.pid}_${Date.now()}`;
    const u = new URL(schemaUrl);
    u.searchParams.set('application_name', appName);
    const logger = recordingLogger();
    const corpus = await openPostgresCorpus(u.toString(), { logger, maxConnections: 2 });
    const killer = new pg.Client({ connectionString: url });
    await killer.connect();
    const killAll = async () =>
      (await killer.query<{ n: number }>(
        'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1',
        [appName],
      )).rows[0]!.n;
    try {
      await corpus.upsertPapers([paper('2401.00001', { title: 'Survivor' })]);
      await Promise.all([corpus.count(), corpus.search('survivor')]);
      expect(await killAll()).toBeGreaterThan(0);
      // The idle connections' close arrives as pool 'error' events; unhandled, they would crash.
      await expect.poll(() => logger.lines.some((l) => l.includes('dropped an idle connection')), { timeout: 5000 }).toBe(true);
      expect((await corpus.search('survivor')).map((h) => h.id)).toEqual(['2401.00001']);
      // Killed again and queried at once, before the close events are in: still answers.
      await corpus.count();
      await killAll();
      expect(await corpus.count()).toBe(1);
      expect((await corpus.upsertPapers([paper('2401.00002')])).added).toBe(1);
      expect(logger.lines.join('\n')).not.toMatch(/:\/\/[^/\s]*@/);
    } finally {
      await killer.end();
      await corpus.close();
      await drop();
    }
  });

  it('a backend killed inside an upsert transaction fails that upsert plainly, and the next one works', async () => {
    const { url: schemaUrl, drop } = freshSchema(url!);
    const appName = `corpus_txfault_${process.pid}_${Date.now()}`;
    const u = new URL(schemaUrl);
    u.searchParams.set('application_name', appName);
    const corpus = await openPostgresCorpus(u.toString(), { maxConnections: 1 });
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      // Hold the writers' lock so the corpus's upsert waits inside its transaction.
      await holder.query('SELECT pg_advisory_lock($1)', [UPSERT_LOCK]);
      const pending = corpus.upsertPapers([paper('2401.00001')]).then(
        () => 'resolved',
        (err: unknown) => err,
      );
      await expect
        .poll(async () => (await holder.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [appName])).rows[0].n, { timeout: 5000 })
        .toBe(1);
      await holder.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [appName]);
      const outcome = await pending;
      expect(outcome).toBeInstanceOf(CorpusError);
      expect((outcome as Error).message).toMatch(/upsert papers/);
      await holder.query('SELECT pg_advisory_unlock($1)', [UPSERT_LOCK]);
      expect((await corpus.upsertPapers([paper('2401.00001')])).added).toBe(1);
      expect(await corpus.count()).toBe(1);
    } finally {
      await holder.end();
      await corpus.close();
      await drop();
    }
  });

  it('migrates once when several instances open a new schema at the same time, and again is a no-op', async () => {
    const { url: schemaUrl, drop } = freshSchema(url!);
    try {
      const corpora = await Promise.all([1, 2, 3, 4].map(() => openPostgresCorpus(schemaUrl)));
      await corpora[0]!.upsertPapers([paper('2401.00001')]);
      for (const c of corpora) await c.close();
      const again = await openPostgresCorpus(schemaUrl);
      expect(await again.count()).toBe(1);
      await again.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const schema = new URL(schemaUrl).searchParams.get('schema');
      const { rows } = await client.query(`SELECT version FROM "${schema}".corpus_migrations ORDER BY version`);
      await client.end();
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await drop();
    }
  });

  it('upgrades a version-1 corpus in place: papers kept, the tsvector statistics target lowered', async () => {
    const { url: schemaUrl, drop } = freshSchema(url!);
    const schema = new URL(schemaUrl).searchParams.get('schema')!;
    const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      const statisticsTarget = async () =>
        (await client.query<{ t: number }>(
          "SELECT attstattarget::int AS t FROM pg_attribute WHERE attrelid = 'corpus_papers'::regclass AND attname = 'search'",
        )).rows[0]!.t;
      expect(await migrate(client as unknown as PoolClient, { schema, migrations: MIGRATIONS.filter((m) => m.version === 1) })).toEqual([1]);
      await client.query(
        "INSERT INTO corpus_papers (id, listed_on, title, paper) VALUES ('2401.00001', '2024-01-10', 'Sparse attention', '{\"id\":\"2401.00001\",\"title\":\"Sparse attention\"}')",
      );
      expect(await statisticsTarget()).toBe(1000);
      const corpus = await openPostgresCorpus(schemaUrl);
      try {
        expect((await corpus.search('sparse attention')).map((h) => h.id)).toEqual(['2401.00001']);
      } finally {
        await corpus.close();
      }
      expect(await statisticsTarget()).toBe(100);
      const { rows } = await client.query('SELECT version FROM corpus_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await client.end();
      await drop();
    }
  });
});
