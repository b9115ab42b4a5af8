import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { installShutdown } from '../../src/ops/shutdown.js';
import { createChannelRunner } from '../../src/scheduler/run-channel.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { FakePlatform, fakePrepare, makeSub, memoryLogger, newStore } from '../scheduler/support.js';

describe('installShutdown', () => {
  it('runs the steps in order, carries on past a failing step, then exits 0', async () => {
    const order: string[] = [];
    const exits: number[] = [];
    const logger = memoryLogger();
    const handle = installShutdown({
      logger,
      signals: [],
      exit: (code) => exits.push(code),
      steps: [
        { name: 'stop scheduler', run: async () => void order.push('scheduler') },
        { name: 'stop slack', run: async () => Promise.reject(new Error('socket already closed')) },
        { name: 'hanging step', run: () => new Promise<void>(() => undefined), timeoutMs: 20 },
        { name: 'close store', run: () => void order.push('store') },
      ],
    });
    expect(await handle.shutdown('test')).toBe(0);
    expect(order).toEqual(['scheduler', 'store']);
    expect(exits).toEqual([0]);
    expect(logger.lines.filter((l) => l.level === 'error').map((l) => l.step)).toEqual(['stop slack', 'hanging step']);
    // A second trigger reuses the first run.
    expect(await handle.shutdown('again')).toBe(0);
    expect(exits).toEqual([0]);
  });

  it('exits 1 when the whole shutdown exceeds its time limit', async () => {
    const exits: number[] = [];
    const handle = installShutdown({
      logger: memoryLogger(),
      signals: [],
      timeoutMs: 20,
      exit: (code) => exits.push(code),
      steps: [{ name: 'stuck', run: () => new Promise<void>(() => undefined), timeoutMs: 10_000 }],
    });
    expect(await handle.shutdown('test')).toBe(1);
    expect(exits).toEqual([1]);
  });

  it('SIGTERM mid-digest: the message in flight finishes, locks are released, adapters stop, store closes, exit 0', async () => {
    const store = await newStore();
    await store.saveSubscription(makeSub('c1'));
    const clock = new ManualClock('2026-04-27T09:00:00Z');
    const platform = new FakePlatform();
    const inner = platform.adapter();
    const order: string[] = [];
    const exits: number[] = [];
    let signalled = false;
    const adapter = {
      ...inner,
      stop: async () => void order.push('adapter stopped'),
      post: async (...args: Parameters<typeof inner.post>) => {
        if (platform.seen.length === 1 && !signalled) {
          signalled = true;
          process.emit('SIGTERM'); // arrives while message 2 is in flight
        }
        await new Promise((r) => setTimeout(r, 5));
        return inner.post(...args);
      },
    };
    const logger = memoryLogger();
    const { prepare } = fakePrepare(3);
    const scheduler = createScheduler({
      store,
      clock,
      logger,
      runChannel: createChannelRunner({ store, adapterFor: () => adapter, prepare, clock, logger }),
    });
    let closed!: () => void;
    const done = new Promise<void>((r) => (closed = r));
    const handle = installShutdown({
      logger,
      exit: (code) => {
        exits.push(code);
        closed();
      },
      steps: [
        { name: 'stop scheduler', run: () => scheduler.stop().then(() => void order.push('scheduler stopped')) },
        { name: 'stop adapters', run: () => adapter.stop() },
        { name: 'close store', run: () => void order.push('store closed') },
      ],
    });
    try {
      const report = await scheduler.tick();
      await done;
      expect(report.outcomes['console:c1']).toMatchObject({ status: 'stopped', reason: 'shutdown requested', posted: 2 });
      expect(platform.labelsIn('console:c1')).toEqual(['header@2026-04-27', 'paper:consolec1.2026-04-27.1']);
      expect(order).toEqual(['scheduler stopped', 'adapter stopped', 'store closed']);
      expect(exits).toEqual([0]);
      expect(await store.kv.get('lock:digest:console:c1:2026-04-27')).toBeUndefined();
    } finally {
      handle.uninstall();
    }
  });
});
