// The SQLite store file is opened through one SQLite library and one connection per store: keyv's
// values used to go through @keyv/sqlite (its own copy of SQLite, `sqlite3`) next to better-sqlite3
// for the records, which https://www.sqlite.org/howtocorrupt.html §2.2.1 says corrupts files (the
// copies' POSIX locks do not exclude each other). Also: files written by that old layout still read.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createBotStore, KeyvStore, storeKeys } from '../../src/store/index.js';

const root = mkdtempSync(join(tmpdir(), 'paperbot-one-sqlite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshPath = () => join(root, `store-${n++}.sqlite`);

/** How many of this process's file descriptors point at `path` itself (Linux; undefined elsewhere). */
function openDescriptors(path: string): number | undefined {
  let fds: string[];
  try {
    fds = readdirSync('/proc/self/fd');
  } catch {
    return undefined;
  }
  return fds.filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
}

function writer(url: string, tag: string, count: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/run-ts.mjs', 'test/store/sqlite-writer.ts', url, tag, String(count)], {
      cwd: process.cwd(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('SQLite store: one library, one connection', () => {
  it('no second SQLite library is installed or loaded (@keyv/sqlite and its sqlite3 are gone)', async () => {
    const require = createRequire(import.meta.url);
    expect(() => require.resolve('sqlite3')).toThrow();
    expect(() => require.resolve('@keyv/sqlite')).toThrow();
    const store = await KeyvStore.open(`sqlite://${freshPath()}`);
    await store.set('k', 1);
    await store.close();
    expect(Object.keys(require.cache).filter((m) => /[\\/]node_modules[\\/](sqlite3|@keyv[\\/]sqlite)[\\/]/.test(m))).toEqual([]);
  });

  it('opens the store file once per store (values and records share the connection)', async () => {
    const path = freshPath();
    const store = await KeyvStore.open(`sqlite://${path}`);
    await store.set('value', { a: 1 });
    await store.records.hashPut('hash', { f: 'v' }, [], 'merge');
    const fds = openDescriptors(path);
    if (fds !== undefined) expect(fds).toBe(1);
    await store.close();
    if (fds !== undefined) expect(openDescriptors(path)).toBe(0);
  });

  it('keeps every write from two stores in this process and a child process on one file, which stays intact', async () => {
    const path = freshPath();
    const url = `sqlite://${path}`;
    const COUNT = 150;
    const a = await KeyvStore.open(url);
    const b = await KeyvStore.open(url);
    const write = async (store: KeyvStore, tag: string, count: number) => {
      for (let i = 0; i < count; i++) {
        await store.set(`${tag}:${i}`, { i, tag });
        await store.records.zAdd(tag, [{ member: String(i), score: i }]);
      }
    };
    const child = writer(url, 'child', COUNT);
    // `a` closes halfway through while `b` and the child keep writing: closing a connection of a
    // second SQLite copy is what used to drop the locks of the other one.
    await Promise.all([
      (async () => {
        await write(a, 'a', COUNT / 2);
        await a.close();
      })(),
      write(b, 'b', COUNT),
    ]);
    const done = await child;
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    await b.close();

    const check = await KeyvStore.open(url);
    for (const [tag, count] of [['a', COUNT / 2], ['b', COUNT], ['child', COUNT]] as const) {
      const values = await check.getMany<{ i: number; tag: string }>(Array.from({ length: count }, (_, i) => `${tag}:${i}`));
      expect(values.map((v) => v?.i)).toEqual(Array.from({ length: count }, (_, i) => i));
      expect((await check.records.zMembers(tag)).length).toBe(count);
    }
    await check.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 60_000);
});

describe('a store file written by @keyv/sqlite 4 (test/fixtures/store/keyv-sqlite-v4.sqlite)', () => {
  it('reads its values, records and expiries unchanged, and writes new values in the same layout', async () => {
    const path = freshPath();
    copyFileSync(join(__dirname, '..', 'fixtures', 'store', 'keyv-sqlite-v4.sqlite'), path);
    const store = await createBotStore(`sqlite://${path}`);
    const sub = await store.getSubscription('slack:C1');
    expect(sub).toMatchObject({ size: 7, interests: 'retrieval', likes: ['2401.00001', '2401.00002'] });
    expect([...(await store.seenPaperIds('slack:C1'))].sort()).toEqual(['2401.00003', '2401.00004']);
    expect(await store.kv.get(storeKeys.summary('2401.00001', 'v3', 'gpt-x'))).toEqual({ text: 'A cached summary', lang: 'en' });
    expect(await store.kv.get(storeKeys.digestRun('slack:C1', '2026-12-04'))).toMatchObject({ status: 'posted', papers: ['2401.00001'] });
    expect(await store.kv.get(storeKeys.cacheKey('expired', 'x'))).toBeUndefined();
    await store.kv.set('added', { by: 'new code' });
    await store.close();

    const db = new Database(path, { readonly: true });
    const rows = db.prepare('SELECT key, value FROM keyv ORDER BY key').all() as Array<{ key: string; value: string }>;
    expect(rows.find((r) => r.key === 'paperbot:added')?.value).toBe('{"value":{"by":"new code"}}');
    // keyv dropped the expired value when it met it; the long-lived one is still there.
    expect(rows.map((r) => r.key)).not.toContain('paperbot:cache:expired:x');
    expect(rows.map((r) => r.key)).toContain('paperbot:cache:summary:2401.00001:v3:gpt-x');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
