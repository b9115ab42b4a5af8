import type { Command } from './command.js';
import { InputError } from '../errors.js';
import { currentSub, saveChange } from './settings-change.js';
import { formatDays, parseSchedule } from './parse-schedule.js';
import { describeNextRun } from './next-run.js';

/** `schedule <HH:MM> <IANA zone> [days]`: when this channel's digest is posted. */
export const schedule: Command = {
  name: 'schedule',
  usage: 'schedule <HH:MM> <IANA time zone> [daily | weekdays | mon-fri | mon,wed,fri]',
  example: 'schedule 08:30 Europe/Berlin mon-fri',
  description: "set the digest's time, time zone and days (weekdays by default)",
  adminOnly: true,
  arg: { type: 'text', name: 'when', description: 'HH:MM, time zone and days, e.g. 08:30 Europe/Berlin mon-fri (empty: show)', required: false },
  private: false,
  slow: false,
  needsSubscription: true,
  async run(ctx) {
    const sub = currentSub(ctx);
    if (!ctx.args) {
      const s = sub.schedule;
      throw new InputError(`The digest is now posted at ${s.time} ${s.tz}, ${formatDays(s.days)}.`);
    }
    const next = { ...sub, schedule: parseSchedule(ctx.args), scheduleChangedAt: ctx.now.toISOString() };
    const s = next.schedule;
    const paused = next.paused ? ' Digests are paused; `/papers resume` turns them on.' : '';
    return saveChange(
      ctx,
      next,
      `Schedule set: ${s.time} ${s.tz}, ${formatDays(s.days)}. Next digest: ${describeNextRun(s, ctx.now)}.${paused}`,
    );
  },
};
