// Expiring locks over the store's atomic set-if-absent (Redis: SET key owner NX PX ttl).
//
// A lock lives `ttlMs` and its holder renews it every ttl/3 while it works, so a crashed holder
// blocks others for at most one TTL (default 60 s) and a long run never loses its lock to expiry.
// On paperbot's own stores a lock is a claim in the store's records (Redis SET NX PX plus
// compare-and-act scripts; a claims table in SQLite and Postgres): acquire, renew and release are
// each one atomic step. Over a plain Store, acquire uses setIfAbsent and release/renewal act only
// while the key still holds our owner id (Store.deleteIfEquals / extendIfEquals when offered,
// else read-compare-write, whose small race is covered by the run state: the holder checks the
// lock before each message, and a run that is done is never posted again).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Claims, HeldLock, LockService, Store } from '../ports.js';
import * as keys from '../store-keys.js';

/** Default lock lifetime; renewed every third of it while held. */
export const DEFAULT_LOCK_TTL_MS = 60_000;

/** Options of createStoreLocks. */
export interface LockOptions {
  ownerId?: string;
  /** Default lock lifetime (default DEFAULT_LOCK_TTL_MS); renewed every ttl/3 while held. */
  ttlMs?: number;
  /** Key of a lock name (default keys.lock). */
  keyFor?(name: string): string;
}

/** The store's atomic claims, when it is one of paperbot's own stores (a KeyvStore offers them as `records`). */
function claimsOf(kv: Store): Claims | undefined {
  const records = (kv as Store & { records?: Partial<Claims> }).records;
  return typeof records?.claim === 'function' ? (records as Claims) : undefined;
}

/** The lock name of a channel's digest for a date: `digest:<channel>:<date>` (ARCHITECTURE.md). */
export function digestLockName(channelKey: string, date: string): string {
  return `digest:${channelKey}:${date}`;
}

/** A default owner id: readable in logs, unique per process (two instances never share one). */
export function defaultOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Locks kept in `kv` with expiry and renewal. */
export function createStoreLocks(kv: Store, options: LockOptions = {}): LockService {
  const ownerId = options.ownerId ?? defaultOwnerId();
  const defaultTtl = options.ttlMs ?? DEFAULT_LOCK_TTL_MS;
  const keyFor = options.keyFor ?? keys.lock;
  const held = new Map<string, HeldLock>();
  const claims = claimsOf(kv);

  async function take(key: string, ttl: number): Promise<boolean> {
    if (claims) return claims.claim(key, ownerId, ttl);
    return kv.setIfAbsent(key, ownerId, ttl);
  }

  async function ours(key: string): Promise<boolean> {
    if (claims) return (await claims.claimOwner(key)) === ownerId;
    return (await kv.get<string>(key)) === ownerId;
  }

  async function extend(key: string, ttl: number): Promise<boolean> {
    if (claims) return claims.renewClaim(key, ownerId, ttl);
    if (kv.extendIfEquals) return kv.extendIfEquals(key, ownerId, ttl);
    if (!(await ours(key))) return false;
    await kv.set(key, ownerId, ttl);
    return true;
  }

  async function remove(key: string): Promise<void> {
    if (claims) {
      await claims.releaseClaim(key, ownerId);
      return;
    }
    if (kv.deleteIfEquals) {
      await kv.deleteIfEquals(key, ownerId);
      return;
    }
    if (await ours(key)) await kv.delete(key);
  }

  return {
    ownerId,
    async acquire(name, ttlMs = defaultTtl) {
      const key = keyFor(name);
      if (held.has(key)) return undefined; // one holder per process too
      if (!(await take(key, ttlMs))) return undefined;
      let released = false;
      let lost = false;
      const timer = setInterval(() => {
        extend(key, ttlMs).then(
          (ok) => {
            if (!ok && !released) {
              lost = true;
              clearInterval(timer);
            }
          },
          () => undefined, // a store hiccup: try again next time; isHeld() re-checks before each post
        );
      }, Math.max(10, Math.floor(ttlMs / 3)));
      timer.unref();
      const lock: HeldLock = {
        name,
        key,
        owner: ownerId,
        isHeld: async () => !released && !lost && (await ours(key)),
        release: async () => {
          if (released) return;
          released = true;
          clearInterval(timer);
          held.delete(key);
          await remove(key);
        },
      };
      held.set(key, lock);
      return lock;
    },
    async releaseAll() {
      await Promise.allSettled([...held.values()].map((lock) => lock.release()));
    },
  };
}

/** How `waitForLock` ended: the lock is ours, the work was finished by its holder, or time ran out. */
export type LockWait = { kind: 'acquired'; lock: HeldLock } | { kind: 'finished' } | { kind: 'timed-out' };

/**
 * Takes the lock, or waits up to `waitMs` for its holder, polling every `pollMs`: resolves
 * `finished` as soon as `isFinished()` says the holder's work is done (also when the lock frees
 * up because the holder finished), `acquired` if it frees up with the work still to do,
 * `timed-out` otherwise. For callers (CLI) that share the scheduler's locks.
 */
export async function waitForLock(
  locks: LockService,
  name: string,
  options: { waitMs: number; pollMs?: number; isFinished(): Promise<boolean> },
): Promise<LockWait> {
  const deadline = Date.now() + options.waitMs;
  for (let waited = false; ; waited = true) {
    const lock = await locks.acquire(name);
    if (lock && !waited) return { kind: 'acquired', lock };
    if (lock) {
      if (!(await options.isFinished())) return { kind: 'acquired', lock };
      await lock.release();
      return { kind: 'finished' };
    }
    if (await options.isFinished()) return { kind: 'finished' };
    if (Date.now() >= deadline) return { kind: 'timed-out' };
    await new Promise((r) => setTimeout(r, Math.min(options.pollMs ?? 500, Math.max(0, deadline - Date.now()))));
  }
}
