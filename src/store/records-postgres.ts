// Records in tables of our own in the Postgres store database. Each call is one transaction that
// first takes a transaction-scoped advisory lock on the key, so writers of one record queue up.
import type pg from 'pg';
import type { HashPutMode, Records, Scored, ZAddOptions } from './records.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS paperbot_hash (key TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (key, field));
CREATE TABLE IF NOT EXISTS paperbot_zset (key TEXT NOT NULL, member TEXT NOT NULL, score DOUBLE PRECISION NOT NULL, expires BIGINT, PRIMARY KEY (key, member));
CREATE INDEX IF NOT EXISTS paperbot_zset_order ON paperbot_zset (key, score);
CREATE TABLE IF NOT EXISTS paperbot_claim (key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires BIGINT NOT NULL);`;

/** Creates our tables when missing; safe when several processes start at once. */
export async function createRecordTables(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Concurrent CREATE TABLE IF NOT EXISTS can still collide on the catalog: one at a time.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('paperbot:schema'))");
    await client.query(SCHEMA);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Records over `pool` (call createRecordTables first). */
export function postgresRecords(pool: pg.Pool): Records {
  async function inTransaction<T>(key: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
      const out = await work(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw err;
    } finally {
      client.release(broken);
    }
  }
  const read = async (keys: string[]) => {
    const { rows } = await pool.query<{ key: string; field: string; value: string }>(
      'SELECT key, field, value FROM paperbot_hash WHERE key = ANY($1::text[])',
      [keys],
    );
    const byKey = new Map<string, Record<string, string>>();
    for (const row of rows) {
      const record = byKey.get(row.key) ?? {};
      record[row.field] = row.value;
      byKey.set(row.key, record);
    }
    return keys.map((k) => byKey.get(k));
  };
  return {
    async hashGet(key) {
      return (await read([key]))[0];
    },
    async hashGetMany(keys) {
      return keys.length ? read(keys) : [];
    },
    async hashPut(key, set, unset, mode: HashPutMode) {
      return inTransaction(key, async (client) => {
        if (mode === 'if-exists') {
          const { rowCount } = await client.query('SELECT 1 FROM paperbot_hash WHERE key = $1 LIMIT 1', [key]);
          if (!rowCount) return false;
        }
        if (mode === 'replace') await client.query('DELETE FROM paperbot_hash WHERE key = $1', [key]);
        const fields = Object.keys(set);
        if (fields.length) {
          await client.query(
            `INSERT INTO paperbot_hash (key, field, value) SELECT $1, f, v FROM unnest($2::text[], $3::text[]) AS t(f, v)
             ON CONFLICT (key, field) DO UPDATE SET value = EXCLUDED.value`,
            [key, fields, fields.map((f) => set[f])],
          );
        }
        const gone = unset.filter((f) => !(f in set));
        if (gone.length) await client.query('DELETE FROM paperbot_hash WHERE key = $1 AND field = ANY($2::text[])', [key, gone]);
        return true;
      });
    },
    async zAdd(key, entries: Scored[], options: ZAddOptions = {}) {
      await inTransaction(key, async (client) => {
        const now = Date.now();
        await client.query('DELETE FROM paperbot_zset WHERE key = $1 AND expires < $2', [key, now]);
        if (entries.length) {
          await client.query(
            `INSERT INTO paperbot_zset (key, member, score) SELECT $1, m, s FROM unnest($2::text[], $3::float8[]) AS t(m, s)
             ON CONFLICT (key, member) DO ${options.keepScore ? 'NOTHING' : 'UPDATE SET score = EXCLUDED.score'}`,
            [key, entries.map((e) => e.member), entries.map((e) => e.score)],
          );
        }
        if (options.cap !== undefined) {
          await client.query(
            `DELETE FROM paperbot_zset WHERE key = $1 AND member IN
               (SELECT member FROM paperbot_zset WHERE key = $1 ORDER BY score DESC, member DESC OFFSET $2)`,
            [key, options.cap],
          );
        }
        if (options.ttlMs !== undefined) await client.query('UPDATE paperbot_zset SET expires = $2 WHERE key = $1', [key, now + options.ttlMs]);
      });
    },
    async zRemove(key, members) {
      if (members.length) await pool.query('DELETE FROM paperbot_zset WHERE key = $1 AND member = ANY($2::text[])', [key, members]);
    },
    async zMembers(key) {
      const { rows } = await pool.query<{ member: string }>(
        'SELECT member FROM paperbot_zset WHERE key = $1 AND (expires IS NULL OR expires >= $2) ORDER BY score, member',
        [key, Date.now()],
      );
      return rows.map((r) => r.member);
    },
    async delete(key) {
      await inTransaction(key, async (client) => {
        await client.query('DELETE FROM paperbot_hash WHERE key = $1', [key]);
        await client.query('DELETE FROM paperbot_zset WHERE key = $1', [key]);
      });
    },
    // INSERT … ON CONFLICT re-checks the committed row under its row lock: atomic across processes.
    async claim(key, owner, ttlMs) {
      const now = Date.now();
      const { rowCount } = await pool.query(
        `INSERT INTO paperbot_claim AS c (key, owner, expires) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, expires = EXCLUDED.expires WHERE c.expires < $4`,
        [key, owner, now + ttlMs, now],
      );
      return rowCount === 1;
    },
    async claimOwner(key) {
      const { rows } = await pool.query<{ owner: string }>('SELECT owner FROM paperbot_claim WHERE key = $1 AND expires >= $2', [key, Date.now()]);
      return rows[0]?.owner;
    },
    async renewClaim(key, owner, ttlMs) {
      const now = Date.now();
      const { rowCount } = await pool.query('UPDATE paperbot_claim SET expires = $1 WHERE key = $2 AND owner = $3 AND expires >= $4', [
        now + ttlMs,
        key,
        owner,
        now,
      ]);
      return rowCount === 1;
    },
    async releaseClaim(key, owner) {
      const { rowCount } = await pool.query('DELETE FROM paperbot_claim WHERE key = $1 AND owner = $2 AND expires >= $3', [key, owner, Date.now()]);
      return rowCount === 1;
    },
    async clear() {
      await pool.query('DELETE FROM paperbot_hash');
      await pool.query('DELETE FROM paperbot_zset');
      await pool.query('DELETE FROM paperbot_claim');
    },
    async sweepExpired(now) {
      const sets = (await pool.query('DELETE FROM paperbot_zset WHERE expires < $1', [now])).rowCount ?? 0;
      return sets + ((await pool.query('DELETE FROM paperbot_claim WHERE expires < $1', [now])).rowCount ?? 0);
    },
  };
}
