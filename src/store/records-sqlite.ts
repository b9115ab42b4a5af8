// Records in tables of our own inside the SQLite store file, through better-sqlite3: every call is
// one IMMEDIATE transaction, which SQLite's file lock makes atomic for every process on the file.
import type Database from 'better-sqlite3';
import type { HashPutMode, Records, Scored, ZAddOptions } from './records.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS paperbot_hash (key TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (key, field)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS paperbot_zset (key TEXT NOT NULL, member TEXT NOT NULL, score REAL NOT NULL, expires INTEGER, PRIMARY KEY (key, member)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS paperbot_zset_order ON paperbot_zset (key, score);
CREATE TABLE IF NOT EXISTS paperbot_claim (key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires INTEGER NOT NULL) WITHOUT ROWID;`;

/**
 * Records over an open connection to the store file (see sqlite-file.ts; tables created
 * idempotently); `check` is one cheap read. The connection's owner closes it.
 */
export function sqliteRecords(db: Database.Database): Records & { check(): void } {
  db.exec(SCHEMA);

  const hashRows = db.prepare<[string], { field: string; value: string }>('SELECT field, value FROM paperbot_hash WHERE key = ?');
  const hashExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM paperbot_hash WHERE key = ? LIMIT 1');
  const hashDeleteAll = db.prepare<[string]>('DELETE FROM paperbot_hash WHERE key = ?');
  const hashDeleteField = db.prepare<[string, string]>('DELETE FROM paperbot_hash WHERE key = ? AND field = ?');
  const hashUpsert = db.prepare<[string, string, string]>(
    'INSERT INTO paperbot_hash (key, field, value) VALUES (?, ?, ?) ON CONFLICT (key, field) DO UPDATE SET value = excluded.value',
  );
  const zDropExpired = db.prepare<[string, number]>('DELETE FROM paperbot_zset WHERE key = ? AND expires < ?');
  const zInsertKeep = db.prepare<[string, string, number]>(
    'INSERT INTO paperbot_zset (key, member, score) VALUES (?, ?, ?) ON CONFLICT (key, member) DO NOTHING',
  );
  const zUpsert = db.prepare<[string, string, number]>(
    'INSERT INTO paperbot_zset (key, member, score) VALUES (?, ?, ?) ON CONFLICT (key, member) DO UPDATE SET score = excluded.score',
  );
  const zCap = db.prepare<[string, string, number]>(
    `DELETE FROM paperbot_zset WHERE key = ? AND member IN
       (SELECT member FROM paperbot_zset WHERE key = ? ORDER BY score DESC, member DESC LIMIT -1 OFFSET ?)`,
  );
  const zExpire = db.prepare<[number, string]>('UPDATE paperbot_zset SET expires = ? WHERE key = ?');
  const zDelete = db.prepare<[string, string]>('DELETE FROM paperbot_zset WHERE key = ? AND member = ?');
  const zDeleteAll = db.prepare<[string]>('DELETE FROM paperbot_zset WHERE key = ?');
  const zRows = db.prepare<[string, number], { member: string }>(
    'SELECT member FROM paperbot_zset WHERE key = ? AND (expires IS NULL OR expires >= ?) ORDER BY score, member',
  );
  const zSweep = db.prepare<[number]>('DELETE FROM paperbot_zset WHERE expires < ?');
  // One statement each, so SQLite's write lock makes them atomic across processes.
  const claimTake = db.prepare<[string, string, number, number]>(
    `INSERT INTO paperbot_claim (key, owner, expires) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires = excluded.expires WHERE paperbot_claim.expires < ?`,
  );
  const claimRead = db.prepare<[string, number], { owner: string }>('SELECT owner FROM paperbot_claim WHERE key = ? AND expires >= ?');
  const claimRenew = db.prepare<[number, string, string, number]>('UPDATE paperbot_claim SET expires = ? WHERE key = ? AND owner = ? AND expires >= ?');
  const claimFree = db.prepare<[string, string, number]>('DELETE FROM paperbot_claim WHERE key = ? AND owner = ? AND expires >= ?');
  const claimSweep = db.prepare<[number]>('DELETE FROM paperbot_claim WHERE expires < ?');

  const read = (key: string) => {
    const rows = hashRows.all(key);
    return rows.length ? Object.fromEntries(rows.map((r) => [r.field, r.value])) : undefined;
  };
  const put = db.transaction((key: string, set: Record<string, string>, unset: string[], mode: HashPutMode): boolean => {
    if (mode === 'if-exists' && !hashExists.get(key)) return false;
    if (mode === 'replace') hashDeleteAll.run(key);
    for (const [field, value] of Object.entries(set)) hashUpsert.run(key, field, value);
    for (const field of unset) if (!(field in set)) hashDeleteField.run(key, field);
    return true;
  });
  const add = db.transaction((key: string, entries: Scored[], options: ZAddOptions) => {
    const now = Date.now();
    zDropExpired.run(key, now);
    const insert = options.keepScore ? zInsertKeep : zUpsert;
    for (const { member, score } of entries) insert.run(key, member, score);
    if (options.cap !== undefined) zCap.run(key, key, options.cap);
    if (options.ttlMs !== undefined) zExpire.run(now + options.ttlMs, key);
  });
  const remove = db.transaction((key: string, members: string[]) => {
    for (const member of members) zDelete.run(key, member);
  });
  const drop = db.transaction((key: string) => {
    hashDeleteAll.run(key);
    zDeleteAll.run(key);
  });

  return {
    async hashGet(key) {
      return read(key);
    },
    async hashGetMany(keys) {
      return db.transaction(() => keys.map(read))();
    },
    async hashPut(key, set, unset, mode) {
      return put.immediate(key, set, unset, mode);
    },
    async zAdd(key, entries, options = {}) {
      add.immediate(key, entries, options);
    },
    async zRemove(key, members) {
      remove.immediate(key, members);
    },
    async zMembers(key) {
      return zRows.all(key, Date.now()).map((r) => r.member);
    },
    async delete(key) {
      drop.immediate(key);
    },
    async claim(key, owner, ttlMs) {
      const now = Date.now();
      return claimTake.run(key, owner, now + ttlMs, now).changes === 1;
    },
    async claimOwner(key) {
      return claimRead.get(key, Date.now())?.owner;
    },
    async renewClaim(key, owner, ttlMs) {
      const now = Date.now();
      return claimRenew.run(now + ttlMs, key, owner, now).changes === 1;
    },
    async releaseClaim(key, owner) {
      return claimFree.run(key, owner, Date.now()).changes === 1;
    },
    async clear() {
      db.exec('DELETE FROM paperbot_hash; DELETE FROM paperbot_zset; DELETE FROM paperbot_claim;');
    },
    async sweepExpired(now) {
      return zSweep.run(now).changes + claimSweep.run(now).changes;
    },
    check() {
      hashExists.get('health:probe');
    },
  };
}
