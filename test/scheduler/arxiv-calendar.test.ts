import { describe, expect, it } from 'vitest';
import { isQuietDay, quietReason } from '../../src/scheduler/arxiv-calendar.js';

describe('arXiv announcement calendar', () => {
  it('has nothing new on Saturday and Sunday', () => {
    expect(isQuietDay('2026-08-01')).toBe(true); // Saturday (the recorded empty weekend feed)
    expect(isQuietDay('2026-08-02')).toBe(true); // Sunday
    expect(quietReason('2026-08-01')).toBe('arXiv does not announce on weekends');
  });

  it('announces Monday to Friday', () => {
    for (const date of ['2026-04-27', '2026-04-28', '2026-04-29', '2026-04-30', '2026-05-01']) {
      expect(isQuietDay(date), date).toBe(false);
      expect(quietReason(date)).toBeUndefined();
    }
  });

  it('knows holidays passed in (no official 2026 list is built in)', () => {
    const holidays = new Map([['2026-11-27', 'the Thanksgiving break']]);
    expect(isQuietDay('2026-11-27')).toBe(false);
    expect(isQuietDay('2026-11-27', holidays)).toBe(true);
    expect(quietReason('2026-11-27', holidays)).toBe('arXiv does not announce on the Thanksgiving break');
  });

  it('treats malformed dates as ordinary days rather than throwing', () => {
    expect(isQuietDay('not-a-date')).toBe(false);
  });
});
