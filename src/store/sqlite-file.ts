// The one better-sqlite3 connection a process keeps to the SQLite store file: keyv's values
// (keyv-sqlite-adapter.ts) and our records (records-sqlite.ts) share it, see the adapter's note.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** Longest a statement waits for another process's write lock before failing (keeps commands inside their budget). */
export const BUSY_TIMEOUT_MS = 2000;

/**
 * Opens the store file at `path` (its folder created; `:memory:` for a private in-memory database)
 * in WAL mode with synchronous=NORMAL and a 2 s busy timeout. Throws when the file cannot be
 * opened or is not a SQLite database.
 */
export function openSqliteFile(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    // WAL + NORMAL: commits no longer fsync one by one (100k writes in seconds, not minutes);
    // a power cut may lose the last commits but never corrupts the file.
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
