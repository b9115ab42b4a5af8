import { describe, expect, it } from 'vitest';
import { formatDays, parseDays, parseSchedule, parseTime, parseZone } from '../../src/commands/parse-schedule.js';
import { nextRun } from '../../src/commands/next-run.js';
import { InputError } from '../../src/errors.js';
import { MEMBER, makeBot, textOf } from '../bot/harness.js';

describe('schedule parsing', () => {
  it('parses 24-hour times', () => {
    expect(parseTime('08:30')).toBe('08:30');
    expect(parseTime('8:05')).toBe('08:05');
    expect(parseTime('23:59')).toBe('23:59');
    expect(parseTime('00:00')).toBe('00:00');
    for (const bad of ['24:00', '12:60', '8', '8:5', '8.30', '08:30pm', 'noon', '-1:00']) {
      expect(() => parseTime(bad), bad).toThrow(InputError);
    }
  });

  it('validates IANA zones and canonicalizes their case', () => {
    expect(parseZone('UTC')).toBe('UTC');
    expect(parseZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(parseZone('america/new_york')).toBe('America/New_York');
    for (const bad of ['Mars/Olympus', 'Berlin', 'CEST+1', '']) expect(() => parseZone(bad), bad).toThrow(/not a time zone/);
  });

  it('parses days: keywords, names, lists and ranges', () => {
    expect(parseDays('')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('weekdays')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('daily')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(parseDays('mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('mon,wed,fri')).toEqual([1, 3, 5]);
    expect(parseDays('Mon, Wed')).toEqual([1, 3]);
    expect(parseDays('thu')).toEqual([4]);
    expect(parseDays('sat sun')).toEqual([6, 7]);
    expect(parseDays('fri-mon')).toEqual([1, 5, 6, 7]);
    expect(parseDays('tuesday')).toEqual([2]);
    for (const bad of ['mo', 'funday', 'mon-', 'mon-fri-sat', 'everyweek']) expect(() => parseDays(bad), bad).toThrow(InputError);
  });

  it('parses a whole schedule and formats days back', () => {
    expect(parseSchedule('08:30 Europe/Berlin mon-fri')).toEqual({ time: '08:30', tz: 'Europe/Berlin', days: [1, 2, 3, 4, 5] });
    expect(parseSchedule('7:00  UTC  daily')).toEqual({ time: '07:00', tz: 'UTC', days: [1, 2, 3, 4, 5, 6, 7] });
    expect(() => parseSchedule('08:30')).toThrow(/time zone/);
    expect(() => parseSchedule('')).toThrow(/time/);
    expect(formatDays([1, 2, 3, 4, 5])).toBe('weekdays');
    expect(formatDays([1, 3, 5])).toBe('Mon, Wed, Fri');
    expect(formatDays([7, 6])).toBe('weekends');
  });

  it('computes the next run in the zone', () => {
    const monday7utc = new Date('2026-06-15T07:00:00Z'); // 09:00 in Berlin
    expect(nextRun({ time: '08:30', tz: 'Europe/Berlin', days: [1, 2, 3, 4, 5] }, monday7utc)?.toISO()).toBe('2026-06-16T08:30:00.000+02:00');
    expect(nextRun({ time: '09:30', tz: 'Europe/Berlin', days: [1] }, monday7utc)?.toISO()).toBe('2026-06-15T09:30:00.000+02:00');
    expect(nextRun({ time: '09:00', tz: 'UTC', days: [] }, monday7utc)).toBeUndefined();
  });
});

describe('/papers schedule', () => {
  it('saves a valid schedule and says when the next digest is', async () => {
    const h = await makeBot();
    await h.chat.command(h.channel, 'subscribe', 'robots', MEMBER);
    const out = await h.chat.command(h.channel, 'schedule', '08:30 Europe/Berlin mon,wed,fri', MEMBER);
    expect(textOf(out)).toBe('Schedule set: 08:30 Europe/Berlin, Mon, Wed, Fri. Next digest: Wed 2026-06-17 08:30 Europe/Berlin.');
    expect((await h.store.getSubscription(h.channel.key))?.schedule).toEqual({ time: '08:30', tz: 'Europe/Berlin', days: [1, 3, 5] });
  });

  it('answers a bad time, zone or days with the reason and usage, changing nothing', async () => {
    const h = await makeBot();
    await h.chat.command(h.channel, 'subscribe', 'robots', MEMBER);
    const cases: Array<[string, RegExp]> = [
      ['25:00 UTC', /not a 24-hour time/],
      ['08:30 Mars/Olympus', /not a time zone I know/],
      ['08:30', /Give a time zone/],
      ['08:30 UTC someday', /"someday" is not a day/],
      ['', /now posted at 09:00 UTC, weekdays/],
    ];
    for (const [args, reason] of cases) {
      const out = await h.chat.command(h.channel, 'schedule', args, MEMBER);
      expect(out, args).toMatchObject({ kind: 'text', ephemeral: true });
      expect(textOf(out), args).toMatch(reason);
      expect(textOf(out), args).toContain('Example: `/papers schedule 08:30 Europe/Berlin mon-fri`');
    }
    expect((await h.store.getSubscription(h.channel.key))?.schedule).toEqual({ time: '09:00', tz: 'UTC', days: [1, 2, 3, 4, 5] });
  });
});
