import { DateTime } from 'luxon';
import type { Schedule } from '../types.js';

/** The next time at or after `now` the schedule is due, or undefined when it has no days. */
export function nextRun(schedule: Schedule, now: Date): DateTime | undefined {
  const [hour = 0, minute = 0] = schedule.time.split(':').map(Number);
  const start = DateTime.fromJSDate(now, { zone: schedule.tz });
  for (let offset = 0; offset <= 7; offset++) {
    const day = start.plus({ days: offset }).set({ hour, minute, second: 0, millisecond: 0 });
    if (schedule.days.includes(day.weekday as Schedule['days'][number]) && day >= start) return day;
  }
  return undefined;
}

/** "Mon 2026-06-15 08:30 Europe/Berlin" for the next run, or "never" when no day is set. */
export function describeNextRun(schedule: Schedule, now: Date): string {
  const next = nextRun(schedule, now);
  return next ? `${next.toFormat('ccc yyyy-MM-dd HH:mm')} ${schedule.tz}` : 'never';
}
