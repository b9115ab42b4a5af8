import { beforeEach, describe, expect, it } from 'vitest';
import type { BotStore } from '../../src/ports.js';
import { ManualClock } from '../../src/clock.js';
import { postDigest } from '../../src/digest/post-digest.js';
import { loadRun } from '../../src/digest/run-state.js';
import {
  FakePlatform,
  ProcessDied,
  killableStore,
  makeDigest,
  makeSub,
  memoryLogger,
  newStore,
} from '../scheduler/support.js';

const DATE = '2026-04-27';
const KEY = 'console:c1';

let store: BotStore;
let clock: ManualClock;
let platform: FakePlatform;

beforeEach(async () => {
  store = await newStore();
  clock = new ManualClock('2026-04-27T09:00:00Z');
  platform = new FakePlatform();
  await store.saveSubscription(makeSub('c1'));
});

function expectedLabels(n: number, date = DATE): string[] {
  return [`header@${date}`, ...Array.from({ length: n }, (_, i) => `paper:consolec1.${date}.${i + 1}`)];
}

describe('postDigest: exactly once', () => {
  it('posts the header then one message per paper, records refs, posts, seen papers and lastDigestAt', async () => {
    const sub = makeSub('c1');
    const result = await postDigest({ store, adapter: platform.adapter(), sub, digest: makeDigest(DATE, 3), logger: memoryLogger(), clock });

    expect(result).toMatchObject({ status: 'done', postedNow: 4, posted: 4, total: 4, resumed: false });
    expect(platform.labelsIn(KEY)).toEqual(expectedLabels(3));

    const run = await loadRun(store.kv, KEY, DATE);
    expect(run?.status).toBe('done');
    expect(run?.refs.map((r) => r?.key)).toEqual(platform.seen.map((p) => p.ref.key));

    const header = await store.getPost(platform.seen[0]!.ref.key);
    expect(header).toEqual({ kind: 'digest-header', channelKey: KEY, date: DATE, paperIds: ['consolec1.2026-04-27.1', 'consolec1.2026-04-27.2', 'consolec1.2026-04-27.3'] });
    expect(await store.getPost(platform.seen[2]!.ref.key)).toEqual({ kind: 'digest-paper', channelKey: KEY, date: DATE, paperIds: ['consolec1.2026-04-27.2'] });
    expect([...(await store.seenPaperIds(KEY))].sort()).toEqual(['consolec1.2026-04-27.1', 'consolec1.2026-04-27.2', 'consolec1.2026-04-27.3']);
    expect((await store.getSubscription(KEY))?.lastDigestAt).toBe('2026-04-27T09:00:00.000Z');
  });

  it('a second call for the same (channel, date) posts nothing', async () => {
    const sub = makeSub('c1');
    await postDigest({ store, adapter: platform.adapter(), sub, digest: makeDigest(DATE, 2), logger: memoryLogger(), clock });
    const again = await postDigest({ store, adapter: platform.adapter(), sub, digest: makeDigest(DATE, 5), logger: memoryLogger(), clock });
    expect(again).toMatchObject({ status: 'already-done', postedNow: 0 });
    expect(platform.seen).toHaveLength(3);
  });

  for (const k of [0, 1, 2, 3, 4]) {
    it(`crash after ${k} of 5 posts, then a fresh run on the same store: each message seen exactly once`, async () => {
      const sub = makeSub('c1');
      const dying = killableStore(store);
      const first = postDigest({
        store: dying.store,
        adapter: platform.adapter({ crashAfter: k, onCrash: dying.kill }),
        sub,
        digest: makeDigest(DATE, 4),
        logger: memoryLogger(),
        clock,
      });
      await expect(first).rejects.toBeInstanceOf(ProcessDied);
      expect(platform.seen).toHaveLength(k);
      expect((await loadRun(store.kv, KEY, DATE))?.status).toBe('posting');

      // The restarted process prepares a *different* digest (e.g. new papers arrived): the stored plan wins.
      clock.advance(60_000);
      const second = await postDigest({ store, adapter: platform.adapter(), sub, digest: makeDigest(DATE, 1), logger: memoryLogger(), clock });
      expect(second).toMatchObject({ status: 'done', postedNow: 5 - k, posted: 5, total: 5, resumed: true });
      expect(platform.labelsIn(KEY)).toEqual(expectedLabels(4));
      expect(new Set(platform.seen.map((p) => p.label)).size).toBe(platform.seen.length);
    });
  }

  it('crashes twice in a row and still ends with every message exactly once', async () => {
    const sub = makeSub('c1');
    for (const crashAfter of [1, 2]) {
      const dying = killableStore(store);
      await expect(
        postDigest({ store: dying.store, adapter: platform.adapter({ crashAfter, onCrash: dying.kill }), sub, digest: makeDigest(DATE, 5), logger: memoryLogger(), clock }),
      ).rejects.toBeInstanceOf(ProcessDied);
    }
    expect(platform.seen).toHaveLength(3);
    const last = await postDigest({ store, adapter: platform.adapter(), sub, digest: makeDigest(DATE, 5), logger: memoryLogger(), clock });
    expect(last).toMatchObject({ status: 'done', postedNow: 3 });
    expect(platform.labelsIn(KEY)).toEqual(expectedLabels(5));
    expect((await loadRun(store.kv, KEY, DATE))?.attempts).toBe(3);
  });
});

describe('postDigest: errors', () => {
  it('a post error stops the run, keeps its state, and a later call resumes without duplicates', async () => {
    const sub = makeSub('c1');
    const logger = memoryLogger();
    const stopped = await postDigest({ store, adapter: platform.adapter({ failAfter: 2 }), sub, digest: makeDigest(DATE, 3), logger, clock });
    expect(stopped).toMatchObject({ status: 'stopped', postedNow: 2, posted: 2, total: 4 });
    expect(stopped.reason).toContain('HTTP 500');
    expect((await loadRun(store.kv, KEY, DATE))).toMatchObject({ status: 'stopped' });
    expect(logger.lines.some((l) => l.level === 'error' && l.channel === KEY && typeof l.runId === 'string')).toBe(true);
    expect((await store.getSubscription(KEY))?.lastDigestAt).toBeUndefined();

    const resumed = await postDigest({ store, adapter: platform.adapter(), sub, digest: makeDigest(DATE, 3), logger, clock });
    expect(resumed).toMatchObject({ status: 'done', postedNow: 2 });
    expect(platform.labelsIn(KEY)).toEqual(expectedLabels(3));
  });

  it('ChannelUnavailableError pauses the subscription, logs the channel key and returns instead of throwing', async () => {
    platform.removeChannel(KEY);
    const logger = memoryLogger();
    const result = await postDigest({ store, adapter: platform.adapter(), sub: makeSub('c1'), digest: makeDigest(DATE, 2), logger, clock });
    expect(result.status).toBe('paused');
    expect(result.reason).toContain('channel_not_found');
    const sub = await store.getSubscription(KEY);
    expect(sub).toMatchObject({ paused: true });
    expect(sub?.pausedReason).toContain('channel_not_found');
    const line = logger.lines.find((l) => String(l.msg).includes('paused'));
    expect(line).toMatchObject({ level: 'warn', channel: KEY, channelKey: KEY });
    expect((await loadRun(store.kv, KEY, DATE))?.status).toBe('paused');
  });

  it('stops between messages once the abort signal fires (shutdown), finishing the one in flight', async () => {
    const controller = new AbortController();
    const inner = platform.adapter();
    let posts = 0;
    const adapter = {
      ...inner,
      post: async (...args: Parameters<typeof inner.post>) => {
        const ref = await inner.post(...args);
        if (++posts === 2) controller.abort(); // SIGTERM arrives while message 2 is in flight
        return ref;
      },
    };
    const result = await postDigest({ store, adapter, sub: makeSub('c1'), digest: makeDigest(DATE, 3), logger: memoryLogger(), clock, signal: controller.signal });
    expect(result).toMatchObject({ status: 'stopped', reason: 'shutdown requested', posted: 2 });
    const run = await loadRun(store.kv, KEY, DATE);
    expect(run?.refs.filter(Boolean)).toHaveLength(2);

    await postDigest({ store, adapter: platform.adapter(), sub: makeSub('c1'), digest: makeDigest(DATE, 3), logger: memoryLogger(), clock });
    expect(platform.labelsIn(KEY)).toEqual(expectedLabels(3));
  });

  it('stops when the lock is lost (canContinue resolves false)', async () => {
    let allowed = 1;
    const result = await postDigest({
      store,
      adapter: platform.adapter(),
      sub: makeSub('c1'),
      digest: makeDigest(DATE, 3),
      logger: memoryLogger(),
      clock,
      canContinue: async () => allowed-- > 0,
    });
    expect(result).toMatchObject({ status: 'stopped', posted: 1 });
    expect(platform.seen).toHaveLength(1);
    // The new holder owns the run state: the loser does not overwrite it with its stale copy.
    expect((await loadRun(store.kv, KEY, DATE))?.status).toBe('posting');
  });
});

describe('postDigest: subscription changes during a run', () => {
  it('does not bring back a channel that unsubscribed while its digest was posting', async () => {
    const inner = platform.adapter();
    const adapter = {
      ...inner,
      post: async (...args: Parameters<typeof inner.post>) => {
        await store.deleteSubscription(KEY);
        return inner.post(...args);
      },
    };
    const result = await postDigest({ store, adapter, sub: makeSub('c1'), digest: makeDigest(DATE, 1), logger: memoryLogger(), clock });
    expect(result.status).toBe('done');
    expect(await store.getSubscription(KEY)).toBeUndefined();
  });

  it('keeps settings an admin changed while the digest was posting', async () => {
    const inner = platform.adapter();
    const adapter = {
      ...inner,
      post: async (...args: Parameters<typeof inner.post>) => {
        await store.saveSubscription(makeSub('c1', { interests: 'robotics' }));
        return inner.post(...args);
      },
    };
    await postDigest({ store, adapter, sub: makeSub('c1'), digest: makeDigest(DATE, 1), logger: memoryLogger(), clock });
    expect(await store.getSubscription(KEY)).toMatchObject({ interests: 'robotics', lastDigestAt: '2026-04-27T09:00:00.000Z' });
  });
});

describe('postDigest: quiet days', () => {
  it('posts a one-line quiet-day header by default', async () => {
    const digest = { ...makeDigest('2026-08-01', 0), notes: [{ kind: 'quiet-day' as const, text: 'Quiet day: arXiv does not announce on weekends.' }] };
    const result = await postDigest({ store, adapter: platform.adapter(), sub: makeSub('c1'), digest, logger: memoryLogger(), clock });
    expect(result).toMatchObject({ status: 'done', total: 1 });
    expect(platform.labelsIn(KEY)).toEqual(['header@2026-08-01']);
  });

  it('adds a quiet-day note when an empty digest has none', async () => {
    await postDigest({ store, adapter: platform.adapter(), sub: makeSub('c1'), digest: makeDigest(DATE, 0), logger: memoryLogger(), clock });
    const run = await loadRun(store.kv, KEY, DATE);
    expect(run?.digest?.notes.map((n) => n.kind)).toEqual(['quiet-day']);
  });

  it('posts nothing when the channel silenced the note, but says so in the logs and completes the day', async () => {
    const sub = makeSub('c1', { quietDayNote: false });
    const logger = memoryLogger();
    const result = await postDigest({ store, adapter: platform.adapter(), sub, digest: makeDigest('2026-08-01', 0), logger, clock });
    expect(result).toMatchObject({ status: 'silenced', posted: 0, total: 0 });
    expect(platform.seen).toHaveLength(0);
    expect(logger.lines.some((l) => l.level === 'info' && /quiet day/i.test(String(l.msg)) && l.channel === KEY)).toBe(true);
    expect((await loadRun(store.kv, KEY, '2026-08-01'))?.status).toBe('done');
    expect((await store.getSubscription(KEY))?.lastDigestAt).toBeDefined();
  });

  it('never silences a day whose sources failed: the failure is explained in the channel', async () => {
    const sub = makeSub('c1', { quietDayNote: false });
    const digest = { ...makeDigest(DATE, 0), notes: [{ kind: 'source-failed' as const, text: 'Source hf failed: HTTP 503.' }] };
    const result = await postDigest({ store, adapter: platform.adapter(), sub, digest, logger: memoryLogger(), clock });
    expect(result.status).toBe('done');
    expect(platform.labelsIn(KEY)).toEqual([`header@${DATE}`]);
  });
});
