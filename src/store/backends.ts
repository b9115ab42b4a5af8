// One place per backend for what keyv's adapters do not offer: the atomic records (records-*.ts),
// an early connection check, guarded connections (pg pool, Redis client) and, for SQLite, the one
// connection that keyv's adapter and the records share (keyv-sqlite-adapter.ts says why).
// Nothing here reads or writes keyv's own tables: keyv values go through keyv's public API only.
import { constants as fsConstants, accessSync, statSync } from 'node:fs';
import Keyv from 'keyv';
import type { Logger } from '../ports.js';
import { silentLogger } from '../logger.js';
import { decode, encode } from './codec.js';
import type { StoreTarget } from './store-url.js';
import type { Records } from './records.js';
import { memoryRecords } from './records-memory.js';
import { sqliteRecords } from './records-sqlite.js';
import { openSqliteFile } from './sqlite-file.js';
import { KeyvSqliteAdapter } from './keyv-sqlite-adapter.js';

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

/** How keyv stores paperbot's values, for every backend. */
export const keyvOptions = { namespace: NAMESPACE, serialize: encode, deserialize: decode, throwOnErrors: true } as const;

/** Rows per page when keyv iterates a SQL table (the adapters default to 10). */
export const ITERATION_LIMIT = 500;

/**
 * Creates the backend for a parsed store URL (does not connect yet: call ready()). Connection
 * faults are reported to `logger` (never to stderr directly) and never crash the process.
 */
export async function createBackend(target: StoreTarget, logger: Logger = silentLogger): Promise<Backend> {
  // The Postgres and Redis drivers load only when a URL names them (they cost ~150 ms of start-up).
  switch (target.kind) {
    case 'memory':
      return memoryBackend();
    case 'sqlite':
      return sqliteBackend(target.path);
    case 'postgres':
      return (await import('./backend-postgres.js')).postgresBackend(target.url, logger);
    case 'redis':
      return (await import('./backend-redis.js')).redisBackend(target.url, logger);
  }
}

/** The in-process backend (tests, one-off runs). */
export function createMemoryBackend(): Backend {
  return memoryBackend();
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
  // One connection (WAL, synchronous=NORMAL, 2 s busy timeout) for keyv's values and the records.
  const db = openSqliteFile(path);
  let adapter: KeyvSqliteAdapter;
  let records: ReturnType<typeof sqliteRecords>;
  try {
    adapter = new KeyvSqliteAdapter(db, { iterationLimit: ITERATION_LIMIT });
    records = sqliteRecords(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return {
    kind: 'sqlite',
    keyv: new Keyv(adapter, keyvOptions),
    records,
    atomicAcrossProcesses: true,
    expiresNatively: false,
    async ready() {},
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
      await adapter.disconnect();
    },
  };
}
