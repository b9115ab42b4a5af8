// One channel's digest run: re-check state, prepare (or resume the stored plan), post exactly once.
import type { BotStore, ChatAdapter, Clock, Logger } from '../ports.js';
import type { Digest, PlatformName, Subscription } from '../types.js';
import { errorMessage } from '../errors.js';
import { loadRun, recordFailure } from '../digest/run-state.js';
import { newRunId, postDigest, runLogger, type PostStatus } from '../digest/post-digest.js';
import { sinceDate } from './schedule.js';

/** What a scheduled run is told about itself. */
export interface RunContext {
  /** Id of this attempt; `logger` already carries it with the channel key. */
  runId: string;
  logger: Logger;
  /** Aborted on shutdown: the message in flight finishes, then the run stops. */
  signal?: AbortSignal;
  /** The scheduled time passed while the bot was down: the header says it is late. */
  late?: boolean;
  /** The scheduled time today, for the late note. */
  scheduledAt?: Date;
  /** Papers since this date (the last complete digest) are eligible; defaults to the sub's. */
  since?: string;
  /** Resolves false once this instance no longer holds the run's lock. */
  canContinue?: () => Promise<boolean>;
}

/** How a run ended: a post status, or `failed` (could not prepare) / `skipped` (nothing to do). */
export interface RunOutcome {
  status: PostStatus | 'failed' | 'skipped';
  reason?: string;
  posted?: number;
  total?: number;
}

/** Runs one channel's digest for a local date. Resolving void means it finished normally. */
export type RunChannel = (sub: Subscription, date: string, ctx?: RunContext) => Promise<RunOutcome | void>;

/** What the default channel runner needs. */
export interface ChannelRunnerDeps {
  store: BotStore;
  /** The started adapter of a platform, or undefined when that platform is not configured. */
  adapterFor(platform: PlatformName): ChatAdapter | undefined;
  /** Builds a digest; the lead wires `(sub, o) => prepareDigest(digestDeps, sub, o)`. */
  prepare(sub: Subscription, options: { date: string; since?: string }): Promise<Digest>;
  clock: Clock;
  logger: Logger;
}

/** The header note of a digest posted after its time because the bot was down. */
export function lateNote(sub: Subscription): { kind: 'backfill'; text: string } {
  return { kind: 'backfill', text: `Posted late: the bot was down at ${sub.schedule.time}.` };
}

/**
 * The standard RunChannel: re-reads the run (done → skip) and the subscription (gone or paused →
 * skip), resumes a stored plan or prepares a new digest with `since` = the last complete digest,
 * adds the late note when asked, and posts it with postDigest. Never throws: failures are logged
 * and recorded for the scheduler's back-off.
 */
export function createChannelRunner(deps: ChannelRunnerDeps): RunChannel {
  return async (sub, date, ctx) => {
    const channelKey = sub.channel.key;
    const runId = ctx?.runId ?? newRunId();
    const log = ctx?.logger ?? runLogger(deps.logger, channelKey, runId);
    const fail = async (reason: string): Promise<RunOutcome> => {
      log.error('digest run failed; it is retried later', { date, reason });
      try {
        await recordFailure(deps.store.kv, { channelKey, date, runId, error: reason, now: deps.clock.now() });
      } catch (err) {
        log.error('could not record the failure', { error: errorMessage(err) });
      }
      return { status: 'failed', reason };
    };

    try {
      const existing = await loadRun(deps.store.kv, channelKey, date);
      if (existing?.status === 'done') {
        log.info('digest already posted for this date; skipping', { date });
        return { status: 'already-done', posted: existing.total, total: existing.total };
      }
      const latest = await deps.store.getSubscription(channelKey);
      if (!latest) {
        log.info('channel unsubscribed; skipping', { date });
        return { status: 'skipped', reason: 'unsubscribed' };
      }
      if (latest.paused) {
        log.info('subscription paused; skipping', { date, reason: latest.pausedReason });
        return { status: 'skipped', reason: 'paused' };
      }
      const adapter = deps.adapterFor(latest.channel.platform);
      if (!adapter) return await fail(`no ${latest.channel.platform} adapter is running`);

      let digest = existing?.digest;
      if (!digest) {
        const since = ctx?.since ?? sinceDate(latest);
        log.info('preparing digest', { date, since, late: Boolean(ctx?.late) });
        try {
          digest = await deps.prepare(latest, since ? { date, since } : { date });
        } catch (err) {
          return await fail(`preparing the digest failed: ${errorMessage(err)}`);
        }
        if (ctx?.late) digest = { ...digest, notes: [lateNote(latest), ...digest.notes] };
      }
      const result = await postDigest({
        store: deps.store,
        adapter,
        sub: latest,
        digest,
        logger: log,
        clock: deps.clock,
        runId,
        signal: ctx?.signal,
        canContinue: ctx?.canContinue,
        late: ctx?.late,
      });
      const outcome: RunOutcome = { status: result.status, posted: result.posted, total: result.total };
      if (result.reason) outcome.reason = result.reason;
      return outcome;
    } catch (err) {
      return fail(errorMessage(err));
    }
  };
}
