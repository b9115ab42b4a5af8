// Behaviour of the BotStore that the contract cannot see from outside: how much it writes.
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports.js';
import { KeyvBotStore, KeyvStore, storeKeys } from '../../src/store/index.js';
import { makePaper } from './helpers.js';

/** A Store that counts writes per key prefix. */
function countingStore(inner: Store) {
  const writes = new Map<string, number>();
  const store: Store = {
    get: (k) => inner.get(k),
    getMany: (k) => inner.getMany(k),
    async set(key, value, ttl) {
      const kind = key.startsWith('papers:catalog') ? 'catalog' : key.split(':')[0]!;
      writes.set(kind, (writes.get(kind) ?? 0) + 1);
      await inner.set(key, value, ttl);
    },
    delete: (k) => inner.delete(k),
    setIfAbsent: (k, v, t) => inner.setIfAbsent(k, v, t),
    close: () => inner.close(),
  };
  return { store, writes };
}

describe('KeyvBotStore writes', () => {
  it('writes the catalog once per upsert of 1,000 same-day papers, and each paper once', async () => {
    const inner = KeyvStore.memory();
    const { store, writes } = countingStore(inner);
    const bot = new KeyvBotStore(store, undefined, inner.records);
    const papers = Array.from({ length: 1000 }, (_, i) => makePaper(`2606.${String(i).padStart(5, '0')}`));
    await bot.upsertPapers(papers);
    // One chunk for the month plus the chunk list (new month).
    expect(writes.get('catalog')).toBe(2);
    expect(writes.get('paper')).toBe(1000);

    writes.clear();
    await bot.upsertPapers(papers);
    expect(writes.size).toBe(0);

    writes.clear();
    await bot.upsertPapers(papers.slice(0, 10).map((p) => ({ ...p, signals: { upvotes: 1 } })));
    expect(writes.get('paper')).toBe(10);
    expect(writes.get('catalog')).toBeUndefined();
  });

  it('heals a catalog that missed a write', async () => {
    const kv = KeyvStore.memory();
    const bot = new KeyvBotStore(kv);
    await bot.upsertPapers([makePaper('a'), makePaper('b')]);
    await kv.delete(storeKeys.papersCatalogChunk('2026-06'));
    expect(await bot.allPaperIds()).toEqual([]);
    await bot.upsertPapers([makePaper('a'), makePaper('b')]);
    expect((await bot.allPaperIds()).sort()).toEqual(['a', 'b']);
  });

  it('serializes concurrent upserts so no catalog entry is lost', async () => {
    const bot = new KeyvBotStore(KeyvStore.memory());
    await Promise.all(Array.from({ length: 20 }, (_, i) => bot.upsertPapers([makePaper(`p${i}`)])));
    expect(await bot.allPaperIds()).toHaveLength(20);
  });
});
