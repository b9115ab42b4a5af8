import { describe, expect, it } from 'vitest';
import { KeyvStore } from '../../src/store/keyv-store.js';
import { PaperChangeLog } from '../../src/store/paper-change-log.js';
import { IndexSnapshotStore } from '../../src/store/index-snapshot-store.js';
import { createMemoryBotStore, storeKeys } from '../../src/store/index.js';
import { makePaper } from './helpers.js';

describe('PaperChangeLog', () => {
  it('files each recording under the next revision and lists what changed since one', async () => {
    const log = new PaperChangeLog(KeyvStore.memory());
    expect(await log.revision()).toBe(0);
    expect(await log.changedSince(0)).toEqual({ revision: 0, ids: [] });
    expect(await log.record(['a', 'b'])).toBe(1);
    expect(await log.record(['b', 'c'])).toBe(2);
    expect(await log.changedSince(0)).toEqual({ revision: 2, ids: ['a', 'b', 'c'] });
    expect(await log.changedSince(1)).toEqual({ revision: 2, ids: ['b', 'c'] });
    expect(await log.changedSince(2)).toEqual({ revision: 2, ids: [] });
  });

  it('cannot tell after a gap, or for a revision this store never reached', async () => {
    const kv = KeyvStore.memory();
    const log = new PaperChangeLog(kv);
    for (let i = 0; i < 3; i++) await log.record([`p${i}`]);
    expect(await log.changedSince(5)).toBeUndefined();
    expect(await log.changedSince(-1)).toBeUndefined();
    await kv.delete(storeKeys.paperChange(2));
    expect(await log.changedSince(1)).toBeUndefined();
    expect(await log.changedSince(2)).toEqual({ revision: 3, ids: ['p2'] });
  });

  it('never reuses a claimed revision, and reads claims past a lagging counter', async () => {
    const kv = KeyvStore.memory();
    const log = new PaperChangeLog(kv);
    await log.record(['a']);
    await kv.set(storeKeys.paperChange(2), ['b']); // claimed by another writer that has not raised the counter yet
    expect(await log.changedSince(1)).toEqual({ revision: 2, ids: ['b'] });
    expect(await log.record(['c'])).toBe(3);
    expect(await log.changedSince(0)).toEqual({ revision: 3, ids: ['a', 'b', 'c'] });
  });

  it('is kept by upserts that write papers, not by those that change nothing', async () => {
    const store = createMemoryBotStore();
    await store.upsertPapers([makePaper('x1'), makePaper('x2')]);
    expect(await store.papersRevision()).toBe(1);
    await store.upsertPapers([makePaper('x1')]);
    expect(await store.papersRevision()).toBe(1);
    await store.upsertPapers([makePaper('x1', { title: 'New title' })]);
    expect(await store.paperChangesSince(1)).toEqual({ revision: 2, ids: ['x1'] });
    await store.close();
  });
});

/** Incompressible bytes, so deflate keeps their size. */
function noise(length: number): Uint8Array {
  let x = 12345;
  return Uint8Array.from({ length }, () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24));
}

describe('IndexSnapshotStore', () => {
  it('saves bytes in parts, loads them back, and removes the replaced snapshot', async () => {
    const kv = KeyvStore.memory();
    const snapshots = new IndexSnapshotStore(kv, 1000);
    expect(await snapshots.load('papers')).toBeUndefined();
    const bytes = noise(4500);
    await snapshots.save('papers', bytes);
    expect(await snapshots.load('papers')).toEqual(bytes);
    const first = await kv.get<{ generation: string; parts: number }>(storeKeys.indexSnapshot('papers'));
    expect(first?.parts).toBe(5);
    expect(first).toMatchObject({ encoding: 'deflate-raw' });
    await snapshots.save('papers', bytes.subarray(0, 10));
    expect(await snapshots.load('papers')).toEqual(bytes.subarray(0, 10));
    expect(await kv.get(storeKeys.indexSnapshotPart('papers', first!.generation, 0))).toBeUndefined();
  });

  it('stores compressible bytes deflated', async () => {
    const kv = KeyvStore.memory();
    const snapshots = new IndexSnapshotStore(kv, 1000);
    const bytes = new Uint8Array(100_000).fill(7);
    await snapshots.save('papers', bytes);
    expect((await kv.get<{ parts: number }>(storeKeys.indexSnapshot('papers')))?.parts).toBe(1);
    expect(await snapshots.load('papers')).toEqual(bytes);
  });

  it('reports no snapshot when a part is missing', async () => {
    const kv = KeyvStore.memory();
    const snapshots = new IndexSnapshotStore(kv, 100);
    await snapshots.save('papers', noise(250));
    const head = await kv.get<{ generation: string }>(storeKeys.indexSnapshot('papers'));
    await kv.delete(storeKeys.indexSnapshotPart('papers', head!.generation, 1));
    expect(await snapshots.load('papers')).toBeUndefined();
  });
});
