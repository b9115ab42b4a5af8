// Calendar helpers over luxon: dates are YYYY-MM-DD strings in a named IANA zone.
import { DateTime, IANAZone } from 'luxon';

/** The calendar date of `now` in zone `tz`, as YYYY-MM-DD. */
export function localDate(now: Date, tz: string): string {
  return DateTime.fromJSDate(now, { zone: tz }).toISODate() ?? now.toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is false). */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'utc' }).isValid;
}

/** True for an IANA zone name luxon knows ("UTC", "Europe/Berlin"). */
export function isValidZone(tz: string): boolean {
  return IANAZone.isValidZone(tz);
}
