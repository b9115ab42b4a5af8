// A tiny in-memory Store for LLM-layer tests (no TTL expiry), counting reads and writes.
import type { Store } from '../../../src/ports.js';

/** An in-memory Store plus its map, for assertions. */
export function memoryKv(): Store & { map: Map<string, unknown>; writes: number } {
  const map = new Map<string, unknown>();
  const kv = {
    map,
    writes: 0,
    async get<T>(key: string) {
      return structuredClone(map.get(key)) as T | undefined;
    },
    async getMany<T>(keys: string[]) {
      return keys.map((k) => structuredClone(map.get(k)) as T | undefined);
    },
    async set<T>(key: string, value: T) {
      kv.writes++;
      map.set(key, structuredClone(value));
    },
    async delete(key: string) {
      map.delete(key);
    },
    async setIfAbsent<T>(key: string, value: T) {
      if (map.has(key)) return false;
      map.set(key, structuredClone(value));
      return true;
    },
    async close() {},
  };
  return kv;
}
