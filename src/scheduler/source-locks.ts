// The per-source fetch locks of one serve process: shared inside the process, exclusive across
// instances. Inside one process the sources already share each fetch in flight (shareFetches), so
// a digest that needs a source the feed is fetching joins that fetch instead of waiting its turn.
import type { LockService } from '../ports.js';

/** How long a caller waits for another instance's fetch of the same source (default 60 s). */
export const SOURCE_LOCK_WAIT_MS = 60_000;
/** Lifetime of a source lock; renewed while held, so a crashed holder blocks others at most this long. */
export const SOURCE_LOCK_TTL_MS = 120_000;
const POLL_MS = 250;

/** A hold on one source's lock; release it when the fetch is stored. */
export interface SourceHold {
  release(): Promise<void>;
}

/**
 * Source locks over `locks` (lock name `source:<name>`). The first caller in this process takes
 * the store lock, waiting up to `waitMs` while another instance holds it (then resolves
 * undefined); later callers in this process share that hold. The store lock is released when the
 * last holder here releases.
 */
export function createSourceLocks(locks: LockService, waitMs = SOURCE_LOCK_WAIT_MS): (name: string) => Promise<SourceHold | undefined> {
  const shared = new Map<string, { holders: number; taking: Promise<{ release(): Promise<void> } | undefined> }>();

  async function take(name: string) {
    const until = Date.now() + waitMs;
    for (;;) {
      const lock = await locks.acquire(`source:${name}`, SOURCE_LOCK_TTL_MS);
      if (lock || Date.now() >= until) return lock;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  return async (name) => {
    let entry = shared.get(name);
    if (!entry) {
      entry = { holders: 0, taking: take(name) };
      shared.set(name, entry);
    }
    entry.holders++;
    const lock = await entry.taking;
    const current = entry;
    if (!lock) {
      if (--current.holders === 0 && shared.get(name) === current) shared.delete(name);
      return undefined;
    }
    let released = false;
    return {
      async release() {
        if (released) return;
        released = true;
        if (--current.holders > 0) return;
        if (shared.get(name) === current) shared.delete(name);
        await lock.release();
      },
    };
  };
}
