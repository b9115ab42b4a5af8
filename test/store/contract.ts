// The BotStore contract: every backend must pass it. Call botStoreContract() from a *.test.ts file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_EXAMPLE_PAPERS, type BotStore, type Store, type SubscriptionPatch } from '../../src/ports.js';
import * as storeKeys from '../../src/store-keys.js';
import type { Records } from '../../src/store/records.js';
import type { Feedback, ThreadTurn } from '../../src/types.js';
import { newRun, planRunIfAbsent, loadRun } from '../../src/digest/run-state.js';
import { makeSubscription, sleep } from './helpers.js';

/** What a backend's test file supplies. */
export interface ContractTarget {
  /** Opens a store over this target's data (the same data on every call for persistent backends). */
  open(): Promise<BotStore>;
  /** Removes the target's data (temp files, keys). */
  dispose?(): Promise<void>;
}

/** How a backend's test file runs the contract. */
export interface ContractOptions {
  /** Called before each test; must give empty data. */
  makeTarget: () => Promise<ContractTarget>;
  /** True when data outlives close() (SQLite, Redis, Postgres): adds the reopen test. */
  persistent: boolean;
}

/** Registers the contract suite for one backend. */
export function botStoreContract(name: string, { makeTarget, persistent }: ContractOptions): void {
  describe(`BotStore contract: ${name}`, () => {
    let target: ContractTarget;
    let store: BotStore;

    beforeEach(async () => {
      target = await makeTarget();
      store = await target.open();
    });
    afterEach(async () => {
      await store.close();
      await target.dispose?.();
    });

    describe('kv', () => {
      it('gets, sets, deletes and getMany in order', async () => {
        await store.kv.set('test:a', { n: 1, list: ['x'] });
        await store.kv.set('test:b', 'plain');
        expect(await store.kv.get('test:a')).toEqual({ n: 1, list: ['x'] });
        expect(await store.kv.getMany(['test:b', 'test:missing', 'test:a'])).toEqual(['plain', undefined, { n: 1, list: ['x'] }]);
        expect(await store.kv.getMany([])).toEqual([]);
        await store.kv.delete('test:a');
        await store.kv.delete('test:never');
        expect(await store.kv.get('test:a')).toBeUndefined();
      });

      it('keeps strings that start with a colon and nested values intact', async () => {
        const value = { s: ':base64:abc', t: ':x', n: null, deep: [{ a: [1, 2] }] };
        await store.kv.set('test:colon', value);
        expect(await store.kv.get('test:colon')).toEqual(value);
      });

      it('expires values after their ttl', async () => {
        // TTLs long enough that a loaded CI machine reads before expiry, short enough to wait out.
        await store.kv.set('test:short', 1, 300);
        await store.kv.set('test:long', 2, 60_000);
        await store.kv.set('test:none', 3);
        expect(await store.kv.get('test:short')).toBe(1);
        await sleep(400);
        expect(await store.kv.get('test:short')).toBeUndefined();
        expect(await store.kv.getMany(['test:short', 'test:long', 'test:none'])).toEqual([undefined, 2, 3]);
      });

      it('setIfAbsent sets only when absent, and again after expiry', async () => {
        expect(await store.kv.setIfAbsent('test:lock', 'first', 300)).toBe(true);
        expect(await store.kv.setIfAbsent('test:lock', 'second', 300)).toBe(false);
        expect(await store.kv.get('test:lock')).toBe('first');
        await sleep(400);
        expect(await store.kv.setIfAbsent('test:lock', 'third')).toBe(true);
        expect(await store.kv.get('test:lock')).toBe('third');
        expect(await store.kv.setIfAbsent('test:lock', 'fourth')).toBe(false);
        await store.kv.delete('test:lock');
        expect(await store.kv.setIfAbsent('test:lock', 'fifth')).toBe(true);
      });

      it('setIfAbsent lets exactly one of many concurrent callers win', async () => {
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.kv.setIfAbsent('test:race', i, 5_000)));
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.kv.get('test:race')).toBe(results.indexOf(true));
      });

      it('setIfAbsent across two connections: exactly one of concurrent callers wins, expiry lets a new caller win', async () => {
        const other = persistent ? await target.open() : store;
        try {
          const both = await Promise.all(
            Array.from({ length: 12 }, (_, i) => (i % 2 ? other : store).kv.setIfAbsent('test:two', `c${i}`, 1_000)),
          );
          expect(both.filter(Boolean)).toHaveLength(1);
          expect(await other.kv.get('test:two')).toBe(`c${both.indexOf(true)}`);
          await sleep(1_100);
          expect(await other.kv.setIfAbsent('test:two', 'later', 60_000)).toBe(true);
          expect(await store.kv.setIfAbsent('test:two', 'too late', 60_000)).toBe(false);
          expect(await store.kv.get('test:two')).toBe('later');
        } finally {
          if (other !== store) await other.close();
        }
      });

      it('planRunIfAbsent: two concurrent planners of one (channel, date) share the first plan', async () => {
        const other = persistent ? await target.open() : store;
        try {
          const now = new Date('2026-06-12T09:00:00Z');
          const digest = { date: '2026-06-12', interests: 'x', totalNew: 0, items: [], notes: [] };
          const plans = await Promise.all(
            ['run-a', 'run-b', 'run-c', 'run-d'].map((runId, i) =>
              planRunIfAbsent((i % 2 ? other : store).kv, newRun({ channelKey: 'slack:CPLAN', digest, runId, now })),
            ),
          );
          expect(new Set(plans.map((p) => p.runId)).size).toBe(1);
          expect((await loadRun(store.kv, 'slack:CPLAN', '2026-06-12'))?.runId).toBe(plans[0]!.runId);
        } finally {
          if (other !== store) await other.close();
        }
      });

      it('claims: one owner at a time, renewed and released only by its owner, free after expiry', async () => {
        const claims = (store.kv as Store & { records: Records }).records;
        expect(await claims.claim('lock:t', 'a', 300)).toBe(true);
        expect(await claims.claim('lock:t', 'b', 5_000)).toBe(false);
        expect(await claims.claimOwner('lock:t')).toBe('a');
        expect(await claims.renewClaim('lock:t', 'b', 5_000)).toBe(false);
        expect(await claims.renewClaim('lock:t', 'a', 5_000)).toBe(true);
        await sleep(400);
        expect(await claims.claimOwner('lock:t')).toBe('a');
        expect(await claims.releaseClaim('lock:t', 'b')).toBe(false);
        expect(await claims.releaseClaim('lock:t', 'a')).toBe(true);
        expect(await claims.claimOwner('lock:t')).toBeUndefined();
        expect(await claims.claim('lock:short', 'a', 30)).toBe(true);
        await sleep(60);
        expect(await claims.renewClaim('lock:short', 'a', 5_000)).toBe(false);
        expect(await claims.releaseClaim('lock:short', 'a')).toBe(false);
        expect(await claims.claim('lock:short', 'b', 5_000)).toBe(true);
        const race = await Promise.all(Array.from({ length: 20 }, (_, i) => claims.claim('lock:race', `o${i}`, 5_000)));
        expect(race.filter(Boolean)).toHaveLength(1);
      });

      it('refuses Dates and Sets instead of changing them silently', async () => {
        await expect(store.kv.set('test:date', { at: new Date() })).rejects.toThrow(/ISO string/);
        await expect(store.kv.set('test:set', { ids: new Set(['a']) })).rejects.toThrow(/Set/);
        await expect(store.kv.setIfAbsent('test:set', new Set(['a']))).rejects.toThrow(/Set/);
        expect(await store.kv.get('test:date')).toBeUndefined();
      });
    });

    describe('subscriptions', () => {
      it('saves, replaces, lists in subscription order and deletes', async () => {
        await store.saveSubscription(makeSubscription('slack:C1'));
        await store.saveSubscription(makeSubscription('discord:42', { interests: 'robots' }));
        await store.saveSubscription(makeSubscription('slack:C1', { size: 9 }));
        expect((await store.getSubscription('slack:C1'))!.size).toBe(9);
        expect((await store.listSubscriptions()).map((s) => s.channel.key)).toEqual(['slack:C1', 'discord:42']);
        await store.deleteSubscription('slack:C1');
        await store.deleteSubscription('slack:nope');
        expect(await store.getSubscription('slack:C1')).toBeUndefined();
        expect((await store.listSubscriptions()).map((s) => s.channel.key)).toEqual(['discord:42']);
      });

      it('updates only the given fields, removes fields given as undefined, and refuses absent channels', async () => {
        await store.saveSubscription(makeSubscription('slack:C1', { paused: true, pausedReason: 'by boss' }));
        const updated = await store.updateSubscription('slack:C1', { size: 8, paused: false, pausedReason: undefined });
        expect(updated).toMatchObject({ size: 8, paused: false, interests: 'language models' });
        expect(updated).not.toHaveProperty('pausedReason');
        expect(await store.getSubscription('slack:C1')).toEqual(updated);
        expect(await store.updateSubscription('slack:nope', { size: 3 })).toBeUndefined();
        expect(await store.getSubscription('slack:nope')).toBeUndefined();
        expect((await store.listSubscriptions()).map((s) => s.channel.key)).toEqual(['slack:C1']);
      });

      it('keeps concurrent updates of different fields', async () => {
        await store.saveSubscription(makeSubscription('slack:C1'));
        await Promise.all([
          store.updateSubscription('slack:C1', { size: 9 }),
          store.updateSubscription('slack:C1', { threshold: 0.5 }),
          store.updateSubscription('slack:C1', { interests: 'robots' }),
          store.updateSubscription('slack:C1', { follow: ['Ada'] }),
          store.updateSubscription('slack:C1', { quietDayNote: false }),
          store.updateSubscription('slack:C1', { lastDigestAt: '2026-06-12T09:00:00.000Z' }),
        ]);
        expect(await store.getSubscription('slack:C1')).toMatchObject({
          size: 9,
          threshold: 0.5,
          interests: 'robots',
          follow: ['Ada'],
          quietDayNote: false,
          lastDigestAt: '2026-06-12T09:00:00.000Z',
        });
      });

      it.runIf(persistent)('loses no subscription or setting when two connections write at once', async () => {
        const other = await target.open();
        try {
          await Promise.all(
            Array.from({ length: 20 }, (_, i) => (i % 2 ? store : other).saveSubscription(makeSubscription(`slack:P${i}`))),
          );
          expect((await other.listSubscriptions()).map((s) => s.channel.key).sort()).toEqual(
            Array.from({ length: 20 }, (_, i) => `slack:P${i}`).sort(),
          );
          await Promise.all([
            store.updateSubscription('slack:P0', { size: 2 }),
            other.updateSubscription('slack:P0', { threshold: 0.7 }),
            store.addFeedback('slack:P0', { paperId: 'p1', userId: 'u1', value: 1, at: '2026-06-12T09:00:00Z' }),
            other.addFeedback('slack:P0', { paperId: 'p1', userId: 'u2', value: -1, at: '2026-06-12T09:00:01Z' }),
            store.markSeen('slack:P0', ['a']),
            other.markSeen('slack:P0', ['b']),
            store.appendTurn('slack:P0:1', { role: 'user', text: 'one', at: '2026-06-12T09:00:00Z' }),
            other.appendTurn('slack:P0:1', { role: 'user', text: 'two', at: '2026-06-12T09:00:00Z' }),
          ]);
          expect(await store.getSubscription('slack:P0')).toMatchObject({ size: 2, threshold: 0.7 });
          expect(await store.listFeedback('slack:P0')).toHaveLength(2);
          expect(await store.seenPaperIds('slack:P0')).toEqual(new Set(['a', 'b']));
          expect((await store.getTurns('slack:P0:1')).map((t) => t.text).sort()).toEqual(['one', 'two']);
        } finally {
          await other.close();
        }
      });

      it('keeps example papers as a set: per-member add and remove, first-added order, the cap drops the earliest', async () => {
        await store.saveSubscription(makeSubscription('slack:C1', { likes: ['a', 'b'] }));
        await store.addExamples('slack:C1', ['c', 'a']);
        await store.removeExamples('slack:C1', ['b', 'absent']);
        expect((await store.getSubscription('slack:C1'))!.likes).toEqual(['a', 'c']);
        // Examples are not a setting: a whole list given to updateSubscription changes nothing.
        await store.updateSubscription('slack:C1', { size: 4, likes: ['z'] } as SubscriptionPatch);
        expect(await store.getSubscription('slack:C1')).toMatchObject({ size: 4, likes: ['a', 'c'] });
        const more = Array.from({ length: MAX_EXAMPLE_PAPERS }, (_, i) => `p${i}`);
        await store.addExamples('slack:C1', more);
        expect((await store.listSubscriptions())[0]!.likes).toEqual(more);
        // Re-subscribing replaces the examples; unsubscribing removes them.
        await store.saveSubscription(makeSubscription('slack:C1', { likes: ['p3', 'x'] }));
        expect((await store.getSubscription('slack:C1'))!.likes).toEqual(['p3', 'x']);
        await store.deleteSubscription('slack:C1');
        await store.saveSubscription(makeSubscription('slack:C1'));
        expect((await store.getSubscription('slack:C1'))!.likes).toEqual([]);
      });

      it('moves examples an older version kept as a list field into the set, once, in their order', async () => {
        const records = (store.kv as Store & { records: Records }).records;
        const { likes: _none, ...settings } = makeSubscription('slack:C1');
        const oldFields = Object.fromEntries(Object.entries({ ...settings, likes: ['old1', 'old2', 'old3'] }).map(([k, v]) => [k, JSON.stringify(v)]));
        await records.hashPut(storeKeys.subscription('slack:C1'), oldFields, [], 'replace');
        await records.zAdd(storeKeys.subscribedChannels(), [{ member: 'slack:C1', score: 1 }]);
        expect((await store.listSubscriptions())[0]!.likes).toEqual(['old1', 'old2', 'old3']);
        expect(await records.hashGet(storeKeys.subscription('slack:C1'))).not.toHaveProperty('likes');
        await store.removeExamples('slack:C1', ['old2']);
        await store.addExamples('slack:C1', ['new']);
        // A fresh connection (persistent backends) reads the moved set, not the old field again.
        const reader = persistent ? await target.open() : store;
        try {
          expect((await reader.getSubscription('slack:C1'))!.likes).toEqual(['old1', 'old3', 'new']);
        } finally {
          if (reader !== store) await reader.close();
        }
      });

      it('moves a whole subscription an older version kept in keyv, with its example papers into the set', async () => {
        await store.kv.set(storeKeys.subscription('slack:C9'), makeSubscription('slack:C9', { likes: ['x1', 'x2'] }));
        await store.kv.set(storeKeys.legacySubscriptionIndex(), ['slack:C9']);
        expect(await store.getSubscription('slack:C9')).toMatchObject({ interests: 'language models', likes: ['x1', 'x2'] });
        await store.addExamples('slack:C9', ['x3']);
        expect((await store.listSubscriptions()).map((s) => s.likes)).toEqual([['x1', 'x2', 'x3']]);
        expect(await store.kv.get(storeKeys.subscription('slack:C9'))).toBeUndefined();
      });

      it('keeps the index consistent under concurrent saves', async () => {
        await Promise.all(Array.from({ length: 10 }, (_, i) => store.saveSubscription(makeSubscription(`slack:C${i}`))));
        expect((await store.listSubscriptions()).map((s) => s.channel.key).sort()).toEqual(
          Array.from({ length: 10 }, (_, i) => `slack:C${i}`).sort(),
        );
      });
    });

    describe('channel state', () => {
      it('remembers seen papers per channel', async () => {
        expect(await store.seenPaperIds('slack:C1')).toEqual(new Set());
        await store.markSeen('slack:C1', ['a', 'b']);
        await store.markSeen('slack:C1', ['b', 'c']);
        await store.markSeen('slack:C1', []);
        await Promise.all([store.markSeen('slack:C1', ['d']), store.markSeen('slack:C1', ['e'])]);
        expect(await store.seenPaperIds('slack:C1')).toEqual(new Set(['a', 'b', 'c', 'd', 'e']));
        expect(await store.seenPaperIds('slack:C2')).toEqual(new Set());
      });

      it('keeps one vote per user and paper; removal deletes it', async () => {
        const vote = (paperId: string, userId: string, value: 1 | -1, at: string): Feedback => ({ paperId, userId, value, at });
        await store.addFeedback('slack:C1', vote('p1', 'u1', 1, '2026-06-12T09:00:00Z'));
        await store.addFeedback('slack:C1', vote('p1', 'u2', -1, '2026-06-12T09:01:00Z'));
        await store.addFeedback('slack:C1', vote('p1', 'u1', -1, '2026-06-12T09:02:00Z'));
        await store.addFeedback('slack:C2', vote('p1', 'u1', 1, '2026-06-12T09:03:00Z'));
        expect(await store.listFeedback('slack:C1')).toEqual([
          vote('p1', 'u2', -1, '2026-06-12T09:01:00Z'),
          vote('p1', 'u1', -1, '2026-06-12T09:02:00Z'),
        ]);
        await store.removeFeedback('slack:C1', 'p1', 'u2');
        await store.removeFeedback('slack:C1', 'p9', 'u2');
        expect(await store.listFeedback('slack:C1')).toEqual([vote('p1', 'u1', -1, '2026-06-12T09:02:00Z')]);
        expect(await store.listFeedback('slack:C2')).toHaveLength(1);
        expect(await store.listFeedback('slack:C3')).toEqual([]);
      });

      it('remembers posted messages', async () => {
        const posted = { kind: 'digest-paper' as const, channelKey: 'slack:C1', date: '2026-06-12', paperIds: ['2606.00001'] };
        await store.rememberPost('slack:C1:1718000000.000100', posted);
        expect(await store.getPost('slack:C1:1718000000.000100')).toEqual(posted);
        expect(await store.getPost('slack:C1:other')).toBeUndefined();
      });

      it('appends thread turns oldest first and keeps the last 50', async () => {
        const turn = (i: number): ThreadTurn => ({ role: i % 2 ? 'assistant' : 'user', text: `turn ${i}`, at: `2026-06-12T09:00:${String(i % 60).padStart(2, '0')}Z` });
        expect(await store.getTurns('discord:1:2')).toEqual([]);
        await store.appendTurn('discord:1:2', turn(0));
        await store.appendTurn('discord:1:2', turn(1));
        expect(await store.getTurns('discord:1:2')).toEqual([turn(0), turn(1)]);
        for (let i = 2; i < 60; i++) await store.appendTurn('discord:1:2', turn(i));
        const turns = await store.getTurns('discord:1:2');
        expect(turns).toHaveLength(50);
        expect(turns[0]).toEqual(turn(10));
        expect(turns[49]).toEqual(turn(59));
      });
    });

    it('close is safe to call twice', async () => {
      await store.close();
      await store.close();
      store = await target.open();
    });

    it.runIf(persistent)('keeps everything across close and reopen', async () => {
      await store.saveSubscription(makeSubscription('slack:C1'));
      await store.markSeen('slack:C1', ['2606.00001']);
      await store.kv.set('test:ttl', 'x', 60_000);
      await store.close();
      store = await target.open();
      expect((await store.listSubscriptions()).map((s) => s.channel.key)).toEqual(['slack:C1']);
      expect(await store.seenPaperIds('slack:C1')).toEqual(new Set(['2606.00001']));
      expect(await store.kv.get('test:ttl')).toBe('x');
    });
  });
}
