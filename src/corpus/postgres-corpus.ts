// The paper corpus in PostgreSQL: one row per canonical paper with a weighted tsvector (GIN),
// stored full texts and their searchable chunks. For several hosts sharing one corpus.
import type { Pool, PoolClient } from 'pg';
import type { ChunkHit, FullText, Logger, PaperCorpus, SearchHit } from '../ports.js';
import type { Paper } from '../types.js';
import { InputError } from '../errors.js';
import { silentLogger } from '../logger.js';
import { describeConnectFailure, postgresTarget, stripCredentials } from './postgres/connection.js';
import { migrate } from './postgres/migrate.js';
import { fullTextFromRow, paperColumns, validDay, withoutNul, type FullTextRow } from './postgres/rows.js';
import * as sql from './postgres/statements.js';
import { chunkSections } from './chunk.js';
import { CorpusError } from './corpus-error.js';
import { queryWords } from './fts-words.js';
import { HitList, searchLimit, MIN_PREFIX } from './search-hits.js';
import { canonicalPaper, mergePaper } from './merge.js';

/** Tuning for tests and benchmarks; the defaults suit a bot process. */
export interface PostgresCorpusOptions {
  logger?: Logger;
  /** Most connections this process holds (default 4). */
  maxConnections?: number;
  /** How long to wait for a connection before failing (default 5,000 ms). */
  connectTimeoutMs?: number;
}

const DEFAULT_LIST_LIMIT = 5000;
/** A word in more papers than this share counts as this common (a cheap upper bound). */
const DF_CAP_SHARE = 0.2;

/** A word as a tsquery operand: queryWords leaves letters and digits only, so quoting is enough. */
const operand = (word: string): string => `'${word.replace(/'/g, "''")}'`;

/**
 * Opens (and migrates) the corpus at a `postgres://` or `postgresql://` URL; `?schema=name`
 * keeps its tables in that schema. Rejects with CorpusError naming host and database (never
 * the password) when the server cannot be reached or the schema cannot be prepared.
 */
export async function openPostgresCorpus(url: string, options: PostgresCorpusOptions = {}): Promise<PaperCorpus> {
  const logger = (options.logger ?? silentLogger).child({ component: 'corpus' });
  let target: ReturnType<typeof postgresTarget>;
  try {
    target = postgresTarget(url);
  } catch (err) {
    throw new CorpusError(`PAPERBOT_CORPUS_URL: ${(err as Error).message}`);
  }
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.maxConnections ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    application_name: 'paperbot-corpus',
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  // An idle connection the server drops (restart, pg_terminate_backend, network) must not crash
  // the process: the pool discards it and the next query opens a new one.
  pool.on('error', (err) => logger.warn('corpus: PostgreSQL dropped an idle connection', { location: target.location, error: stripCredentials(err.message) }));
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new CorpusError(describeConnectFailure(target.location, err));
  }
  try {
    const applied = await migrate(client, { schema: target.schema });
    if (applied.length) logger.info('corpus: migrated', { location: target.location, versions: applied });
  } catch (err) {
    client.release(err as Error);
    await pool.end().catch(() => undefined);
    throw new CorpusError(`could not prepare the corpus tables at ${target.location}: ${stripCredentials((err as Error).message)}`);
  }
  client.release();
  return new PostgresCorpus(pool, target.location, logger);
}

/** SQLSTATEs of a backend the server shut down or terminated, and socket-level failures. */
const LOST_CONNECTION_STATES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006']);

function connectionLost(err: unknown): boolean {
  const code = (err as { code?: string } | undefined)?.code;
  if (code && (LOST_CONNECTION_STATES.has(code) || /^E[A-Z]+$/.test(code))) return true;
  return err instanceof Error && /Connection terminated|not queryable|Client was closed/i.test(err.message);
}

class PostgresCorpus implements PaperCorpus {
  private closed = false;
  private indexMerge: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    readonly location: string,
    private readonly logger: Logger,
  ) {}

  async upsertPapers(papers: Paper[]): Promise<{ added: number; updated: number; changedIds: string[] }> {
    const incoming = papers.filter((p) => p?.id).map((p) => withoutNul(p));
    if (incoming.length === 0) return { added: 0, updated: 0, changedIds: [] };
    const result = await this.transaction('upsert papers', async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [sql.UPSERT_LOCK]);
      const { rows } = await client.query<{ id: string; paper: Paper }>(
        'SELECT id, paper FROM corpus_papers WHERE id = ANY($1::text[])',
        [[...new Set(incoming.map((p) => p.id))]],
      );
      // Merged in batch order, exactly as one upsert after another would: the same merge as
      // every corpus (src/corpus/merge.ts), then one multi-row write of what changed.
      const stored = new Map(rows.map((r) => [r.id, JSON.stringify(canonicalPaper(r.paper))]));
      const current = new Map<string, Paper>();
      for (const p of incoming) {
        const before = current.get(p.id) ?? (stored.has(p.id) ? (JSON.parse(stored.get(p.id)!) as Paper) : undefined);
        current.set(p.id, before ? mergePaper(before, p) : canonicalPaper(p));
      }
      const writes = [...current.values()].filter((p) => JSON.stringify(p) !== stored.get(p.id));
      if (writes.length) {
        const c = paperColumns(writes);
        await client.query(sql.UPSERT_PAPERS, [c.ids, c.listedOn, c.titles, c.authors, c.abstracts, c.json]);
      }
      const added = writes.filter((p) => !stored.has(p.id)).length;
      return { added, updated: writes.length - added, changedIds: writes.map((p) => p.id) };
    });
    if (result.changedIds.length) this.mergeSearchIndexSoon();
    return result;
  }

  /**
   * Merges the GIN pending list (the entries fastupdate queued) into the index in the background,
   * so the next ingest does not pay for it inline and searches do not scan a long list. One at a
   * time; a failure only means autovacuum does it later.
   */
  private mergeSearchIndexSoon(): void {
    if (this.indexMerge || this.closed) return;
    this.indexMerge = this.pool
      .query(sql.MERGE_PENDING_SEARCH_ENTRIES)
      .then(
        () => undefined,
        (err: Error) => this.logger.debug('corpus: background index merge failed', { location: this.location, error: stripCredentials(err.message) }),
      )
      .finally(() => (this.indexMerge = undefined));
  }

  async getPaper(id: string): Promise<Paper | undefined> {
    return (await this.getPapers([id]))[0];
  }

  async getPapers(ids: string[]): Promise<Paper[]> {
    if (ids.length === 0) return [];
    const rows = await this.query<{ id: string; paper: Paper }>('get papers', 'SELECT id, paper FROM corpus_papers WHERE id = ANY($1::text[])', [
      [...new Set(ids)],
    ]);
    const byId = new Map(rows.map((r) => [r.id, r.paper]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  async papersListedBetween(since: string, until?: string, limit = DEFAULT_LIST_LIMIT): Promise<Paper[]> {
    const from = validDay(since);
    if (!from) throw new InputError(`papersListedBetween: "${since}" is not a YYYY-MM-DD day`);
    const to = until === undefined ? null : validDay(until);
    if (to === undefined) throw new InputError(`papersListedBetween: "${until}" is not a YYYY-MM-DD day`);
    const rows = await this.query<{ paper: Paper }>('list papers', sql.PAPERS_LISTED_BETWEEN, [from, to, limit]);
    return rows.map((r) => r.paper);
  }

  /**
   * The SQLite corpus's rules, so both answer alike: every query word must match (whole, after
   * stemming); the last word also as a prefix only when no paper has it whole (someone is still
   * typing it: a prefix of a common stem such as 'valu':* spans a tenth of the corpus); when that
   * finds fewer than `limit` papers, papers with any of the query's rare words (in fewer than
   * RANK_WINDOW papers) fill the list: a paper that merely has "model" is no match for
   * "model distillation". A query matching more than RANK_WINDOW papers ranks the newest of them.
   */
  async search(query: string, options: { limit?: number; ids?: string[]; since?: string } = {}): Promise<SearchHit[]> {
    const words = queryWords(query);
    const limit = searchLimit(options.limit);
    if (words.length === 0 || options.ids?.length === 0) return [];
    const list = new HitList(limit);
    // Every word whole first: when that fills the list (most queries) nothing else is asked.
    // Otherwise each word's paper count decides the rest, counted only up to RANK_WINDOW (the
    // planner reads a common word's first matches in table order, a rare one's through the index).
    const all = words.map(operand).join(' & ');
    list.add(await this.searchQuery(all, limit, options));
    if (list.full) return list.hits;
    const df = await this.countUpToWindow(words);
    const rare = words.filter((_, i) => df[i]! < sql.RANK_WINDOW);
    if (df.at(-1) === 0 && words.at(-1)!.length >= MIN_PREFIX) {
      list.add(await this.searchQuery(`${all}:*`, limit + list.hits.length, options));
    }
    if (!list.full && words.length > 1 && rare.length > 0) {
      list.add(await this.searchQuery(rare.map(operand).join(' | '), limit + list.hits.length, options));
    }
    return list.hits;
  }

  /** How many papers have each word (stemmed), counting at most RANK_WINDOW per word. */
  private async countUpToWindow(words: string[]): Promise<number[]> {
    const rows = await this.query<{ i: number; df: number }>('count query words', sql.documentFrequencySql(words.length), [...words, sql.RANK_WINDOW]);
    const df = words.map(() => 0);
    for (const r of rows) df[r.i] = r.df;
    return df;
  }

  private async searchQuery(tsquery: string, limit: number, options: { ids?: string[]; since?: string }): Promise<SearchHit[]> {
    const ids = options.ids ? [...new Set(options.ids)] : null;
    const since = options.since === undefined ? null : (validDay(options.since.slice(0, 10)) ?? null);
    const rows = await this.query<{ id: string; score: number; terms: string[] }>('search papers', sql.SEARCH_PAPERS, [tsquery, ids, since, limit]);
    return rows.map((r) => ({ id: r.id, score: Number(r.score), terms: r.terms }));
  }

  async idsWithPrefix(prefix: string, limit: number): Promise<string[]> {
    const pattern = `${prefix.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
    const rows = await this.query<{ id: string }>('ids with prefix', sql.IDS_WITH_PREFIX, [pattern, limit]);
    return rows.map((r) => r.id);
  }

  async count(): Promise<number> {
    const rows = await this.query<{ n: number }>('count', 'SELECT count(*)::int AS n FROM corpus_papers', []);
    return rows[0]?.n ?? 0;
  }

  async documentFrequencies(words: string[]): Promise<{ papers: number; df: Map<string, number> }> {
    const papers = await this.count();
    const counted = [...new Set(words)].filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (counted.length === 0) return { papers, df: new Map() };
    const cap = Math.max(1_000, Math.ceil(papers * DF_CAP_SHARE));
    const rows = await this.query<{ i: number; df: number }>('document frequencies', sql.documentFrequencySql(counted.length), [
      ...counted.map((w) => w.replace(/\0/g, '')),
      cap,
    ]);
    return { papers, df: new Map(rows.map((r) => [counted[r.i]!, r.df])) };
  }

  async getFullText(paperId: string): Promise<FullText | undefined> {
    const rows = await this.query<FullTextRow>('get full text', 'SELECT * FROM corpus_full_texts WHERE paper_id = $1', [paperId]);
    return rows[0] ? fullTextFromRow(rows[0]) : undefined;
  }

  async saveFullText(text: FullText): Promise<void> {
    const clean = withoutNul(text);
    const chunks = chunkSections(clean.sections);
    await this.transaction('save full text', async (client) => {
      await client.query(sql.UPSERT_FULL_TEXT, [
        clean.paperId,
        clean.version ?? null,
        clean.origin,
        clean.note ?? null,
        clean.fetchedAt,
        JSON.stringify(clean.sections),
      ]);
      await client.query('DELETE FROM corpus_chunks WHERE paper_id = $1', [clean.paperId]);
      if (chunks.length === 0) return;
      await client.query(sql.INSERT_CHUNKS, [
        clean.paperId,
        chunks.map((c) => c.chunk),
        chunks.map((c) => c.section),
        chunks.map((c) => JSON.stringify(c.headings)),
        chunks.map((c) => c.anchor ?? null),
        chunks.map((c) => c.text),
        chunks.map((c) => c.headings.join(' ')),
      ]);
    });
  }

  async searchChunks(paperIds: string[], query: string, limit: number): Promise<ChunkHit[]> {
    const ids = [...new Set(paperIds)];
    const words = queryWords(query);
    if (ids.length === 0 || words.length === 0) return [];
    type Row = { paper_id: string; chunk: number; section: number; headings: string[]; anchor: string | null; text: string; score: number };
    const rows = await this.query<Row>('search chunks', sql.SEARCH_CHUNKS, [ids, words.map(operand).join(' | '), Math.max(1, limit)]);
    return rows.map((r) => ({
      paperId: r.paper_id,
      section: r.section,
      chunk: r.chunk,
      headings: r.headings,
      ...(r.anchor !== null ? { anchor: r.anchor } : {}),
      text: r.text,
      score: Number(r.score),
    }));
  }

  async ping(): Promise<void> {
    await this.query('ping', 'SELECT 1', []);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.indexMerge;
    await this.pool.end();
  }

  /**
   * One read-only statement on any pooled connection; failures become CorpusError naming the
   * operation. A connection the server dropped just before (restart, terminated backend) is
   * retried once on a fresh one: the pool may hand it out before its close event arrives.
   */
  private async query<R extends object>(op: string, text: string, params: unknown[]): Promise<R[]> {
    if (this.closed) throw new CorpusError(`corpus at ${this.location} is closed (${op})`);
    try {
      return (await this.pool.query<R>(text, params)).rows;
    } catch (err) {
      if (!connectionLost(err)) throw this.failure(op, err);
      this.logger.warn('corpus: connection lost, retrying once', { location: this.location, op });
      try {
        return (await this.pool.query<R>(text, params)).rows;
      } catch (again) {
        throw this.failure(op, again);
      }
    }
  }

  /** Runs `work` in a transaction on one connection, rolling back on any error. */
  private async transaction<T>(op: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    if (this.closed) throw new CorpusError(`corpus at ${this.location} is closed (${op})`);
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw this.failure(op, err);
    }
    // A checked-out connection dropped between statements emits 'error' on the client itself;
    // without a listener that would crash the process. The failing statement reports it.
    let broken: Error | undefined;
    const onError = (err: Error) => (broken = err);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      broken ??= await client.query('ROLLBACK').then(
        () => undefined,
        (e: Error) => e,
      );
      throw this.failure(op, err);
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  private failure(op: string, err: unknown): CorpusError {
    if (err instanceof CorpusError) return err;
    const message = stripCredentials(err instanceof Error ? err.message : String(err));
    this.logger.warn('corpus: query failed', { location: this.location, op, error: message });
    const code = (err as { code?: string }).code;
    const reason = code && /^E[A-Z]+$/.test(code) ? describeConnectFailure(this.location, err) : `${op} failed at ${this.location}: ${message}`;
    return new CorpusError(reason, { cause: err });
  }
}
