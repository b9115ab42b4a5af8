// When serve fetches each source again: its own rhythm, and a growing back-off after failures.
import { DateTime } from 'luxon';
import type { SourceStatus } from '../digest/source-status.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** HF Daily Papers: a day's list grows during the day and upvotes change, so hourly. */
export const HF_INTERVAL_MS = HOUR;
/** arXiv in the hours after an announcement: every half hour, until the feeds are rebuilt. */
export const ARXIV_FRESH_INTERVAL_MS = 30 * MINUTE;
/** How long after an announcement arXiv counts as "fresh" (its feeds are rebuilt by midnight ET). */
export const ARXIV_FRESH_WINDOW_MS = 6 * HOUR;
/** arXiv outside those hours: rarely, in case of a late or replaced listing. */
export const ARXIV_QUIET_INTERVAL_MS = 6 * HOUR;
/** Local files: cheap, and operators edit them by hand. */
export const FILE_INTERVAL_MS = 5 * MINUTE;
/** First retry after a failed fetch; doubles per failure in a row, up to RETRY_MAX_MS. */
export const RETRY_BASE_MS = MINUTE;
export const RETRY_MAX_MS = 30 * MINUTE;

/** The last arXiv announcement at or before `now`: Sunday–Thursday 20:00 America/New_York. */
export function lastArxivAnnouncement(now: Date): Date {
  let t = DateTime.fromJSDate(now, { zone: 'America/New_York' }).set({ hour: 20, minute: 0, second: 0, millisecond: 0 });
  if (t.toMillis() > now.getTime()) t = t.minus({ days: 1 });
  // luxon weekdays: 1 = Monday … 5 = Friday, 6 = Saturday, 7 = Sunday; no announcement Fri/Sat.
  while (t.weekday === 5 || t.weekday === 6) t = t.minus({ days: 1 });
  return t.toJSDate();
}

/** How long after a successful fetch the source `name` is fetched again, at `now`. */
export function refreshIntervalMs(name: string, now: Date): number {
  if (name === 'hf') return HF_INTERVAL_MS;
  if (name.startsWith('arxiv:')) {
    const since = now.getTime() - lastArxivAnnouncement(now).getTime();
    return since < ARXIV_FRESH_WINDOW_MS ? ARXIV_FRESH_INTERVAL_MS : ARXIV_QUIET_INTERVAL_MS;
  }
  if (name.startsWith('file:')) return FILE_INTERVAL_MS;
  return HF_INTERVAL_MS;
}

/**
 * When the source should be fetched next (ms since epoch): at once when never fetched; after a
 * failure, after the back-off; after an arXiv announcement, as soon as the last success predates
 * it; otherwise one rhythm interval after the last success.
 */
export function nextFetchAt(name: string, status: SourceStatus, now: Date): number {
  const lastFailure = status.lastFailureAt ? Date.parse(status.lastFailureAt) : undefined;
  if (status.failures > 0 && lastFailure !== undefined) {
    return lastFailure + Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (status.failures - 1));
  }
  if (!status.lastSuccessAt) return now.getTime();
  const lastSuccess = Date.parse(status.lastSuccessAt);
  if (name.startsWith('arxiv:') && lastSuccess < lastArxivAnnouncement(now).getTime()) return now.getTime();
  return lastSuccess + refreshIntervalMs(name, now);
}
