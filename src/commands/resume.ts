import type { Command } from './command.js';
import { textReply } from './replies.js';
import { currentSub, saveChange } from './settings-change.js';
import { formatDays } from './parse-schedule.js';

/** `resume`: turns paused digests back on (also after the bot paused a channel it could not post to). */
export const resume: Command = {
  name: 'resume',
  usage: 'resume',
  example: 'resume',
  description: 'resume paused digests here',
  adminOnly: true,
  private: false,
  slow: false,
  needsSubscription: true,
  async run(ctx) {
    const sub = currentSub(ctx);
    if (!sub.paused) return textReply('Digests here are not paused.', true);
    const next = { ...sub, paused: false, pausedReason: undefined };
    const s = next.schedule;
    return saveChange(ctx, next, `Resumed: digests are back on (${s.time} ${s.tz}, ${formatDays(s.days)}).`);
  },
};
