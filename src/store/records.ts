// The atomic primitives paperbot needs from every backend, on structures of our own (Redis hashes
// and sorted sets; our own tables in SQLite and Postgres; Maps in memory). Every method is one
// atomic step on the server, so several processes can call them at once without losing a write.
import type { Claims } from '../ports.js';

/** How hashPut treats fields not named in the call. */
export type HashPutMode =
  /** The record becomes exactly `set` (created when absent). */
  | 'replace'
  /** Only the named fields change; the record is created when absent. */
  | 'merge'
  /** Only the named fields change, and only when the record exists (resolves false otherwise). */
  | 'if-exists';

/** One member of an ordered set and its order (higher = later). */
export interface Scored {
  member: string;
  score: number;
}

/** Options of zAdd. */
export interface ZAddOptions {
  /** Keep the score of members already present (first-added order). Default: update it. */
  keepScore?: boolean;
  /** Keep at most this many members, dropping the lowest scores first. */
  cap?: number;
  /** The whole set expires this long after this call (renewed by every call that passes it). */
  ttlMs?: number;
}

/** Hashes (field → text), ordered sets (member by score) and expiring claims (locks), keyed by store keys (src/store-keys.ts). */
export interface Records extends Claims {
  /** The record's fields, or undefined when it has none. */
  hashGet(key: string): Promise<Record<string, string> | undefined>;
  /** Several records, in the order of `keys`. */
  hashGetMany(keys: string[]): Promise<Array<Record<string, string> | undefined>>;
  /** Writes `set` and removes `unset` in one atomic step; false only for 'if-exists' on an absent record. */
  hashPut(key: string, set: Record<string, string>, unset: string[], mode: HashPutMode): Promise<boolean>;
  /** Adds or re-scores members in one atomic step (see ZAddOptions). */
  zAdd(key: string, entries: Scored[], options?: ZAddOptions): Promise<void>;
  /** Removes members (no error when absent). */
  zRemove(key: string, members: string[]): Promise<void>;
  /** Live members, lowest score first. */
  zMembers(key: string): Promise<string[]>;
  /** Deletes the hash and the ordered set under `key`. */
  delete(key: string): Promise<void>;
  /** Deletes every record of this namespace. */
  clear(): Promise<void>;
  /** Deletes expired members; resolves how many went (0 where the backend expires natively). */
  sweepExpired(now: number): Promise<number>;
}

let lastOrder = 0;

/**
 * An order number for "added now": milliseconds × 1000 plus a counter, so calls in one process
 * always increase and calls from several processes follow the clock. Exact in a double until 2255.
 */
export function orderNow(): number {
  const next = Date.now() * 1000;
  lastOrder = next > lastOrder ? next : lastOrder + 1;
  return lastOrder;
}
