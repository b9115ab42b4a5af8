// A stand-alone "paperbot serve" instance for multi-process tests, run with
// `node bin/run-ts.mjs test/scheduler/race-worker.ts`. Configured by environment:
//   STORE_URL   shared store (sqlite://… or redis://…)
//   MODE        seed | run | cleanup (deletes this PREFIX's subscriptions)
//   PREFIX      channel id prefix; this worker only sees subscriptions starting with it
//   CHANNELS    number of channels to seed (seed mode)
//   CHAT_URL    recording chat API (POST /post → {threadId}; POST /ready is a start barrier)
//   NOW         ISO time the worker's clock is set to
//   WORKER      name reported with each post
//   CRASH_AFTER SIGKILL itself when about to make post number CRASH_AFTER + 1
//   PAPERS      papers per digest (default 3)
//   LOCK_TTL_MS lock lifetime (default the scheduler's)
// Prints one JSON line (the tick report) on stdout in run mode.
import type { BotStore, ChatAdapter } from '../../src/ports.js';
import type { ChannelRef, Outbound, ThreadRef } from '../../src/types.js';
import { ManualClock } from '../../src/clock.js';
import { createBotStore } from '../../src/store/index.js';
import { createLogger } from '../../src/logger.js';
import { createChannelRunner } from '../../src/scheduler/run-channel.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { fakePrepare, labelOf, makeSub } from './support.js';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`race-worker: ${name} is required`);
  return value;
};

/** Only this test's subscriptions, so a shared Redis with other data stays out of the way. */
function scoped(store: BotStore, prefix: string): BotStore {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'listSubscriptions') {
        return async () => (await target.listSubscriptions()).filter((s) => s.channel.channelId.startsWith(prefix));
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A ChatAdapter posting to the recording chat API over HTTP. */
function httpAdapter(chatUrl: string, worker: string, crashAfter: number | undefined): ChatAdapter {
  let posted = 0;
  return {
    platform: 'console',
    async start() {},
    async stop() {},
    async reply(): Promise<never> {
        throw new Error('digest runs never reply in threads');
      },
      async edit() {},
    async post(channel: ChannelRef, message: Outbound): Promise<ThreadRef> {
      if (crashAfter !== undefined && posted >= crashAfter) process.kill(process.pid, 'SIGKILL');
      const res = await fetch(`${chatUrl}/post`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channelKey: channel.key, label: labelOf(message), worker }),
      });
      if (!res.ok) throw new Error(`chat API answered ${res.status}`);
      const { threadId } = (await res.json()) as { threadId: string };
      posted++;
      return { ...channel, threadId, key: `${channel.key}:${threadId}` };
    },
  };
}

async function main(): Promise<void> {
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const prefix = env('PREFIX');
  const store = scoped(await createBotStore(env('STORE_URL'), logger), prefix);
  try {
    if (env('MODE') === 'seed') {
      const n = Number(env('CHANNELS', '1'));
      for (let i = 0; i < n; i++) await store.saveSubscription(makeSub(`${prefix}${i}`));
      return;
    }
    if (env('MODE') === 'cleanup') {
      for (const sub of await store.listSubscriptions()) await store.deleteSubscription(sub.channel.key);
      return;
    }
    const chatUrl = env('CHAT_URL');
    const worker = env('WORKER', String(process.pid));
    const clock = new ManualClock(env('NOW'));
    const crashAfter = process.env.CRASH_AFTER ? Number(process.env.CRASH_AFTER) : undefined;
    const adapter = httpAdapter(chatUrl, worker, crashAfter);
    const { prepare } = fakePrepare(Number(env('PAPERS', '3')));
    const scheduler = createScheduler({
      store,
      clock,
      logger,
      runChannel: createChannelRunner({ store, adapterFor: () => adapter, prepare, clock, logger }),
      options: process.env.LOCK_TTL_MS ? { lockTtlMs: Number(process.env.LOCK_TTL_MS) } : {},
    });
    await fetch(`${chatUrl}/ready`, { method: 'POST' }); // start barrier: all workers tick together
    const report = await scheduler.tick();
    await scheduler.stop();
    process.stdout.write(`${JSON.stringify({ worker, ...report })}\n`);
  } finally {
    await store.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`race-worker failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
