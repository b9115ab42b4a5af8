import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports.js';
import { createStoreLocks, digestLockName } from '../../src/scheduler/lock.js';
import type { Records } from '../../src/store/records.js';
import { newStore } from './support.js';

/** The store's claims, where paperbot keeps locks (white-box: to simulate other holders). */
const claimsOf = (kv: Store): Records => (kv as Store & { records: Records }).records;

describe('store locks', () => {
  it('only one owner holds a lock at a time; release lets the next one in', async () => {
    const { kv } = await newStore();
    const a = createStoreLocks(kv, { ownerId: 'a' });
    const b = createStoreLocks(kv, { ownerId: 'b' });
    const name = digestLockName('console:c1', '2026-04-27');
    const held = await a.acquire(name);
    expect(held?.owner).toBe('a');
    expect(await b.acquire(name)).toBeUndefined();
    expect(await held!.isHeld()).toBe(true);
    await held!.release();
    expect(await held!.isHeld()).toBe(false);
    expect((await b.acquire(name))?.owner).toBe('b');
  });

  it('a release never deletes a lock another owner holds now', async () => {
    const { kv } = await newStore();
    const a = createStoreLocks(kv, { ownerId: 'a' });
    const held = await a.acquire('x');
    // a's lock expired and b took it (simulated by freeing and claiming it as b).
    await claimsOf(kv).releaseClaim('lock:x', 'a');
    await claimsOf(kv).claim('lock:x', 'b', 60_000);
    await held!.release();
    expect(await claimsOf(kv).claimOwner('lock:x')).toBe('b');
  });

  it('uses Store.deleteIfEquals when the store offers it', async () => {
    const { kv } = await newStore();
    const calls: unknown[][] = [];
    const withCas: Store = {
      ...kv,
      get: kv.get.bind(kv),
      getMany: kv.getMany.bind(kv),
      set: kv.set.bind(kv),
      delete: async () => {
        throw new Error('plain delete must not be used');
      },
      setIfAbsent: kv.setIfAbsent.bind(kv),
      close: kv.close.bind(kv),
      deleteIfEquals: async (key, value) => {
        calls.push([key, value]);
        return true;
      },
    };
    const held = await createStoreLocks(withCas, { ownerId: 'a' }).acquire('y');
    await held!.release();
    expect(calls).toEqual([['lock:y', 'a']]);
  });

  it('an abandoned lock expires after its TTL', async () => {
    const { kv } = await newStore();
    // A holder that died right after taking the lock: nobody renews it.
    expect(await claimsOf(kv).claim('lock:z', 'crashed', 40)).toBe(true);
    const other = createStoreLocks(kv, { ownerId: 'other' });
    expect(await other.acquire('z', 40)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 80));
    expect((await other.acquire('z', 40))?.owner).toBe('other');
  });

  it('the holder renews its lock while it works, so it never expires under a long run', async () => {
    const { kv } = await newStore();
    const a = createStoreLocks(kv, { ownerId: 'a' });
    const held = await a.acquire('long', 60);
    await new Promise((r) => setTimeout(r, 200));
    expect(await held!.isHeld()).toBe(true);
    expect(await createStoreLocks(kv, { ownerId: 'b' }).acquire('long', 60)).toBeUndefined();
    await held!.release();
  });

  it('a lock taken over after expiry is reported lost to the old holder', async () => {
    const { kv } = await newStore();
    const held = await createStoreLocks(kv, { ownerId: 'a' }).acquire('w', 60_000);
    // a stalled past its TTL and b took over:
    await claimsOf(kv).releaseClaim('lock:w', 'a');
    await claimsOf(kv).claim('lock:w', 'b', 60_000);
    expect(await held!.isHeld()).toBe(false);
  });

  it('one process cannot take the same lock twice', async () => {
    const { kv } = await newStore();
    const a = createStoreLocks(kv, { ownerId: 'a' });
    const first = await a.acquire('same');
    expect(await a.acquire('same')).toBeUndefined();
    await first!.release();
    expect(await a.acquire('same')).toBeDefined();
  });

  it('releaseAll drops every lock this instance holds', async () => {
    const { kv } = await newStore();
    const a = createStoreLocks(kv, { ownerId: 'a' });
    await a.acquire('one');
    await a.acquire('two');
    await a.releaseAll();
    expect(await claimsOf(kv).claimOwner('lock:one')).toBeUndefined();
    expect(await claimsOf(kv).claimOwner('lock:two')).toBeUndefined();
  });
});
