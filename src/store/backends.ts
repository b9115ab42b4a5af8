// One place per backend for what keyv's adapters do not offer: the atomic records (records-*.ts),
// an early connection check, guarded connections (pg pool, Redis client) and the SQLite pragmas.
// Nothing here reads or writes keyv's own tables: keyv values go through keyv's public API only.
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
import { decode, encode } from './codec.js';
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
  /** True when the records' claims are atomic for every process sharing the backend (not memory://). */
  readonly atomicAcrossProcesses: boolean;
  /** True when the backend drops expired keyv values itself (Redis PX); otherwise keyv drops them when it meets them. */
  readonly expiresNatively: boolean;
  /** Connects and prepares; rejects when the backend is unusable. */
  ready(): Promise<void>;
  /** One cheap round trip that also proves the store can still be written where that can fail (SQLite file gone or read-only). */
  probe(): Promise<void>;
  disconnect(): Promise<void>;
}

const keyvOptions = { namespace: NAMESPACE, serialize: encode, deserialize: decode, throwOnErrors: true } as const;

/** Rows per page when keyv iterates a SQL table (the adapters default to 10). */
const ITERATION_LIMIT = 500;

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

function memoryBackend(): Backend {
  return {
    kind: 'memory',
    keyv: new Keyv(new Map<string, string>(), keyvOptions),
    records: memoryRecords(),
    atomicAcrossProcesses: false,
    expiresNatively: false,
    async ready() {},
    async probe() {},
    async disconnect() {},
  };
}

function sqliteBackend(path: string): Backend {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 2000, iterationLimit: ITERATION_LIMIT });
  const pragma = adapter.query as (sql: string) => Promise<Rows>;
  const records = sqliteRecords(path);
  return {
    kind: 'sqlite',
    keyv: new Keyv(adapter, keyvOptions),
    records,
    atomicAcrossProcesses: true,
    expiresNatively: false,
    async ready() {
      // WAL + NORMAL: commits no longer fsync one by one (100k writes in seconds, not minutes);
      // a power cut may lose the last commits but never corrupts the file.
      if (path !== ':memory:') await pragma('PRAGMA journal_mode=WAL');
      await pragma('PRAGMA synchronous=NORMAL');
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
  const adapter = new GuardedKeyvPostgres({ uri: url, iterationLimit: ITERATION_LIMIT });
  const records = postgresRecords(pool);
  return {
    kind: 'postgres',
    keyv: new Keyv(adapter, keyvOptions),
    records,
    atomicAcrossProcesses: true,
    expiresNatively: false,
    async ready() {
      await pool.query('SELECT 1');
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
interface RedisPingClient {
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
  const client = async () => (await adapter.getClient()) as unknown as RedisPingClient & RedisScriptClient;
  const records = redisRecords(client);
  return {
    kind: 'redis',
    keyv,
    records,
    atomicAcrossProcesses: true,
    // keyv passes PX on every set with a ttl.
    expiresNatively: true,
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
