// The PostgreSQL backend of the state store: keyv's adapter on a guarded pool of our own, plus
// our own record tables. Loaded only when PAPERBOT_STORE_URL is postgres://.
import Keyv from 'keyv';
import KeyvPostgres from '@keyv/postgres';
import pg from 'pg';
import type { Logger } from '../ports.js';
import { errorMessage } from '../errors.js';
import { ITERATION_LIMIT, keyvOptions, type Backend } from './backends.js';
import { createRecordTables, postgresRecords } from './records-postgres.js';

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
export function postgresBackend(url: string, logger: Logger): Backend {
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

