// Records in this process's memory (memory://): each call runs to completion without awaiting,
// so it is atomic for the one process that holds the data.
import type { HashPutMode, Records, Scored, ZAddOptions } from './records.js';

interface OrderedSet {
  scores: Map<string, number>;
  expires?: number;
}

/** Records over Maps. */
export function memoryRecords(): Records {
  const hashes = new Map<string, Map<string, string>>();
  const sets = new Map<string, OrderedSet>();
  const claims = new Map<string, { owner: string; expires: number }>();
  const liveOwner = (key: string): string | undefined => {
    const c = claims.get(key);
    return c && c.expires >= Date.now() ? c.owner : undefined;
  };
  const liveSet = (key: string): OrderedSet | undefined => {
    const set = sets.get(key);
    if (set?.expires !== undefined && set.expires < Date.now()) {
      sets.delete(key);
      return undefined;
    }
    return set;
  };
  const read = (key: string) => {
    const hash = hashes.get(key);
    return hash && hash.size > 0 ? Object.fromEntries(hash) : undefined;
  };
  return {
    async hashGet(key) {
      return read(key);
    },
    async hashGetMany(keys) {
      return keys.map(read);
    },
    async hashPut(key, set, unset, mode: HashPutMode) {
      const current = hashes.get(key);
      if (mode === 'if-exists' && (!current || current.size === 0)) return false;
      const next = mode === 'replace' || !current ? new Map<string, string>() : current;
      for (const [field, value] of Object.entries(set)) next.set(field, value);
      for (const field of unset) if (!(field in set)) next.delete(field);
      hashes.set(key, next);
      return true;
    },
    async zAdd(key, entries: Scored[], options: ZAddOptions = {}) {
      const set = liveSet(key) ?? { scores: new Map<string, number>() };
      for (const { member, score } of entries) {
        if (!(options.keepScore && set.scores.has(member))) set.scores.set(member, score);
      }
      if (options.cap !== undefined && set.scores.size > options.cap) {
        const sorted = [...set.scores].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
        for (const [member] of sorted.slice(0, sorted.length - options.cap)) set.scores.delete(member);
      }
      if (options.ttlMs !== undefined) set.expires = Date.now() + options.ttlMs;
      sets.set(key, set);
    },
    async zRemove(key, members) {
      const set = liveSet(key);
      for (const member of members) set?.scores.delete(member);
    },
    async zMembers(key) {
      const set = liveSet(key);
      if (!set) return [];
      return [...set.scores].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([member]) => member);
    },
    async delete(key) {
      hashes.delete(key);
      sets.delete(key);
    },
    async claim(key, owner, ttlMs) {
      if (liveOwner(key) !== undefined) return false;
      claims.set(key, { owner, expires: Date.now() + ttlMs });
      return true;
    },
    async claimOwner(key) {
      return liveOwner(key);
    },
    async renewClaim(key, owner, ttlMs) {
      if (liveOwner(key) !== owner) return false;
      claims.set(key, { owner, expires: Date.now() + ttlMs });
      return true;
    },
    async releaseClaim(key, owner) {
      return liveOwner(key) === owner && claims.delete(key);
    },
    async clear() {
      hashes.clear();
      sets.clear();
      claims.clear();
    },
    async sweepExpired(now) {
      let n = 0;
      for (const [key, c] of claims) {
        if (c.expires < now) {
          claims.delete(key);
          n++;
        }
      }
      for (const [key, set] of sets) {
        if (set.expires !== undefined && set.expires < now) {
          n += set.scores.size;
          sets.delete(key);
        }
      }
      return n;
    },
  };
}
