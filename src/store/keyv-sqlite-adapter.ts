// keyv's storage for the SQLite store file, over the better-sqlite3 connection our records use.
//
// Why not @keyv/sqlite: it bundles the `sqlite3` library, so one process opened the same file
// through two copies of SQLite. SQLite's own warning (https://www.sqlite.org/howtocorrupt.html,
// 2.2.1 "Multiple copies of SQLite linked into the same application"): POSIX advisory locks belong
// to the process, so the two copies never exclude each other, and closing one copy's descriptor
// silently drops the other's locks — the file ends up "not a database". One library, one
// connection per file and process avoids it.
//
// Same table and rows as @keyv/sqlite 4 (`keyv(key VARCHAR(255) PRIMARY KEY, value TEXT)`, keys
// as keyv prefixes them, values as keyv serializes them), so existing store files keep their values.
import { EventEmitter } from 'node:events';
import type Database from 'better-sqlite3';
import type { KeyvStoreAdapter, StoredData } from 'keyv';

/** Rows per page when keyv iterates (what @keyv/sqlite calls iterationLimit; it defaults to 10). */
const DEFAULT_ITERATION_LIMIT = 10;

type Row = { key: string; value: string };

/** What the adapter needs besides the connection. */
export interface KeyvSqliteAdapterOptions {
  /** Rows per page when keyv iterates the table. */
  iterationLimit?: number;
}

/**
 * A keyv@5 store adapter over an open better-sqlite3 connection, behaving like @keyv/sqlite 4:
 * plain values (keyv checks expiry itself), `clear` and `iterator` limited to the namespace's
 * `namespace:` prefix. Creates the `keyv` table when absent. `disconnect` closes the connection
 * it was given (which the records share: call it when the whole store closes).
 */
export class KeyvSqliteAdapter extends EventEmitter implements KeyvStoreAdapter {
  /** keyv checks `opts.dialect` to know the adapter can iterate. */
  readonly opts: { dialect: 'sqlite'; table: 'keyv'; keySize: 255; iterationLimit: number };
  readonly ttlSupport = false;
  namespace?: string;

  private readonly selectOne;
  private readonly selectMany;
  private readonly upsert;
  private readonly deleteOne;
  private readonly deleteManyRows;
  private readonly deleteLike;
  private readonly exists;
  private readonly page;

  constructor(
    private readonly db: Database.Database,
    options: KeyvSqliteAdapterOptions = {},
  ) {
    super();
    this.opts = { dialect: 'sqlite', table: 'keyv', keySize: 255, iterationLimit: options.iterationLimit ?? DEFAULT_ITERATION_LIMIT };
    db.exec('CREATE TABLE IF NOT EXISTS keyv(key VARCHAR(255) PRIMARY KEY, value TEXT )');
    this.selectOne = db.prepare<[string], Row>('SELECT key, value FROM keyv WHERE key = ?');
    this.selectMany = db.prepare<[string], Row>('SELECT key, value FROM keyv WHERE key IN (SELECT value FROM json_each(?))');
    this.upsert = db.prepare<[string, string]>('INSERT INTO keyv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.deleteOne = db.prepare<[string]>('DELETE FROM keyv WHERE key = ?');
    this.deleteManyRows = db.prepare<[string]>('DELETE FROM keyv WHERE key IN (SELECT value FROM json_each(?))');
    this.deleteLike = db.prepare<[string]>('DELETE FROM keyv WHERE key LIKE ?');
    this.exists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM keyv WHERE key = ?');
    // Pages by key rather than by OFFSET: keyv deletes expired values while it iterates, which
    // would make an OFFSET page skip rows.
    this.page = db.prepare<[string, string, number], Row>('SELECT key, value FROM keyv WHERE key LIKE ? AND key > ? ORDER BY key LIMIT ?');
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    return this.selectOne.get(key)?.value as StoredData<Value> | undefined;
  }

  async getMany<Value>(keys: string[]): Promise<Array<StoredData<Value | undefined>>> {
    const found = new Map(this.selectMany.all(JSON.stringify(keys)).map((row) => [row.key, row.value]));
    return keys.map((key) => found.get(key) as StoredData<Value | undefined>);
  }

  async set(key: string, value: string): Promise<void> {
    this.upsert.run(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.deleteOne.run(key).changes > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    return this.deleteManyRows.run(JSON.stringify(keys)).changes > 0;
  }

  async clear(): Promise<void> {
    this.deleteLike.run(this.namespace ? `${this.namespace}:%` : '%');
  }

  async has(key: string): Promise<boolean> {
    return this.exists.get(key) !== undefined;
  }

  async *iterator(namespace?: string): AsyncGenerator<[string, string], void> {
    const pattern = `${namespace ? `${namespace}:` : ''}%`;
    for (let after = ''; ; ) {
      const rows = this.page.all(pattern, after, this.opts.iterationLimit);
      for (const row of rows) yield [row.key, row.value];
      if (rows.length < this.opts.iterationLimit) return;
      after = rows[rows.length - 1]!.key;
    }
  }

  async disconnect(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
