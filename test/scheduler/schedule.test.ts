import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { ManualClock } from '../../src/clock.js';
import type { DigestRun } from '../../src/digest/run-state.js';
import {
  dueSubscriptions,
  isDue,
  isScheduledDay,
  localDate,
  retryDelayMs,
  scheduledAt,
  sinceDate,
} from '../../src/scheduler/schedule.js';
import type { Schedule } from '../../src/types.js';
import { makeDigest, makeSub } from './support.js';

const weekdays = [1, 2, 3, 4, 5] as const;
const daily = [1, 2, 3, 4, 5, 6, 7] as const;
const berlin: Schedule = { time: '09:00', tz: 'Europe/Berlin', days: [...weekdays] };
const newYork: Schedule = { time: '09:00', tz: 'America/New_York', days: [...daily] };

/** The first minute (as UTC ISO) of the local day `dayIso` in the schedule's zone at which it is due, scanning with a ManualClock. */
function firstDueMinuteUtc(schedule: Schedule, dayIso: string): string | undefined {
  const start = DateTime.fromISO(dayIso, { zone: schedule.tz }).startOf('day');
  const end = start.plus({ days: 1 }).toMillis();
  const clock = new ManualClock(start.toJSDate());
  while (clock.now().getTime() < end) {
    if (isDue(schedule, clock.now())) return clock.now().toISOString();
    clock.advance(60_000);
  }
  return undefined;
}

function run(overrides: Partial<DigestRun>): DigestRun {
  return {
    v: 1,
    channelKey: 'console:c1',
    date: '2026-04-27',
    runId: 'r1',
    status: 'done',
    total: 1,
    refs: [null],
    attempts: 1,
    createdAt: '2026-04-27T09:00:00.000Z',
    updatedAt: '2026-04-27T09:00:00.000Z',
    ...overrides,
  };
}

describe('localDate', () => {
  it('gives the calendar date in the zone, not in UTC', () => {
    const now = new Date('2026-04-27T23:30:00Z');
    expect(localDate(now, 'UTC')).toBe('2026-04-27');
    expect(localDate(now, 'Europe/Berlin')).toBe('2026-04-28');
    expect(localDate(now, 'America/New_York')).toBe('2026-04-27');
    expect(localDate(new Date('2026-04-27T02:00:00Z'), 'America/Los_Angeles')).toBe('2026-04-26');
  });
});

describe('isDue across time zones and DST (Europe/Berlin, 09:00 weekdays)', () => {
  it('is due from 08:00Z in winter time (CET, UTC+1) on the Friday before the change', () => {
    expect(firstDueMinuteUtc(berlin, '2026-03-27')).toBe('2026-03-27T08:00:00.000Z');
  });

  it('is due from 07:00Z in summer time (CEST, UTC+2) on the Monday after the last Sunday of March', () => {
    expect(firstDueMinuteUtc(berlin, '2026-03-30')).toBe('2026-03-30T07:00:00.000Z');
  });

  it('is back at 08:00Z on the Monday after the last Sunday of October', () => {
    expect(firstDueMinuteUtc(berlin, '2026-10-23')).toBe('2026-10-23T07:00:00.000Z');
    expect(firstDueMinuteUtc(berlin, '2026-10-26')).toBe('2026-10-26T08:00:00.000Z');
  });

  it('is not due on the DST Sundays themselves with a weekday schedule', () => {
    expect(firstDueMinuteUtc(berlin, '2026-03-29')).toBeUndefined();
    expect(firstDueMinuteUtc(berlin, '2026-10-25')).toBeUndefined();
  });

  it('a daily schedule inside the spring-forward gap (02:30) fires once, just after the gap', () => {
    const gap: Schedule = { time: '02:30', tz: 'Europe/Berlin', days: [...daily] };
    // 02:00–03:00 does not exist on 2026-03-29; luxon moves 02:30 to 03:30 CEST = 01:30Z.
    expect(scheduledAt(gap, '2026-03-29').toUTC().toISO()).toBe('2026-03-29T01:30:00.000Z');
    expect(firstDueMinuteUtc(gap, '2026-03-29')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('a daily schedule inside the fall-back overlap (02:30 twice) is due from the first one', () => {
    const overlap: Schedule = { time: '02:30', tz: 'Europe/Berlin', days: [...daily] };
    expect(firstDueMinuteUtc(overlap, '2026-10-25')).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('isDue in America/New_York across its DST dates', () => {
  it('09:00 EST is 14:00Z before the second Sunday of March, 09:00 EDT is 13:00Z after', () => {
    expect(firstDueMinuteUtc(newYork, '2026-03-07')).toBe('2026-03-07T14:00:00.000Z');
    expect(firstDueMinuteUtc(newYork, '2026-03-08')).toBe('2026-03-08T13:00:00.000Z');
    expect(firstDueMinuteUtc(newYork, '2026-03-09')).toBe('2026-03-09T13:00:00.000Z');
  });

  it('returns to 14:00Z on the first Sunday of November', () => {
    expect(firstDueMinuteUtc(newYork, '2026-10-31')).toBe('2026-10-31T13:00:00.000Z');
    expect(firstDueMinuteUtc(newYork, '2026-11-01')).toBe('2026-11-01T14:00:00.000Z');
  });
});

describe('weekdays', () => {
  it('a weekday-only schedule is never due on Saturday or Sunday', () => {
    const utc: Schedule = { time: '09:00', tz: 'UTC', days: [...weekdays] };
    expect(firstDueMinuteUtc(utc, '2026-08-01')).toBeUndefined(); // Saturday
    expect(firstDueMinuteUtc(utc, '2026-08-02')).toBeUndefined(); // Sunday
    expect(firstDueMinuteUtc(utc, '2026-08-03')).toBe('2026-08-03T09:00:00.000Z');
  });

  it('judges the weekday in the subscriber zone: Friday 23:30 UTC is already Saturday in Tokyo', () => {
    const tokyo: Schedule = { time: '08:00', tz: 'Asia/Tokyo', days: [...weekdays] };
    expect(isScheduledDay(tokyo, localDate(new Date('2026-07-31T23:30:00Z'), 'Asia/Tokyo'))).toBe(false);
    expect(isDue(tokyo, new Date('2026-07-31T23:30:00Z'))).toBe(false);
    expect(isDue(tokyo, new Date('2026-07-30T23:30:00Z'))).toBe(true); // Friday 08:30 JST
  });

  it('an empty day list means weekdays', () => {
    expect(isDue({ time: '09:00', tz: 'UTC', days: [] }, new Date('2026-08-03T09:00:00Z'))).toBe(true);
    expect(isDue({ time: '09:00', tz: 'UTC', days: [] }, new Date('2026-08-01T09:00:00Z'))).toBe(false);
  });
});

describe('dueSubscriptions', () => {
  const monday9 = new Date('2026-04-27T09:00:00Z');

  it('picks subscriptions whose time has come in their own zone', () => {
    const subs = [
      makeSub('utc'),
      makeSub('berlin', { schedule: { ...berlin } }), // 09:00 CEST = 07:00Z: due
      makeSub('ny', { schedule: { ...newYork } }), // 09:00 EDT = 13:00Z: not yet
    ];
    const due = dueSubscriptions(subs, monday9, new Map());
    expect(due.map((d) => d.sub.channel.key).sort()).toEqual(['console:berlin', 'console:utc']);
    expect(due.find((d) => d.sub.channel.key === 'console:utc')).toMatchObject({ date: '2026-04-27', late: false });
    expect(due.find((d) => d.sub.channel.key === 'console:berlin')).toMatchObject({ late: true });
  });

  it('skips paused subscriptions and channels whose run is done today', () => {
    const subs = [makeSub('a', { paused: true }), makeSub('b'), makeSub('c')];
    const runs = new Map([['console:b', run({ channelKey: 'console:b', status: 'done' })]]);
    expect(dueSubscriptions(subs, monday9, runs).map((d) => d.sub.channel.key)).toEqual(['console:c']);
  });

  it('resumes an unfinished (posting) run at once, marked as a retry and not late', () => {
    const runs = new Map([['console:b', run({ channelKey: 'console:b', status: 'posting', digest: makeDigest('2026-04-27', 2) })]]);
    const due = dueSubscriptions([makeSub('b')], new Date('2026-04-27T11:00:00Z'), runs);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ retry: true, late: false });
  });

  it('backs off after failed attempts: 1 min, 2 min, 4 min … capped', () => {
    expect([1, 2, 3, 10].map((a) => retryDelayMs(a))).toEqual([60_000, 120_000, 240_000, 30 * 60_000]);
    const failed = run({ status: 'failed', attempts: 2, updatedAt: '2026-04-27T09:00:00.000Z' });
    const runs = new Map([['console:c1', failed]]);
    expect(dueSubscriptions([makeSub('c1')], new Date('2026-04-27T09:01:59Z'), runs)).toHaveLength(0);
    expect(dueSubscriptions([makeSub('c1')], new Date('2026-04-27T09:02:00Z'), runs)).toHaveLength(1);
  });

  it('marks a run late only when the scheduled time passed by more than lateAfterMs', () => {
    const [onTime] = dueSubscriptions([makeSub('c1')], new Date('2026-04-27T09:04:00Z'), new Map());
    const [late] = dueSubscriptions([makeSub('c1')], new Date('2026-04-27T09:06:00Z'), new Map());
    expect(onTime?.late).toBe(false);
    expect(late?.late).toBe(true);
  });

  it('a channel subscribed or rescheduled after today\'s time starts with the next scheduled digest', () => {
    const at10 = new Date('2026-04-27T10:00:00Z');
    const subscribedAt10 = makeSub('new', { createdAt: '2026-04-27T09:30:00.000Z' });
    const rescheduled = makeSub('moved', { scheduleChangedAt: '2026-04-27T09:45:00.000Z' });
    const earlier = makeSub('old', { scheduleChangedAt: '2026-04-27T08:00:00.000Z' });
    expect(dueSubscriptions([subscribedAt10, rescheduled, earlier], at10, new Map()).map((d) => d.sub.channel.key)).toEqual(['console:old']);
    // The next day both are due as usual.
    const tuesday = new Date('2026-04-28T09:01:00Z');
    expect(dueSubscriptions([subscribedAt10, rescheduled], tuesday, new Map())).toHaveLength(2);
    // An interrupted run of today is still resumed, whatever changed since.
    const runs = new Map([['console:moved', run({ channelKey: 'console:moved', status: 'posting', digest: makeDigest('2026-04-27', 2) })]]);
    expect(dueSubscriptions([rescheduled], at10, runs)).toHaveLength(1);
  });

  it('is late only when the scheduled time came before the scheduler started (the bot was down)', () => {
    const at = new Date('2026-04-27T09:30:00Z');
    const startedBefore = Date.parse('2026-04-27T08:00:00Z');
    const startedAfter = Date.parse('2026-04-27T09:20:00Z');
    expect(dueSubscriptions([makeSub('c1')], at, new Map(), { startedAt: startedBefore })[0]?.late).toBe(false);
    expect(dueSubscriptions([makeSub('c1')], at, new Map(), { startedAt: startedAfter })[0]?.late).toBe(true);
  });

  it('after the day is over in the channel zone, yesterday is not run; today passes `since` to fold it in', () => {
    const sub = makeSub('c1', { lastDigestAt: '2026-04-24T09:00:05.000Z' }); // Friday's digest
    // Monday 08:00Z: Monday not due yet, and Friday/weekend are never revisited.
    expect(dueSubscriptions([sub], new Date('2026-04-27T08:00:00Z'), new Map())).toEqual([]);
    const [due] = dueSubscriptions([sub], new Date('2026-04-27T09:00:00Z'), new Map());
    expect(due).toMatchObject({ date: '2026-04-27', since: '2026-04-24' });
  });

  it('computes since in the subscriber zone', () => {
    const sub = makeSub('c1', { schedule: { ...berlin }, lastDigestAt: '2026-04-26T23:30:00.000Z' });
    expect(sinceDate(sub)).toBe('2026-04-27');
  });
});
