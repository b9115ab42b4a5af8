// Pure schedule math in each subscription's own IANA zone (luxon handles DST).
import { DateTime } from 'luxon';
import type { Schedule, Subscription, Weekday } from '../types.js';
import { localDate } from '../dates.js';
import type { DigestRun } from '../digest/run-state.js';

export { localDate };

/** Monday–Friday: the default digest days. */
export const DEFAULT_DAYS: readonly Weekday[] = [1, 2, 3, 4, 5];
/** The default digest time. */
export const DEFAULT_TIME = '09:00';

/** Options of the due computation. */
export interface DueOptions {
  /** A run starting later than this after its scheduled time counts as late (default 5 min). */
  lateAfterMs?: number;
  /** First retry delay after a failed or stopped attempt; doubles per attempt (default 1 min). */
  retryBaseMs?: number;
  /** Longest retry delay (default 30 min). */
  retryMaxMs?: number;
  /**
   * When this scheduler started (ms). Only a scheduled time before it was missed while the bot
   * was down, so only such a run is "late"; without it any run more than lateAfterMs after its
   * time is.
   */
  startedAt?: number;
}

/** A subscription due now, with what its run needs to know. */
export interface DueRun {
  sub: Subscription;
  /** The channel's local date, YYYY-MM-DD. */
  date: string;
  /** When the digest was scheduled today (UTC instant). */
  scheduledAt: Date;
  /** True when the bot missed the scheduled time (down or busy) and this run is a backfill. */
  late: boolean;
  /** True when an earlier attempt of this (channel, date) exists (resume or retry). */
  retry: boolean;
  /** Date of the channel's last complete digest (YYYY-MM-DD, its zone): prepareDigest's `since`. */
  since?: string;
}

/** The scheduled instant of `schedule` on a local `date` (YYYY-MM-DD) in its zone. */
export function scheduledAt(schedule: Schedule, date: string): DateTime {
  const [hour = 9, minute = 0] = (schedule.time || DEFAULT_TIME).split(':').map(Number);
  // In a spring-forward gap (e.g. 02:30 on the last Sunday of March in Berlin) luxon moves the
  // time forward past the gap; in a fall-back overlap it takes the first occurrence.
  return DateTime.fromISO(date, { zone: schedule.tz }).set({ hour, minute, second: 0, millisecond: 0 });
}

/** True when the schedule has a digest on the local `date` (by weekday; empty days = weekdays). */
export function isScheduledDay(schedule: Schedule, date: string): boolean {
  const days = schedule.days.length > 0 ? schedule.days : DEFAULT_DAYS;
  const weekday = DateTime.fromISO(date, { zone: schedule.tz }).weekday as Weekday;
  return days.includes(weekday);
}

/**
 * True when today (in the schedule's zone) is a digest day and its scheduled time has come.
 * Stays true for the rest of that local day: whether it already ran is the caller's business.
 */
export function isDue(schedule: Schedule, now: Date): boolean {
  const date = localDate(now, schedule.tz);
  return isScheduledDay(schedule, date) && now.getTime() >= scheduledAt(schedule, date).toMillis();
}

/** The `since` date of a subscription: the local date of its last complete digest. */
export function sinceDate(sub: Subscription): string | undefined {
  return sub.lastDigestAt ? localDate(new Date(sub.lastDigestAt), sub.schedule.tz) : undefined;
}

/** Delay before retrying a run that failed or stopped after `attempts` attempts. */
export function retryDelayMs(attempts: number, options: DueOptions = {}): number {
  const base = options.retryBaseMs ?? 60_000;
  const max = options.retryMaxMs ?? 30 * 60_000;
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}

/**
 * The subscriptions to run now. `runs` maps a channel key to its run record for today's local
 * date (if any). A subscription is due when it is not paused, today is one of its days, its time
 * has passed (and came after the subscription or its last schedule change), today's run is not
 * done, and a failed/stopped run has waited out its back-off.
 * Only today counts: a day that ended without a digest is not run any more; its papers fold into
 * the next digest through `since`.
 */
export function dueSubscriptions(
  subs: Subscription[],
  now: Date,
  runs: ReadonlyMap<string, DigestRun | undefined>,
  options: DueOptions = {},
): DueRun[] {
  const lateAfter = options.lateAfterMs ?? 5 * 60_000;
  const due: DueRun[] = [];
  for (const sub of subs) {
    if (sub.paused) continue;
    const date = localDate(now, sub.schedule.tz);
    if (!isScheduledDay(sub.schedule, date)) continue;
    const at = scheduledAt(sub.schedule, date);
    if (now.getTime() < at.toMillis()) continue;
    const run = runs.get(sub.channel.key);
    if (run?.status === 'done') continue;
    // Subscribed (or rescheduled) after today's time: the first digest is the next scheduled one,
    // as the reply to `subscribe`/`schedule` said.
    const setAt = Date.parse(sub.scheduleChangedAt ?? sub.createdAt);
    if (!run && at.toMillis() < setAt) continue;
    if (run && (run.status === 'failed' || run.status === 'stopped')) {
      const wait = retryDelayMs(run.attempts, options);
      if (now.getTime() < new Date(run.updatedAt).getTime() + wait) continue;
    }
    const entry: DueRun = {
      sub,
      date,
      scheduledAt: at.toJSDate(),
      late:
        !run && now.getTime() - at.toMillis() > lateAfter && (options.startedAt === undefined || at.toMillis() < options.startedAt),
      retry: Boolean(run),
    };
    const since = sinceDate(sub);
    if (since) entry.since = since;
    due.push(entry);
  }
  return due;
}
