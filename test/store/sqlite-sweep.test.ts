// keyv's values on SQLite (keyv-sqlite-adapter.ts): a sweep drops every expired value, even when
// they span many iteration pages, and clear stays inside paperbot's namespace.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyvStore } from '../../src/store/index.js';
import { sleep } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'paperbot-sweep-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const keyvKeys = (path: string): string[] => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT key FROM keyv ORDER BY key').all() as Array<{ key: string }>).map((r) => r.key);
  } finally {
    db.close();
  }
};

describe('SQLite keyv values', () => {
  it('a sweep deletes every expired value across several iteration pages and keeps the live ones', async () => {
    const path = join(root, 'sweep.sqlite');
    const store = await KeyvStore.open(`sqlite://${path}`);
    // Interleaved so every page of the sweep holds both kinds (1,600 rows: more than three pages).
    for (let i = 0; i < 800; i++) {
      const id = String(i).padStart(4, '0');
      await store.set(`gone:${id}`, i, 1);
      await store.set(`live:${id}`, i);
    }
    await sleep(20);
    await store.sweep();
    const left = keyvKeys(path);
    expect(left.filter((k) => k.startsWith('paperbot:gone:'))).toEqual([]);
    expect(left.filter((k) => k.startsWith('paperbot:live:'))).toHaveLength(800);
    expect(await store.get('live:0799')).toBe(799);
    await store.close();
  });

  it("clear removes paperbot's values only", async () => {
    const path = join(root, 'clear.sqlite');
    const store = await KeyvStore.open(`sqlite://${path}`);
    await store.set('mine', 1);
    const db = new Database(path);
    db.prepare("INSERT INTO keyv (key, value) VALUES ('other:theirs', '{\"value\":2}')").run();
    db.close();
    await store.clear();
    expect(keyvKeys(path)).toEqual(['other:theirs']);
    await store.close();
  });
});
