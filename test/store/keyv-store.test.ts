import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { KeyvStore, parseStoreUrl, StoreError } from '../../src/store/index.js';
import { recordingLogger, sleep } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'paperbot-kv-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('parseStoreUrl', () => {
  it('understands every supported scheme', () => {
    expect(parseStoreUrl('memory://')).toEqual({ kind: 'memory' });
    expect(parseStoreUrl('sqlite://./data/x.sqlite')).toEqual({ kind: 'sqlite', path: resolve('data/x.sqlite') });
    expect(parseStoreUrl('sqlite:///var/lib/paperbot.sqlite')).toEqual({ kind: 'sqlite', path: '/var/lib/paperbot.sqlite' });
    expect(parseStoreUrl('sqlite://')).toEqual({ kind: 'sqlite', path: resolve('data/paperbot.sqlite') });
    expect(parseStoreUrl('sqlite://:memory:')).toEqual({ kind: 'sqlite', path: ':memory:' });
    expect(parseStoreUrl('redis://127.0.0.1:6379')).toEqual({ kind: 'redis', url: 'redis://127.0.0.1:6379' });
    expect(parseStoreUrl('rediss://h:6380').kind).toBe('redis');
    expect(parseStoreUrl('postgres://u:p@h/db').kind).toBe('postgres');
    expect(parseStoreUrl('postgresql://u:p@h/db').kind).toBe('postgres');
  });

  it('rejects other schemes without echoing passwords', () => {
    expect(() => parseStoreUrl('mysql://u:secret@h/db')).toThrow(InputError);
    expect(() => parseStoreUrl('mysql://u:secret@h/db')).toThrow(/u:\*\*\*@h/);
    expect(() => parseStoreUrl('./file.sqlite')).toThrow(InputError);
    // A password holding '/' or '@'-free junk must not survive either.
    expect(() => parseStoreUrl('mysql://u:pa/ss%2Fword@h/db')).toThrow(InputError);
    try {
      parseStoreUrl('mysql://u:pa/ss%2Fword@h/db');
    } catch (err) {
      expect(String((err as Error).message)).not.toContain('ss%2Fword');
    }
  });

  it('fails at once, with a clear message, for a SQLite path under /proc, /sys or /dev', () => {
    expect(() => parseStoreUrl('sqlite:///proc/self/fd/0')).toThrow(/under \/proc, not a regular file/);
    expect(() => parseStoreUrl('sqlite:///sys/kernel/x.sqlite')).toThrow(InputError);
    expect(() => parseStoreUrl('sqlite:///dev/zero')).toThrow(InputError);
  });

  it('never prints the password of a store URL the driver refuses', async () => {
    const err = await KeyvStore.open('redis://user:Sup3rSecretPw@127.0.0.1:notaport/0').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(String((err as Error).message)).not.toContain('Sup3rSecretPw');
    expect(JSON.stringify(err)).not.toContain('Sup3rSecretPw');
    expect(String((err as Error & { cause?: unknown }).cause ?? '')).not.toContain('Sup3rSecretPw');
  });
});

describe('KeyvStore', () => {
  it('creates the SQLite folder and keeps data in the file', async () => {
    const path = join(root, 'a', 'b', 'store.sqlite');
    const s1 = await KeyvStore.open(`sqlite://${path}`);
    await s1.set('k', { v: 1 });
    await s1.close();
    const s2 = await KeyvStore.open(`sqlite://${path}`);
    expect(await s2.get('k')).toEqual({ v: 1 });
    expect(s2.kind).toBe('sqlite');
    expect(s2.atomicAcrossProcesses).toBe(true);
    await s2.close();
  });

  it('lets exactly one of two SQLite connections take a lock', async () => {
    const url = `sqlite://${join(root, 'lock.sqlite')}`;
    const [a, b] = await Promise.all([KeyvStore.open(url), KeyvStore.open(url)]);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).setIfAbsent('lock:digest:slack:C1:2026-06-12', i, 60_000)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    await Promise.all([a.close(), b.close()]);
  });

  it('sweeps expired values (through keyv) and expired claims so never-read keys do not pile up', async () => {
    const path = join(root, 'sweep.sqlite');
    const store = await KeyvStore.open(`sqlite://${path}`);
    await store.set('event:slack:1', true, 1);
    await store.set('event:slack:2', true, 1);
    await store.set('keep', true);
    await store.set('keep-ttl', true, 60_000);
    await store.records.claim('lock:gone', 'a', 1);
    await store.records.claim('lock:kept', 'a', 60_000);
    await sleep(10);
    const keyvRows = () => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare<[], { n: number }>("SELECT count(*) AS n FROM keyv WHERE key LIKE 'paperbot:%'").get()!.n;
      } finally {
        db.close();
      }
    };
    expect(keyvRows()).toBe(4);
    expect(await store.sweep()).toBe(1);
    expect(keyvRows()).toBe(2);
    expect(await store.sweep()).toBe(0);
    expect(await store.getMany(['keep', 'keep-ttl'])).toEqual([true, true]);
    expect(await store.records.claimOwner('lock:kept')).toBe('a');
    await store.close();
    const memory = KeyvStore.memory();
    await memory.set('x', 1, 1);
    await memory.set('y', 1);
    await sleep(10);
    await memory.sweep();
    const left: string[] = [];
    for await (const [key] of memory['backend'].keyv.iterator!(undefined)) left.push(String(key));
    expect(left).toEqual(['y']);
  });

  it('clear removes paperbot records', async () => {
    const store = await KeyvStore.open(`sqlite://${join(root, 'clear.sqlite')}`);
    await store.set('a', 1);
    await store.clear();
    expect(await store.get('a')).toBeUndefined();
    await store.close();
  });

  it('rejects every call after close, and close twice is fine', async () => {
    const store = KeyvStore.memory();
    await store.close();
    await store.close();
    await expect(store.get('a')).rejects.toThrow(StoreError);
    await expect(store.set('a', 1)).rejects.toThrow(/closed/);
  });

  it('fails at open with a StoreError naming the URL when the backend is unreachable', async () => {
    const file = join(root, 'plain-file');
    writeFileSync(file, 'not a folder');
    await expect(KeyvStore.open(`sqlite://${file}/x.sqlite`)).rejects.toThrow(StoreError);
    const logger = recordingLogger();
    const error = await KeyvStore.open('postgres://paperbot:secret@127.0.0.1:1/none', logger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(String((error as Error).message)).toMatch(/ECONNREFUSED/);
    expect(String((error as Error).message)).not.toMatch(/secret/);
    expect(logger.lines.some((l) => l.level === 'error' && l.msg === 'store backend error')).toBe(true);
  });

  it('rejects a failing read with StoreError and logs it', async () => {
    const logger = recordingLogger();
    const path = join(root, 'corrupt.sqlite');
    const store = await KeyvStore.open(`sqlite://${path}`, logger);
    await store.set('ok', 1);
    // Damage one row behind keyv's back: the read must reject, not return garbage.
    const raw = new Database(path);
    raw.prepare("UPDATE keyv SET value = '{not json' WHERE key = 'paperbot:ok'").run();
    raw.close();
    await expect(store.get('ok')).rejects.toThrow(StoreError);
    expect(logger.lines.some((l) => l.msg === 'store operation failed' && (l.fields as { key?: string }).key === 'ok')).toBe(true);
    await store.close();
  });
});
