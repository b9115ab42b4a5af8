// The arXiv announcement calendar, as seen from a channel's local date.
//
// arXiv announces Sunday–Thursday at 20:00 US Eastern (info.arxiv.org/help/availability), and the
// listing feeds are rebuilt at midnight ET holding one announcement day (SOURCES.md §3). So a
// digest dated Monday–Friday has something new and one dated Saturday or Sunday has nothing.
// arXiv also defers mailings on a few US holidays; it publishes each year's list on that page and
// on blog.arxiv.org. No official 2026 list was available when this was written, so only weekends
// are built in; add dates to ARXIV_HOLIDAYS (or pass your own set) when arXiv publishes them.
// Channels far east of New York (e.g. Asia/Tokyo at 09:00 Monday) run before the Monday listing
// is built; their run still counts as Monday's and the papers fold into the next digest.
import { DateTime } from 'luxon';

/**
 * Listing dates (YYYY-MM-DD, the day a digest would be empty) on which arXiv announces nothing
 * besides weekends, with the reason shown to users. Empty for 2026: no official list was found.
 */
export const ARXIV_HOLIDAYS: ReadonlyMap<string, string> = new Map<string, string>();

/** Why `date` (YYYY-MM-DD) has no arXiv announcements, or undefined on a normal announcement day. */
export function quietReason(
  date: string,
  holidays: ReadonlyMap<string, string> = ARXIV_HOLIDAYS,
): string | undefined {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  if (!day.isValid) return undefined;
  if (day.weekday === 6 || day.weekday === 7) return 'arXiv does not announce on weekends';
  const holiday = holidays.get(date);
  return holiday === undefined ? undefined : `arXiv does not announce on ${holiday}`;
}

/** True when arXiv announces nothing new for a digest dated `date` (weekends and known holidays). */
export function isQuietDay(date: string, holidays: ReadonlyMap<string, string> = ARXIV_HOLIDAYS): boolean {
  return quietReason(date, holidays) !== undefined;
}
