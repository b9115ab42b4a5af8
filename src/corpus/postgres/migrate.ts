// Applies the corpus migrations at open: once, in order, safe when several processes start at once.
import type { PoolClient } from 'pg';
import { MIGRATIONS, type Migration } from './schema.js';

/** Advisory lock key shared by every process migrating a corpus ("PBcorpus" as an int). */
const MIGRATION_LOCK = 0x5042_636f;

/**
 * Brings the corpus tables in `client`'s search_path (creating `schema` first when given) up to
 * date inside one transaction holding a transaction-scoped advisory lock, so a second instance
 * starting at the same time waits and then finds nothing left to do. Returns the versions it applied.
 */
export async function migrate(
  client: PoolClient,
  options: { schema?: string; migrations?: readonly Migration[] } = {},
): Promise<number[]> {
  const migrations = options.migrations ?? MIGRATIONS;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // The schema name was checked against a strict pattern by postgresTarget.
    if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS corpus_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM corpus_migrations');
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO corpus_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
