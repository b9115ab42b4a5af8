import { beforeEach, describe, expect, it } from 'vitest';
import type { BotStore } from '../../src/ports.js';
import type { Digest, Subscription } from '../../src/types.js';
import { ManualClock } from '../../src/clock.js';
import { loadRun } from '../../src/digest/run-state.js';
import { createChannelRunner } from '../../src/scheduler/run-channel.js';
import { createScheduler, type Scheduler } from '../../src/scheduler/scheduler.js';
import { FakePlatform, fakePrepare, makeSub, memoryLogger, newStore } from './support.js';

let store: BotStore;
let clock: ManualClock;
let platform: FakePlatform;

beforeEach(async () => {
  store = await newStore();
  clock = new ManualClock('2026-04-27T06:00:00Z'); // Monday
  platform = new FakePlatform();
});

function build(options: {
  prepare?: (sub: Subscription, o: { date: string; since?: string }) => Promise<Digest>;
  adapter?: ReturnType<FakePlatform['adapter']>;
  logger?: ReturnType<typeof memoryLogger>;
} = {}): { scheduler: Scheduler; calls: ReturnType<typeof fakePrepare>['calls']; logger: ReturnType<typeof memoryLogger> } {
  const fake = fakePrepare(3);
  const logger = options.logger ?? memoryLogger();
  const adapter = options.adapter ?? platform.adapter();
  const runChannel = createChannelRunner({
    store,
    adapterFor: () => adapter,
    prepare: options.prepare ?? fake.prepare,
    clock,
    logger,
  });
  return { scheduler: createScheduler({ store, clock, logger, runChannel }), calls: fake.calls, logger };
}

async function save(...subs: Subscription[]): Promise<void> {
  for (const s of subs) await store.saveSubscription(s);
}

describe('scheduler: on time, each zone', () => {
  it('runs each channel at its own local time, once per day', async () => {
    await save(makeSub('utc'), makeSub('berlin', { schedule: { time: '09:00', tz: 'Europe/Berlin', days: [1, 2, 3, 4, 5] } }));
    const { scheduler } = build();

    clock.set('2026-04-27T06:59:00Z');
    expect((await scheduler.tick()).due).toEqual([]);

    clock.set('2026-04-27T07:00:00Z'); // 09:00 CEST
    const first = await scheduler.tick();
    expect(first.due).toEqual(['console:berlin']);
    expect(first.outcomes['console:berlin']).toMatchObject({ status: 'done', posted: 4 });

    clock.set('2026-04-27T09:00:00Z');
    expect((await scheduler.tick()).due).toEqual(['console:utc']);
    clock.set('2026-04-27T09:01:00Z');
    expect((await scheduler.tick()).due).toEqual([]);

    expect(platform.labelsIn('console:berlin')).toHaveLength(4);
    expect(platform.labelsIn('console:utc')).toHaveLength(4);
    // No "late" note on time.
    expect((await loadRun(store.kv, 'console:utc', '2026-04-27'))?.digest?.notes.map((n) => n.kind)).toEqual([]);
  });

  it('logs every line of a run with the channel key and the run id', async () => {
    await save(makeSub('c1'));
    const { scheduler, logger } = build();
    clock.set('2026-04-27T09:00:00Z');
    await scheduler.tick();
    const runLines = logger.lines.filter((l) => l.component !== 'scheduler');
    expect(runLines.length).toBeGreaterThan(2);
    for (const line of runLines) {
      expect(line.channel, JSON.stringify(line)).toBe('console:c1');
      expect(typeof line.runId).toBe('string');
    }
    expect(new Set(runLines.map((l) => l.runId)).size).toBe(1);
  });
});

describe('scheduler: missed digests', () => {
  it('on start-up within the day, posts the missed digest now with a "posted late" note', async () => {
    await save(makeSub('c1'));
    clock.set('2026-04-27T13:30:00Z'); // the bot was down at 09:00 UTC
    const { scheduler } = build();
    await scheduler.start();
    await scheduler.stop();
    expect(platform.labelsIn('console:c1')).toHaveLength(4);
    const notes = (await loadRun(store.kv, 'console:c1', '2026-04-27'))?.digest?.notes ?? [];
    expect(notes[0]).toEqual({ kind: 'backfill', text: 'Posted late: the bot was down at 09:00.' });
  });

  it('after the day is over, does not post it; the next digest covers the papers since the last one', async () => {
    await save(makeSub('c1', { lastDigestAt: '2026-04-24T09:00:03.000Z' })); // Friday
    const { scheduler, calls } = build();
    clock.set('2026-04-28T08:00:00Z'); // Tuesday before 09:00: Monday is over and missed
    expect((await scheduler.tick()).due).toEqual([]);
    clock.set('2026-04-28T09:00:00Z');
    await scheduler.tick();
    expect(calls).toEqual([{ channelKey: 'console:c1', date: '2026-04-28', since: '2026-04-24' }]);
    expect(await loadRun(store.kv, 'console:c1', '2026-04-27')).toBeUndefined();
    expect(platform.labelsIn('console:c1')[0]).toBe('header@2026-04-28');
  });

  it('resumes a digest that was interrupted mid-post before a restart, without a late note', async () => {
    await save(makeSub('c1'));
    clock.set('2026-04-27T09:00:00Z');
    const broken = build({ adapter: platform.adapter({ failAfter: 2 }) });
    expect((await broken.scheduler.tick()).outcomes['console:c1']).toMatchObject({ status: 'stopped', posted: 2 });

    clock.set('2026-04-27T11:00:00Z'); // restarted process
    const { scheduler, calls } = build();
    await scheduler.start();
    await scheduler.stop();
    expect(calls).toEqual([]); // resumed the stored plan, not re-prepared
    expect(platform.labelsIn('console:c1')).toEqual([
      'header@2026-04-27',
      'paper:consolec1.2026-04-27.1',
      'paper:consolec1.2026-04-27.2',
      'paper:consolec1.2026-04-27.3',
    ]);
  });
});

describe('scheduler: quiet days (arXiv calendar)', () => {
  const daily = { time: '09:00', tz: 'UTC', days: [1, 2, 3, 4, 5, 6, 7] as Subscription['schedule']['days'] };

  it('on a weekend posts the quiet-day note by default', async () => {
    await save(makeSub('c1', { schedule: daily }));
    const { scheduler } = build();
    clock.set('2026-08-01T09:00:00Z'); // Saturday
    await scheduler.tick();
    expect(platform.labelsIn('console:c1')).toEqual(['header@2026-08-01']);
    const notes = (await loadRun(store.kv, 'console:c1', '2026-08-01'))?.digest?.notes;
    expect(notes?.[0]?.text).toContain('arXiv does not announce on weekends');
  });

  it('with the note silenced posts nothing, leaves a log line, and does not retry', async () => {
    await save(makeSub('c1', { schedule: daily, quietDayNote: false }));
    const { scheduler, logger } = build();
    clock.set('2026-08-01T09:00:00Z');
    expect((await scheduler.tick()).outcomes['console:c1']).toMatchObject({ status: 'silenced' });
    clock.set('2026-08-01T10:00:00Z');
    expect((await scheduler.tick()).due).toEqual([]);
    expect(platform.seen).toHaveLength(0);
    expect(logger.lines.some((l) => /quiet day/i.test(String(l.msg)) && l.channel === 'console:c1')).toBe(true);
  });
});

describe('scheduler: one channel fails alone', () => {
  it('a removed channel is paused, a failing prepare backs off, the others still post', async () => {
    await save(makeSub('gone'), makeSub('broken'), makeSub('fine'));
    platform.removeChannel('console:gone');
    const fake = fakePrepare(2);
    let brokenCalls = 0;
    const { scheduler } = build({
      prepare: async (sub, o) => {
        if (sub.channel.key === 'console:broken' && brokenCalls++ < 1) throw new Error('all sources down');
        return fake.prepare(sub, o);
      },
    });
    clock.set('2026-04-27T09:00:00Z');
    const report = await scheduler.tick();
    expect(report.outcomes['console:gone']).toMatchObject({ status: 'paused' });
    expect(report.outcomes['console:broken']).toMatchObject({ status: 'failed' });
    expect(report.outcomes['console:fine']).toMatchObject({ status: 'done' });
    expect(platform.labelsIn('console:fine')).toHaveLength(3);
    expect((await store.getSubscription('console:gone'))?.paused).toBe(true);

    clock.set('2026-04-27T09:00:30Z'); // inside the back-off
    expect((await scheduler.tick()).due).toEqual([]);
    clock.set('2026-04-27T09:01:00Z'); // back-off over: the failed one retries, the paused one stays out
    const retry = await scheduler.tick();
    expect(retry.due).toEqual(['console:broken']);
    expect(retry.outcomes['console:broken']).toMatchObject({ status: 'done' });
  });

  it('a day whose sources all failed posts its note once, stays open, and goes out once a retry fetches', async () => {
    await save(makeSub('c1'));
    const fake = fakePrepare(2);
    let sourcesUp = false;
    const { scheduler } = build({
      prepare: async (sub, o) => {
        if (sourcesUp) return fake.prepare(sub, o);
        const digest = await fake.prepare(sub, o);
        return {
          ...digest,
          items: [],
          totalNew: 0,
          allSourcesFailed: true,
          notes: [{ kind: 'source-failed', text: 'All sources failed; will retry.' }],
        };
      },
    });
    clock.set('2026-04-27T09:00:00Z');
    expect((await scheduler.tick()).outcomes['console:c1']).toMatchObject({ status: 'sources-failed' });
    expect(platform.labelsIn('console:c1')).toHaveLength(1);
    expect((await loadRun(store.kv, 'console:c1', '2026-04-27'))?.status).toBe('failed');

    clock.set('2026-04-27T09:01:00Z'); // retried, still failing: nothing posted again
    expect((await scheduler.tick()).outcomes['console:c1']).toMatchObject({ status: 'sources-failed' });
    expect(platform.labelsIn('console:c1')).toHaveLength(1);

    sourcesUp = true;
    clock.set('2026-04-27T09:05:00Z');
    expect((await scheduler.tick()).outcomes['console:c1']).toMatchObject({ status: 'done' });
    expect(platform.labelsIn('console:c1')).toHaveLength(1 + 3);
    expect((await loadRun(store.kv, 'console:c1', '2026-04-27'))?.status).toBe('done');
  });

  it('a paused channel that is resumed the same day gets its remaining messages', async () => {
    await save(makeSub('c1'));
    platform.removeChannel('console:c1');
    const { scheduler } = build();
    clock.set('2026-04-27T09:00:00Z');
    await scheduler.tick();
    const paused = (await store.getSubscription('console:c1'))!;
    await store.saveSubscription({ ...paused, paused: false, pausedReason: undefined });
    // The platform lets the bot back in.
    const restored = new FakePlatform();
    const again = build({ adapter: restored.adapter() });
    clock.set('2026-04-27T12:00:00Z');
    expect((await again.scheduler.tick()).outcomes['console:c1']).toMatchObject({ status: 'done', posted: 4 });
    expect(restored.labelsIn('console:c1')).toHaveLength(4);
  });
});

describe('scheduler: no overlapping runs, exactly one instance posts', () => {
  it('does not start a channel that is still running in this process', async () => {
    await save(makeSub('c1'));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const fake = fakePrepare(1);
    const { scheduler } = build({
      prepare: async (sub, o) => {
        await gate;
        return fake.prepare(sub, o);
      },
    });
    clock.set('2026-04-27T09:00:00Z');
    const first = scheduler.tick();
    await new Promise((r) => setTimeout(r, 10));
    clock.set('2026-04-27T09:01:00Z');
    const second = await scheduler.tick();
    expect(second.skipped['console:c1']).toBe('in-flight');
    release();
    await first;
    expect(platform.labelsIn('console:c1')).toHaveLength(2);
  });

  it('two schedulers sharing one store race for the same due channels: one digest per channel', async () => {
    const subs = Array.from({ length: 6 }, (_, i) => makeSub(`c${i}`));
    await save(...subs);
    // Posts yield to the event loop so the two instances really interleave.
    const slow = (inner: ReturnType<FakePlatform['adapter']>) => ({
      ...inner,
      post: async (...args: Parameters<typeof inner.post>) => {
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        return inner.post(...args);
      },
    });
    const a = build({ adapter: slow(platform.adapter()) });
    const b = build({ adapter: slow(platform.adapter()) });
    expect(a.scheduler.ownerId).not.toBe(b.scheduler.ownerId);
    clock.set('2026-04-27T09:00:00Z');
    const [ra, rb] = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    for (const s of subs) {
      expect(platform.labelsIn(s.channel.key), s.channel.key).toHaveLength(4);
      expect(new Set(platform.labelsIn(s.channel.key)).size).toBe(4);
    }
    const ranBy = subs.map((s) => [ra.outcomes[s.channel.key], rb.outcomes[s.channel.key]].filter((o) => o?.status === 'done').length);
    expect(ranBy).toEqual(subs.map(() => 1));
    // Later ticks of either instance find everything done.
    clock.set('2026-04-27T09:05:00Z');
    expect((await a.scheduler.tick()).due).toEqual([]);
    expect((await b.scheduler.tick()).due).toEqual([]);
  });

  it('an instance that gets the lock after the other finished re-reads the run and skips it', async () => {
    await save(makeSub('c1'));
    const a = build();
    const b = build();
    clock.set('2026-04-27T09:00:00Z');
    await a.scheduler.tick();
    // b decided from a stale view: call its runner directly, as if it had computed "due" before a finished.
    const runner = createChannelRunner({ store, adapterFor: () => platform.adapter(), prepare: fakePrepare().prepare, clock, logger: memoryLogger() });
    expect(await runner(makeSub('c1'), '2026-04-27')).toMatchObject({ status: 'already-done' });
    expect(platform.labelsIn('console:c1')).toHaveLength(4);
    void b;
  });
});

describe('scheduler: stop', () => {
  it('stops taking work, lets the message in flight finish, and releases its locks', async () => {
    await save(makeSub('c1'));
    const inner = platform.adapter();
    let scheduler!: Scheduler;
    let stopping: Promise<void> | undefined;
    const adapter = {
      ...inner,
      post: async (...args: Parameters<typeof inner.post>) => {
        const ref = inner.post(...args);
        if (platform.seen.length === 2 && !stopping) stopping = scheduler.stop(); // SIGTERM while message 2 is in flight
        return ref;
      },
    };
    ({ scheduler } = build({ adapter }));
    clock.set('2026-04-27T09:00:00Z');
    const report = await scheduler.tick();
    await stopping;
    expect(report.outcomes['console:c1']).toMatchObject({ status: 'stopped', reason: 'shutdown requested' });
    expect(platform.labelsIn('console:c1')).toHaveLength(2);
    expect(await store.kv.get('lock:digest:console:c1:2026-04-27')).toBeUndefined();
    expect((await scheduler.tick()).due).toEqual([]); // a stopped scheduler takes no work

    // The next instance finishes the digest.
    const next = build();
    clock.set('2026-04-27T09:10:00Z');
    await next.scheduler.tick();
    expect(platform.labelsIn('console:c1')).toHaveLength(4);
    expect(new Set(platform.labelsIn('console:c1')).size).toBe(4);
  });
});
