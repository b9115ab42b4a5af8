import { IANAZone } from 'luxon';
import type { Schedule, Weekday } from '../types.js';
import { InputError } from '../errors.js';

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
const ALL_DAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const DAYS_HELP = 'use `daily`, `weekdays`, `weekends`, day names such as `mon,wed,fri` or `thu`, or a range such as `mon-fri`';

/** Parses a 24-hour time ("8:30", "08:30", "23:59") to "HH:MM"; throws InputError otherwise. */
export function parseTime(text: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hours = m ? Number(m[1]) : NaN;
  const minutes = m ? Number(m[2]) : NaN;
  if (!m || hours > 23 || minutes > 59) {
    throw new InputError(`"${text}" is not a 24-hour time; write HH:MM, e.g. 09:00 or 17:30.`);
  }
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** Validates an IANA zone ("UTC", "Europe/Berlin") and returns its canonical spelling; throws InputError otherwise. */
export function parseZone(text: string): string {
  const zone = text.trim();
  if (!zone || !IANAZone.isValidZone(zone)) {
    throw new InputError(`"${text}" is not a time zone I know; use an IANA name such as UTC, Europe/Berlin or America/New_York.`);
  }
  // Intl gives the canonical case ("europe/berlin" → "Europe/Berlin").
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

function dayNumber(name: string): Weekday {
  const i = DAY_NAMES.indexOf(name.slice(0, 3) as (typeof DAY_NAMES)[number]);
  // Accept "mon" and "monday", not "mo" or "mondays-ish".
  const full = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'][i];
  if (i < 0 || (name.length !== 3 && name !== full)) throw new InputError(`"${name}" is not a day; ${DAYS_HELP}.`);
  return (i + 1) as Weekday;
}

/**
 * Parses the days part of a schedule: `daily`, `weekdays`, `weekends`, day names, and ranges
 * (`mon-fri`, wrapping `fri-mon`), separated by commas or spaces. Empty text means weekdays.
 * Returns sorted, distinct ISO weekday numbers; throws InputError on anything else.
 */
export function parseDays(text: string): Weekday[] {
  const parts = text.toLowerCase().split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) return [...WEEKDAYS];
  const days = new Set<Weekday>();
  for (const part of parts) {
    if (part === 'daily' || part === 'everyday' || part === 'all') ALL_DAYS.forEach((d) => days.add(d));
    else if (part === 'weekdays') WEEKDAYS.forEach((d) => days.add(d));
    else if (part === 'weekends' || part === 'weekend') [6, 7].forEach((d) => days.add(d as Weekday));
    else if (part.includes('-')) {
      const [from, to, extra] = part.split('-');
      if (!from || !to || extra !== undefined) throw new InputError(`"${part}" is not a day range; ${DAYS_HELP}.`);
      const start = dayNumber(from);
      const end = dayNumber(to);
      for (let d = start, n = 0; n < 7; d = ((d % 7) + 1) as Weekday, n++) {
        days.add(d);
        if (d === end) break;
      }
    } else days.add(dayNumber(part));
  }
  return [...days].sort((a, b) => a - b);
}

/** Parses `<HH:MM> <IANA zone> [days]` into a Schedule; throws InputError naming what is wrong. */
export function parseSchedule(text: string): Schedule {
  const [time, zone, ...rest] = text.trim().split(/\s+/).filter(Boolean);
  if (!time) throw new InputError('Give a time and a time zone.');
  const parsedTime = parseTime(time);
  if (!zone) throw new InputError('Give a time zone after the time, e.g. UTC or Europe/Berlin.');
  return { time: parsedTime, tz: parseZone(zone), days: parseDays(rest.join(' ')) };
}

/** "weekdays", "daily", "weekends" or "Mon, Wed, Fri" for a list of days. */
export function formatDays(days: readonly Weekday[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const key = sorted.join('');
  if (key === '1234567') return 'daily';
  if (key === '12345') return 'weekdays';
  if (key === '67') return 'weekends';
  if (sorted.length === 0) return 'no days';
  return sorted.map((d) => DAY_NAMES[d - 1]!.replace(/^./, (c) => c.toUpperCase())).join(', ');
}
