// One place per backend for what keyv's adapters do not offer: the atomic records (records-*.ts),
// an atomic insert-if-absent for keyv values, a sweep of expired rows, an early connection check,
// guarded connections (pg pool, Redis client) and the SQLite pragmas.
import { constants as fsConstants, accessSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Keyv from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import KeyvPostgres from '@keyv/postgres';
import KeyvRedis, { createClient } from '@keyv/redis';
import pg from 'pg';
import type { Logger } from '../ports.js';
import { silentLogger } from '../logger.js';
import { errorMessage } from '../errors.js';
import { decode, encode, EXPIRES_PREFIX } from './codec.js';
import type { StoreTarget } from './store-url.js';
import type { Records } from './records.js';
import { memoryRecords } from './records-memory.js';
import { sqliteRecords } from './records-sqlite.js';
import { createRecordTables, postgresRecords } from './records-postgres.js';
import { redisRecords, type RedisScriptClient } from './records-redis.js';

/** The keyv namespace every paperbot key lives under. */
export const NAMESPACE = 'paperbot';

/** A keyv instance plus the native operations paperbot needs from its backend. */
export interface Backend {
  readonly kind: StoreTarget['kind'];
  readonly keyv: Keyv;
  /** Hashes and ordered sets with atomic updates (subscriptions, seen sets, votes, turns). */
  readonly records: Records;
  /** True when insertIfAbsent is atomic for every process sharing the backend. */
  readonly atomicAcrossProcesses: boolean;
  /** Writes `text` (already encoded) when the key is absent or expired; true when this call wrote. */
  insertIfAbsent(key: string, text: string, ttlMs: number | undefined): Promise<boolean>;
  /** Deletes expired rows of this namespace; resolves how many went (0 where the backend expires natively). */
  sweepExpired(now: number): Promise<number>;
  /** Connects and prepares; rejects when the backend is unusable. */
  ready(): Promise<void>;
  /** One cheap round trip that also proves the store can still be written where that can fail (SQLite file gone or read-only). */
  probe(): Promise<void>;
  disconnect(): Promise<void>;
}

const keyvOptions = { namespace: NAMESPACE, serialize: encode, deserialize: decode, throwOnErrors: true } as const;

/** Key as keyv writes it for sqlite/postgres/memory (its own "namespace:" prefix). */
const prefixed = (key: string): string => `${NAMESPACE}:${key}`;

type Rows = Array<Record<string, unknown>>;

/**
 * Creates the backend for a parsed store URL (does not connect yet: call ready()). Connection
 * faults are reported to `logger` (never to stderr directly) and never crash the process.
 */
export function createBackend(target: StoreTarget, logger: Logger = silentLogger): Backend {
  switch (target.kind) {
    case 'memory':
      return memoryBackend();
    case 'sqlite':
      return sqliteBackend(target.path);
    case 'postgres':
      return postgresBackend(target.url, logger);
    case 'redis':
      return redisBackend(target.url, logger);
  }
}

function isExpiredText(text: string | undefined, now: number): boolean {
  if (text === undefined || !text.startsWith(EXPIRES_PREFIX)) return false;
  const expires = decode(text)?.expires;
  return typeof expires === 'number' && now > expires;
}

function memoryBackend(): Backend {
  const map = new Map<string, string>();
  return {
    kind: 'memory',
    keyv: new Keyv(map, keyvOptions),
    records: memoryRecords(),
    atomicAcrossProcesses: false,
    // No await between the check and the write: atomic within the process that owns the Map.
    async insertIfAbsent(key, text) {
      const full = prefixed(key);
      const current = map.get(full);
      if (current !== undefined && !isExpiredText(current, Date.now())) return false;
      map.set(full, text);
      return true;
    },
    async sweepExpired(now) {
      let n = 0;
      for (const [key, text] of map) {
        if (isExpiredText(text, now)) {
          map.delete(key);
          n++;
        }
      }
      return n;
    },
    async ready() {},
    async probe() {},
    async disconnect() {},
  };
}

function sqliteBackend(path: string): Backend {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 2000 });
  const table = adapter.opts.table ?? 'keyv';
  const query = adapter.query as (sql: string, ...params: unknown[]) => Promise<Rows>;
  const records = sqliteRecords(path);
  return {
    kind: 'sqlite',
    keyv: new Keyv(adapter, keyvOptions),
    records,
    atomicAcrossProcesses: true,
    // One statement, so SQLite's file lock makes it atomic for every process using the file.
    async insertIfAbsent(key, text) {
      const rows = await query(
        `INSERT INTO ${table} (key, value) VALUES (?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value
         WHERE substr(${table}.value, 1, ${EXPIRES_PREFIX.length}) = '${EXPIRES_PREFIX}'
           AND json_extract(${table}.value, '$.expires') < ?
         RETURNING key`,
        prefixed(key),
        text,
        Date.now(),
      );
      return rows.length === 1;
    },
    async sweepExpired(now) {
      const rows = await query(
        `DELETE FROM ${table} WHERE key LIKE ? AND substr(value, 1, ${EXPIRES_PREFIX.length}) = '${EXPIRES_PREFIX}'
           AND json_extract(value, '$.expires') < ? RETURNING 1`,
        `${NAMESPACE}:%`,
        now,
      );
      return rows.length;
    },
    async ready() {
      // WAL + NORMAL: commits no longer fsync one by one (100k writes in seconds, not minutes);
      // a power cut may lose the last commits but never corrupts the file.
      if (path !== ':memory:') await query('PRAGMA journal_mode=WAL');
      await query('PRAGMA synchronous=NORMAL');
    },
    // An open connection keeps working on a deleted or read-only file until it fails later, so
    // look at the file itself (the mode bits too: root passes access checks on read-only files).
    async probe() {
      if (path !== ':memory:') {
        const mode = statSync(path).mode;
        accessSync(path, fsConstants.R_OK | fsConstants.W_OK);
        if ((mode & 0o200) === 0) throw new Error(`${path} is read-only`);
      }
      records.check();
    },
    async disconnect() {
      records.close();
      await adapter.disconnect();
    },
  };
}

/** How long a store call waits for a Postgres connection before failing (keeps commands inside their budget). */
const PG_CONNECT_TIMEOUT_MS = 2000;
/** Matches KeyvStore's call timeout. */
const PG_STATEMENT_TIMEOUT_MS = 2500;

/**
 * A pg pool whose connection faults are logged, not thrown: an idle connection ended by the server
 * (pg_terminate_backend, pgbouncer, failover) makes the pool emit 'error', which would otherwise
 * crash the process and print the client's connection details to stderr. The next query opens a
 * fresh connection.
 */
function postgresPool(url: string, logger: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // The server cancels a statement the caller stopped waiting for (KeyvStore's call timeout): never applied late.
    statement_timeout: PG_STATEMENT_TIMEOUT_MS,
  });
  pool.on('error', (err) => logger.warn('postgres connection lost; the next query reconnects', { err: errorMessage(err) }));
  // Checked-out clients are outside the pool's idle listener; one 'error' between two queries must not crash.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** Runs one maintenance statement (a sweep over every row) without the per-call statement timeout. */
async function withoutStatementTimeout(pool: pg.Pool, sql: string, values: unknown[]): Promise<Rows> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SET LOCAL statement_timeout = '300s'");
    const { rows } = await client.query(sql, values);
    await client.query('COMMIT');
    return rows as Rows;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

// keyv's Postgres adapter keeps one unguarded pool per process: give it ours instead.
function postgresBackend(url: string, logger: Logger): Backend {
  const pool = postgresPool(url, logger);
  class GuardedKeyvPostgres extends KeyvPostgres {
    override async connect() {
      return async (sql: string, values?: unknown[]) => (await pool.query(sql, values)).rows;
    }
    override async disconnect() {
      await pool.end();
    }
  }
  const adapter = new GuardedKeyvPostgres({ uri: url });
  const table = `${adapter.opts.schema ?? 'public'}.${adapter.opts.table ?? 'keyv'}`;
  const query = adapter.query as unknown as (sql: string, values?: unknown[]) => Promise<Rows>;
  const records = postgresRecords(pool);
  const expired = (column: string, param: string) =>
    `CASE WHEN ${column} LIKE '${EXPIRES_PREFIX}%' THEN (${column}::json->>'expires')::bigint < ${param} ELSE false END`;
  return {
    kind: 'postgres',
    keyv: new Keyv(adapter, keyvOptions),
    records,
    atomicAcrossProcesses: true,
    // INSERT … ON CONFLICT re-checks the committed row under its lock: atomic across processes.
    async insertIfAbsent(key, text) {
      const rows = await query(
        `INSERT INTO ${table} AS t (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
         WHERE ${expired('t.value', '$3')}
         RETURNING t.key`,
        [prefixed(key), text, Date.now()],
      );
      return rows.length === 1;
    },
    async sweepExpired(now) {
      const rows = await withoutStatementTimeout(
        pool,
        `WITH gone AS (DELETE FROM ${table} WHERE key LIKE $1 AND ${expired('value', '$2')} RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [`${NAMESPACE}:%`, now],
      );
      return Number(rows[0]?.n ?? 0);
    },
    async ready() {
      await query('SELECT 1');
      await createRecordTables(pool);
    },
    async probe() {
      await pool.query('SELECT 1');
    },
    async disconnect() {
      await adapter.disconnect();
    },
  };
}

/** The part of the redis client paperbot calls directly. */
interface RedisSetClient {
  set(key: string, value: string, options: object): Promise<unknown>;
  ping(): Promise<unknown>;
}

/** Longest wait between two reconnection attempts to Redis. */
const REDIS_MAX_BACKOFF_MS = 5000;

/**
 * A node-redis client that reconnects with backoff and refuses commands while disconnected (no
 * offline queue: a command that failed must never be applied later, when the user was already
 * told it failed). Faults go to `logger` once per outage.
 */
function redisClient(url: string, logger: Logger) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** Math.min(retries, 10), REDIS_MAX_BACKOFF_MS),
    },
  });
  let down = false;
  client.on('error', (err: unknown) => {
    if (down) return;
    down = true;
    logger.warn('redis connection lost; reconnecting with backoff', { err: errorMessage(err) });
  });
  client.on('ready', () => {
    if (down) logger.info('redis connection restored');
    down = false;
  });
  return client;
}

function redisBackend(url: string, logger: Logger): Backend {
  const adapter = new KeyvRedis(redisClient(url, logger), { throwOnErrors: true, connectionTimeout: 10_000 });
  // The adapter prefixes keys itself ("paperbot::key"); keyv must not add a second prefix.
  const keyv = new Keyv(adapter, { ...keyvOptions, useKeyPrefix: false });
  const client = async () => (await adapter.getClient()) as unknown as RedisSetClient & RedisScriptClient;
  const records = redisRecords(client);
  return {
    kind: 'redis',
    keyv,
    records,
    atomicAcrossProcesses: true,
    // SET NX PX: one atomic command on the server.
    async insertIfAbsent(key, text, ttlMs) {
      const options = ttlMs ? { condition: 'NX', expiration: { type: 'PX', value: ttlMs } } : { condition: 'NX' };
      const reply = await (await client()).set(adapter.createKeyPrefix(key, adapter.namespace), text, options);
      return reply === 'OK';
    },
    // Redis expires keys natively (keyv passes PX on every set with a ttl).
    async sweepExpired() {
      return 0;
    },
    async ready() {
      await (await client()).ping();
    },
    async probe() {
      await (await client()).ping();
    },
    async disconnect() {
      await adapter.disconnect();
    },
  };
}
