// The persisted state machine of one channel's digest for one date: the planned messages and the
// ref of every message already posted. It is what makes posting resumable and exactly-once.
import type { Store } from '../ports.js';
import * as keys from '../store-keys.js';
import type { Digest, Outbound, PostedMessage, ThreadRef } from '../types.js';

/**
 * Where a run stands.
 * - `posting`: planned; messages are being posted (or the process died while posting).
 * - `stopped`: a post failed or shutdown interrupted it; the remaining messages are still due.
 * - `paused`: the channel is unavailable; the subscription was paused.
 * - `failed`: the digest could not be prepared, or every source failed; nothing was planned and
 *   the day stays open: the scheduler (or a re-run of `digest --post`) tries again.
 * - `done`: every planned message is posted (or a silenced quiet day); never run again.
 */
export type DigestRunStatus = 'posting' | 'stopped' | 'paused' | 'failed' | 'done';

/** One channel's digest for one date, as kept in the store under digestRunKey(channel, date). */
export interface DigestRun {
  v: 1;
  channelKey: string;
  /** The channel's local date, YYYY-MM-DD. */
  date: string;
  /** Run id of the latest attempt (every log line of that attempt carries it). */
  runId: string;
  status: DigestRunStatus;
  /** The plan: header + one message per item. Absent only when preparing failed. */
  digest?: Digest;
  /** Number of planned messages (0 for a silenced quiet day). */
  total: number;
  /** Ref of each planned message once posted, by plan index (null = not posted yet). */
  refs: Array<ThreadRef | null>;
  /** How many attempts touched this run (used for retry back-off). */
  attempts: number;
  /** True when the header carries a "posted late" note. */
  late?: boolean;
  /** True for a quiet day whose note the channel silenced: nothing was posted, on purpose. */
  silenced?: boolean;
  /**
   * True once the "all sources failed; will retry" note went out for this open day, so retries
   * that fail again stay silent and the one that succeeds posts the papers.
   */
  failureNotePosted?: boolean;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
  /** Last error or pause reason, human-readable, never containing secrets. */
  error?: string;
}

/** A short view of a channel's latest run, for /healthz and operators. */
export interface RunSummary {
  channelKey: string;
  date: string;
  status: DigestRunStatus;
  runId: string;
  /** ISO time of the last change. */
  at: string;
  posted: number;
  total: number;
  attempts: number;
  error?: string;
}

/** How long run records are kept; long enough for any resume and for operators to look back. */
export const RUN_TTL_MS = keys.TTL.digestRun;

/** Store key of a channel's run for a date (keys.digestRun). */
export const digestRunKey = keys.digestRun;

/** Store key of a channel's latest-run summary (keys.digestLast). */
export const lastRunKey = keys.digestLast;

/** One message of the plan, with what the bot remembers about it once posted. */
export interface PlannedMessage {
  index: number;
  outbound: Outbound;
  posted: PostedMessage;
}

/**
 * The messages a digest is posted as, in order: index 0 is the header, index i the i-th paper.
 * Deterministic: the same digest always yields the same messages, so a resume posts the same ones.
 */
export function plannedMessages(digest: Digest, channelKey: string): PlannedMessage[] {
  const allIds = digest.items.map((item) => item.paper.id);
  const header: PlannedMessage = {
    index: 0,
    outbound: { kind: 'digest-header', digest },
    posted: { kind: 'digest-header', channelKey, date: digest.date, paperIds: allIds },
  };
  const papers = digest.items.map<PlannedMessage>((item, i) => ({
    index: i + 1,
    outbound: { kind: 'digest-paper', digest, item, rank: i + 1 },
    posted: { kind: 'digest-paper', channelKey, date: digest.date, paperIds: [item.paper.id] },
  }));
  return [header, ...papers];
}

/** A fresh plan for a digest (status `posting`, nothing posted yet). */
export function newRun(input: {
  channelKey: string;
  digest: Digest;
  runId: string;
  now: Date;
  silenced?: boolean;
  late?: boolean;
}): DigestRun {
  const total = input.silenced ? 0 : input.digest.items.length + 1;
  const at = input.now.toISOString();
  const run: DigestRun = {
    v: 1,
    channelKey: input.channelKey,
    date: input.digest.date,
    runId: input.runId,
    status: 'posting',
    digest: input.digest,
    total,
    refs: Array.from({ length: total }, () => null),
    attempts: 1,
    createdAt: at,
    updatedAt: at,
  };
  if (input.silenced) run.silenced = true;
  if (input.late) run.late = true;
  return run;
}

/** How many planned messages have a recorded ref. */
export function postedCount(run: DigestRun): number {
  return run.refs.filter((ref) => ref !== null).length;
}

/** The summary of a run, for the last-run index and /healthz. */
export function summarize(run: DigestRun): RunSummary {
  const summary: RunSummary = {
    channelKey: run.channelKey,
    date: run.date,
    status: run.status,
    runId: run.runId,
    at: run.updatedAt,
    posted: postedCount(run),
    total: run.total,
    attempts: run.attempts,
  };
  if (run.error) summary.error = run.error;
  return summary;
}

/** Reads a channel's run for a date, if any. */
export async function loadRun(kv: Store, channelKey: string, date: string): Promise<DigestRun | undefined> {
  return kv.get<DigestRun>(digestRunKey(channelKey, date));
}

/** Reads the runs of several (channel, date) pairs in one round trip, in the order asked. */
export async function loadRuns(
  kv: Store,
  pairs: Array<{ channelKey: string; date: string }>,
): Promise<Array<DigestRun | undefined>> {
  if (pairs.length === 0) return [];
  return kv.getMany<DigestRun>(pairs.map((p) => digestRunKey(p.channelKey, p.date)));
}

/**
 * Persists a run and refreshes the channel's last-run summary. The run write comes first: it is
 * the authority; the summary is a best-effort view for health checks.
 */
export async function saveRun(kv: Store, run: DigestRun): Promise<void> {
  // A snapshot: callers keep mutating their copy, and an in-memory store must not see that.
  await kv.set(digestRunKey(run.channelKey, run.date), structuredClone(run), RUN_TTL_MS);
  await kv.set(lastRunKey(run.channelKey), summarize(run), RUN_TTL_MS);
}

/**
 * Stores a new plan only when the (channel, date) has no run yet. Resolves with the run that is
 * now authoritative: the given one, or the one another caller planned first.
 */
export async function planRunIfAbsent(kv: Store, run: DigestRun): Promise<DigestRun> {
  const key = digestRunKey(run.channelKey, run.date);
  if (await kv.setIfAbsent(key, structuredClone(run), RUN_TTL_MS)) {
    await kv.set(lastRunKey(run.channelKey), summarize(run), RUN_TTL_MS);
    return run;
  }
  const existing = await kv.get<DigestRun>(key);
  if (existing?.digest) return existing;
  // Only a `failed` record (no plan) can be in the way: replace it with the plan.
  const replaced = { ...run, attempts: (existing?.attempts ?? 0) + 1 };
  await saveRun(kv, replaced);
  return replaced;
}

/** Latest-run summaries of the given channels (undefined where a channel never ran). */
export async function loadLastRuns(kv: Store, channelKeys: string[]): Promise<Array<RunSummary | undefined>> {
  if (channelKeys.length === 0) return [];
  return kv.getMany<RunSummary>(channelKeys.map(lastRunKey));
}

/**
 * Records that an attempt failed outside posting (preparing the digest, no adapter, a store
 * error): a planned run becomes `stopped` (its plan is kept for the resume), an unplanned one
 * `failed`. Either way the scheduler backs off before the next attempt.
 */
export async function recordFailure(
  kv: Store,
  input: { channelKey: string; date: string; runId: string; error: string; now: Date; failureNotePosted?: boolean },
): Promise<DigestRun> {
  const existing = await loadRun(kv, input.channelKey, input.date);
  const at = input.now.toISOString();
  if (existing?.status === 'done') return existing;
  const run: DigestRun = existing?.digest
    ? { ...existing, status: 'stopped', runId: input.runId, error: input.error, updatedAt: at }
    : {
        v: 1,
        channelKey: input.channelKey,
        date: input.date,
        runId: input.runId,
        status: 'failed',
        total: 0,
        refs: [],
        attempts: (existing?.attempts ?? 0) + 1,
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
        error: input.error,
      };
  if (!run.digest && (existing?.failureNotePosted || input.failureNotePosted)) run.failureNotePosted = true;
  await saveRun(kv, run);
  return run;
}
