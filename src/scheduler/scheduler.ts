// The digest scheduler: a node-cron tick every minute finds the subscriptions due now (each in
// its own zone) and runs each channel independently under a per-(channel, date) lock.
//
// Several instances may share one Redis (or Postgres) store: the lock makes exactly one of them
// post each digest, and the stored run state keeps a late or repeated attempt from posting twice.
// With SQLite run ONE instance: the file lives on one machine and its locks only protect
// processes sharing that file.
import cron, { type ScheduledTask } from 'node-cron';
import type { BotStore, Clock, LockService, Logger } from '../ports.js';
import type { PlatformName } from '../types.js';
import { errorMessage } from '../errors.js';
import { loadRuns, recordFailure, type DigestRun } from '../digest/run-state.js';
import { newRunId, runLogger } from '../digest/post-digest.js';
import { dueSubscriptions, localDate, type DueOptions, type DueRun } from './schedule.js';
import { isValidZone } from '../dates.js';
import { createStoreLocks, digestLockName } from './lock.js';
import type { RunChannel, RunOutcome } from './run-channel.js';

/** Scheduler settings; every field has a sensible default. */
export interface SchedulerOptions extends DueOptions {
  /** node-cron expression of the tick (default every minute). */
  cron?: string;
  /** Channels run at the same time per tick (default 4). */
  concurrency?: number;
  /**
   * Lifetime of a (channel, date) lock, renewed while its run works: a crashed instance blocks
   * the others (and its own restart) from that digest for at most this long (default 60 s).
   */
  lockTtlMs?: number;
  /** Only subscriptions of these platforms (`paperbot chat` runs the console's only). Default: all. */
  platforms?: readonly PlatformName[];
}

/** What createScheduler needs. */
export interface SchedulerDeps {
  store: BotStore;
  clock: Clock;
  logger: Logger;
  /** Runs one channel's digest; createChannelRunner() gives the standard one. */
  runChannel: RunChannel;
  /** Locks shared by every instance on the same store (default: createStoreLocks(store.kv)). */
  locks?: LockService;
  options?: SchedulerOptions;
}

/** What one tick did, per channel key. */
export interface TickReport {
  at: string;
  due: string[];
  /** Outcome of every run this tick started. */
  outcomes: Record<string, RunOutcome>;
  /** Due channels this tick did not run, with why (`in-flight`, `locked`, `stopping`). */
  skipped: Record<string, string>;
}

/** A running scheduler. */
export interface Scheduler {
  /** Runs a first tick at once (posting digests missed while down), then ticks every minute. */
  start(): Promise<void>;
  /** One scheduling pass: resolves when every run it started has ended. */
  tick(): Promise<TickReport>;
  /**
   * Stops taking work: no more ticks, in-flight runs are asked to stop after the message they
   * are posting, then waited for, and this instance's locks are released. Safe to call twice.
   */
  stop(): Promise<void>;
  /** Channel keys being run right now by this process. */
  inFlight(): string[];
  /** The lock owner id of this instance. */
  readonly ownerId: string;
}

/** Runs `tasks` with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await run(items[next++]!);
  });
  await Promise.all(workers);
}

/** Builds the scheduler. Nothing runs until start() (or tick() in tests). */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const options = deps.options ?? {};
  const locks = deps.locks ?? createStoreLocks(deps.store.kv, { ttlMs: options.lockTtlMs });
  const log = deps.logger.child({ component: 'scheduler', owner: locks.ownerId });
  const running = new Map<string, Promise<void>>();
  const ticks = new Set<Promise<TickReport>>();
  const abort = new AbortController();
  let task: ScheduledTask | undefined;
  let stopping = false;
  /** Set by start(); ticks before it (tests) treat any overdue run as late. */
  let startedAt: number | undefined;
  const warnedZones = new Set<string>();

  async function runOne(due: DueRun, report: TickReport): Promise<void> {
    const { sub, date } = due;
    const channelKey = sub.channel.key;
    const runId = newRunId();
    const runLog = runLogger(deps.logger, channelKey, runId);
    const lock = await locks.acquire(digestLockName(channelKey, date), options.lockTtlMs);
    if (!lock) {
      runLog.debug('another instance holds this digest; skipping', { date });
      report.skipped[channelKey] = 'locked';
      return;
    }
    try {
      runLog.info(due.late ? 'digest due (late: backfilling a missed run)' : 'digest due', {
        date,
        scheduledAt: due.scheduledAt.toISOString(),
        retry: due.retry,
      });
      let outcome: RunOutcome;
      try {
        outcome =
          (await deps.runChannel(sub, date, {
            runId,
            logger: runLog,
            signal: abort.signal,
            late: due.late,
            scheduledAt: due.scheduledAt,
            since: due.since,
            canContinue: () => lock.isHeld(),
          })) ?? { status: 'done' };
      } catch (err) {
        // A custom runChannel may throw; record it so the next tick backs off instead of hammering.
        const reason = errorMessage(err);
        runLog.error('digest run threw; it is retried later', { date, reason });
        await recordFailure(deps.store.kv, { channelKey, date, runId, error: reason, now: deps.clock.now() }).catch(
          (e: unknown) => runLog.error('could not record the failure', { error: errorMessage(e) }),
        );
        outcome = { status: 'failed', reason };
      }
      report.outcomes[channelKey] = outcome;
    } finally {
      await lock.release().catch((err: unknown) => runLog.warn('could not release the lock', { error: errorMessage(err) }));
    }
  }

  async function tickOnce(): Promise<TickReport> {
    const now = deps.clock.now();
    const report: TickReport = { at: now.toISOString(), due: [], outcomes: {}, skipped: {} };
    if (stopping) return report;
    const subs = (await deps.store.listSubscriptions()).filter((s) => !options.platforms || options.platforms.includes(s.channel.platform));
    for (const s of subs) {
      if (!isValidZone(s.schedule.tz) && !warnedZones.has(s.channel.key)) {
        warnedZones.add(s.channel.key);
        log.warn('subscription has an unknown time zone; its digest never runs until fixed', {
          channelKey: s.channel.key,
          tz: s.schedule.tz,
        });
      }
    }
    const active = subs.filter((s) => !s.paused);
    const records = await loadRuns(
      deps.store.kv,
      active.map((s) => ({ channelKey: s.channel.key, date: localDate(now, s.schedule.tz) })),
    );
    const runs = new Map<string, DigestRun | undefined>(active.map((s, i) => [s.channel.key, records[i]]));
    const due = dueSubscriptions(active, now, runs, { ...options, startedAt });
    report.due = due.map((d) => d.sub.channel.key);
    const startable = due.filter((d) => {
      const key = d.sub.channel.key;
      if (running.has(key)) report.skipped[key] = 'in-flight';
      return !running.has(key);
    });
    // Claim before the first await so an overlapping tick cannot start the same channel.
    const claims = new Map<string, () => void>();
    for (const d of startable) {
      let done!: () => void;
      running.set(d.sub.channel.key, new Promise<void>((resolve) => (done = resolve)));
      claims.set(d.sub.channel.key, done);
    }
    await pool(startable, options.concurrency ?? 4, async (d) => {
      const key = d.sub.channel.key;
      try {
        if (stopping) report.skipped[key] = 'stopping';
        else await runOne(d, report);
      } catch (err) {
        log.error('channel run crashed', { channelKey: key, error: errorMessage(err) });
      } finally {
        running.delete(key);
        claims.get(key)!();
      }
    });
    return report;
  }

  const scheduler: Scheduler = {
    ownerId: locks.ownerId,
    tick() {
      const p = tickOnce();
      ticks.add(p);
      void p.finally(() => ticks.delete(p)).catch(() => undefined);
      return p;
    },
    async start() {
      if (task || stopping) return;
      startedAt = deps.clock.now().getTime();
      log.info('scheduler started');
      task = cron.createTask(options.cron ?? '* * * * *', () => {
        scheduler.tick().catch((err: unknown) => log.error('scheduler tick failed', { error: errorMessage(err) }));
      }, { name: 'paperbot-digests', noOverlap: false });
      await task.start();
      // The first pass runs at once: a digest missed while the bot was down goes out now.
      await scheduler.tick().catch((err: unknown) => log.error('start-up tick failed', { error: errorMessage(err) }));
    },
    async stop() {
      if (stopping) {
        await Promise.allSettled([...ticks]);
        return;
      }
      stopping = true;
      if (task) {
        await task.stop();
        await task.destroy();
      }
      abort.abort();
      log.info('scheduler stopping; waiting for runs in flight', { inFlight: [...running.keys()] });
      await Promise.allSettled([...ticks, ...running.values()]);
      await locks.releaseAll();
      log.info('scheduler stopped');
    },
    inFlight: () => [...running.keys()],
  };
  return scheduler;
}
