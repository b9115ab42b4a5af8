// Use case: post one channel's digest exactly once, resumably.
//
// Exactly-once works like this: before the first post the whole plan (the Digest, hence the
// header + one message per paper) is stored under digestRunKey(channel, date); after each
// successful post its ref is recorded at once. A restart loads the plan and posts only the
// messages without a ref, so no message is skipped and none is posted twice. The one window left
// is a post the platform accepted whose ref the store never recorded (the process died, or the
// store failed, between the two): that message is posted again on resume. Chat APIs offer no
// idempotency key to close it, and posting again beats skipping a paper.
import { randomUUID } from 'node:crypto';
import type { BotStore, ChatAdapter, Clock, Logger } from '../ports.js';
import type { Digest, DigestNote, Subscription } from '../types.js';
import { ChannelUnavailableError, errorMessage } from '../errors.js';
import {
  loadRun,
  newRun,
  planRunIfAbsent,
  plannedMessages,
  postedCount,
  recordFailure,
  saveRun,
  type DigestRun,
} from './run-state.js';

/** What postDigest needs. Every dependency is a port. */
export interface PostDigestOptions {
  store: BotStore;
  adapter: ChatAdapter;
  sub: Subscription;
  digest: Digest;
  /**
   * Where to log. When `runId` is given this logger must already carry `{ channel, runId }`
   * (see runLogger); otherwise postDigest makes a fresh run id and binds both itself.
   */
  logger: Logger;
  clock: Clock;
  runId?: string;
  /** Checked between messages: once aborted, the message in flight finishes and the run stops. */
  signal?: AbortSignal;
  /** Checked before each message; resolving false stops the run (e.g. the lock was lost). */
  canContinue?: () => Promise<boolean>;
  /** Marks the plan as a late (backfilled) digest; the caller adds the header note itself. */
  late?: boolean;
}

/**
 * How a call ended.
 * - `done`: every planned message is now posted.
 * - `already-done`: an earlier call finished this (channel, date); nothing was posted.
 * - `silenced`: a quiet day and the channel turned the quiet-day note off; nothing was posted.
 * - `paused`: the channel is unavailable; the subscription is now paused.
 * - `stopped`: a post failed, the run was aborted, or the lock was lost; state kept for a resume.
 * - `sources-failed`: every source failed; the failure note went out (once per day) and the day
 *   stays open, so a later attempt whose fetch succeeds posts the papers.
 */
export type PostStatus = 'done' | 'already-done' | 'silenced' | 'paused' | 'stopped' | 'sources-failed';

/** The outcome of postDigest. It never throws for chat errors; it says what happened here. */
export interface PostResult {
  status: PostStatus;
  channelKey: string;
  date: string;
  runId: string;
  /** Messages this call posted. */
  postedNow: number;
  /** Messages of the plan posted so far, by any call. */
  posted: number;
  /** Messages in the plan. */
  total: number;
  /** True when this call continued a plan stored by an earlier call. */
  resumed: boolean;
  /** Why the run paused or stopped. */
  reason?: string;
}

/** A short random id for one attempt at a run; appears on every log line of it. */
export function newRunId(): string {
  return randomUUID().slice(0, 8);
}

/** The logger of one run: every line carries the channel key and the run id. */
export function runLogger(logger: Logger, channelKey: string, runId: string): Logger {
  return logger.child({ channel: channelKey, runId });
}

const FAILURE_NOTES = new Set<DigestNote['kind']>(['source-failed', 'partial']);

/** The digest as it will be planned: channel key set, and a quiet-day line when nothing is shown. */
function normalize(digest: Digest, channelKey: string): Digest {
  const out: Digest = { ...digest, channelKey, notes: [...digest.notes] };
  if (out.items.length === 0 && !out.notes.some((n) => n.kind === 'quiet-day')) {
    out.notes.push({ kind: 'quiet-day', text: 'Quiet day: no new papers for this channel today.' });
  }
  return out;
}

/**
 * A quiet day may be silenced only when nothing went wrong: a failed source is always explained
 * in the channel, whatever the setting ("never silence" for failures).
 */
function shouldSilence(digest: Digest, sub: Subscription): boolean {
  return digest.items.length === 0 && sub.quietDayNote === false && !digest.notes.some((n) => FAILURE_NOTES.has(n.kind));
}

/**
 * Posts `digest` to `sub.channel` exactly once per (channel, digest.date), resuming a stored plan
 * when one exists (then the stored plan is posted, not `digest`). On success marks the papers
 * seen and sets the subscription's lastDigestAt. Returns instead of throwing on chat errors:
 * ChannelUnavailableError pauses the subscription (status `paused`); any other post error stops
 * the run with its state kept (status `stopped`). Store failures while planning do throw.
 */
export async function postDigest(options: PostDigestOptions): Promise<PostResult> {
  const { store, adapter, sub, clock, signal } = options;
  const kv = store.kv;
  const channelKey = sub.channel.key;
  const date = options.digest.date;
  const runId = options.runId ?? newRunId();
  const log = options.runId ? options.logger : runLogger(options.logger, channelKey, runId);
  const now = () => clock.now().toISOString();

  let run: DigestRun;
  let resumed = false;
  const existing = await loadRun(kv, channelKey, date);
  if (existing?.status === 'done') {
    log.info('digest already posted; skipping', { date, total: existing.total });
    return result(existing, 'already-done', 0, false);
  }
  if (options.digest.allSourcesFailed && !existing?.digest) return holdDay(existing);
  if (existing?.digest) {
    resumed = true;
    // Clone: an in-memory store may hand back the very object it keeps.
    run = { ...structuredClone(existing), runId, status: 'posting', attempts: existing.attempts + 1, updatedAt: now() };
    delete run.error;
    await saveRun(kv, run);
    log.info('resuming digest', { date, posted: postedCount(run), total: run.total, attempts: run.attempts });
  } else {
    const digest = normalize(options.digest, channelKey);
    const planned = newRun({
      channelKey,
      digest,
      runId,
      now: clock.now(),
      silenced: shouldSilence(digest, sub),
      late: options.late,
    });
    run = structuredClone(await planRunIfAbsent(kv, planned));
    if (run.runId !== runId) {
      // Another caller planned first (no lock held by the callers): follow its plan.
      resumed = true;
      run = { ...run, runId, status: 'posting', attempts: run.attempts + 1, updatedAt: now() };
      await saveRun(kv, run);
    }
    log.info('digest planned', { date, items: digest.items.length, total: run.total, notes: digest.notes.map((n) => n.kind) });
  }

  if (run.silenced) {
    log.info('quiet day and the quiet-day note is off for this channel: nothing posted', { date });
    await finish(run);
    return result(run, 'silenced', 0, resumed);
  }

  const messages = plannedMessages(run.digest!, channelKey);
  let postedNow = 0;
  for (const message of messages) {
    if (run.refs[message.index]) continue;
    if (signal?.aborted) return stop('shutdown requested', 'info');
    // The new lock holder owns the run state now: leave it untouched (persist = false).
    if (options.canContinue && !(await options.canContinue())) return stop('lock lost to another instance', 'warn', false);

    let ref;
    try {
      ref = await adapter.post(sub.channel, message.outbound);
    } catch (err) {
      if (err instanceof ChannelUnavailableError) return pause(err);
      return stop(`post ${message.index + 1}/${run.total} failed: ${errorMessage(err)}`, 'error');
    }
    postedNow++;
    run.refs[message.index] = ref;
    run.updatedAt = now();
    try {
      await saveRun(kv, run);
    } catch (err) {
      // The window of the exactly-once design: posted, but not recorded.
      log.error('message posted but its ref could not be recorded; a resume will post it again', {
        index: message.index,
        error: errorMessage(err),
      });
      throw err;
    }
    await bestEffort('remember posted message', () => store.rememberPost(ref.key, message.posted));
    if (message.posted.kind === 'digest-paper') {
      await bestEffort('mark paper seen', () => store.markSeen(channelKey, message.posted.paperIds));
    }
    log.debug('message posted', { index: message.index, kind: message.posted.kind, ref: ref.key });
  }

  await bestEffort('mark papers seen', () => store.markSeen(channelKey, run.digest!.items.map((i) => i.paper.id)));
  await finish(run);
  log.info('digest posted', { date, postedNow, total: run.total, resumed });
  return result(run, 'done', postedNow, resumed);

  async function finish(r: DigestRun): Promise<void> {
    r.status = 'done';
    r.finishedAt = r.updatedAt = now();
    await saveRun(kv, r);
    // One field, atomically: settings changed meanwhile are kept, an unsubscribed channel stays gone.
    await store.updateSubscription(channelKey, { lastDigestAt: r.finishedAt });
  }

  /** Every source failed: post the note once, record the failure, leave the day open. */
  async function holdDay(prior: DigestRun | undefined): Promise<PostResult> {
    const reason = 'every source failed; the day stays open for a retry';
    let notePosted = false;
    if (!prior?.failureNotePosted) {
      const digest = normalize(options.digest, channelKey);
      const [header] = plannedMessages(digest, channelKey);
      try {
        await adapter.post(sub.channel, header!.outbound);
        notePosted = true;
      } catch (err) {
        if (err instanceof ChannelUnavailableError) {
          await store.updateSubscription(channelKey, { paused: true, pausedReason: `channel unavailable: ${err.reason}` });
        }
        log.warn('could not post the failed-sources note', { date, error: errorMessage(err) });
      }
    }
    const held = await recordFailure(kv, { channelKey, date, runId, error: reason, now: clock.now(), failureNotePosted: notePosted });
    log.warn('every source failed; digest day left open for a retry', { date, notePosted, attempts: held.attempts });
    return { status: 'sources-failed', channelKey, date, runId, postedNow: notePosted ? 1 : 0, posted: 0, total: 0, resumed: false, reason };
  }

  async function stop(reason: string, level: 'info' | 'warn' | 'error', persist = true): Promise<PostResult> {
    run.status = 'stopped';
    run.error = reason;
    run.updatedAt = now();
    if (persist) await saveRun(kv, run);
    log[level]('digest run stopped; it resumes on the next attempt', {
      date,
      reason,
      posted: postedCount(run),
      total: run.total,
    });
    return result(run, 'stopped', postedNow, resumed, reason);
  }

  async function pause(err: ChannelUnavailableError): Promise<PostResult> {
    const reason = `channel unavailable: ${err.reason}`;
    run.status = 'paused';
    run.error = reason;
    run.updatedAt = now();
    await saveRun(kv, run);
    await store.updateSubscription(channelKey, { paused: true, pausedReason: reason });
    log.warn('channel unavailable; subscription paused', { channelKey, reason, posted: postedCount(run), total: run.total });
    return result(run, 'paused', postedNow, resumed, reason);
  }

  async function bestEffort(what: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      log.error(`could not ${what}`, { error: errorMessage(err) });
    }
  }

  function result(r: DigestRun, status: PostStatus, n: number, wasResumed: boolean, reason?: string): PostResult {
    const out: PostResult = {
      status,
      channelKey,
      date,
      runId,
      postedNow: n,
      posted: postedCount(r),
      total: r.total,
      resumed: wasResumed,
    };
    if (reason) out.reason = reason;
    return out;
  }
}
