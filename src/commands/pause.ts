import type { Command } from './command.js';
import { slash, textReply } from './replies.js';
import { actorName, currentSub, saveChange } from './settings-change.js';

/** `pause`: keeps the settings but posts no digests until `resume`. */
export const pause: Command = {
  name: 'pause',
  usage: 'pause',
  example: 'pause',
  description: 'pause daily digests here (settings are kept)',
  adminOnly: true,
  private: false,
  slow: false,
  needsSubscription: true,
  async run(ctx) {
    const sub = currentSub(ctx);
    if (sub.paused) return textReply(`Digests here are already paused. ${slash('resume')} turns them back on.`, true);
    const next = { ...sub, paused: true, pausedReason: `paused by ${actorName(ctx)} on ${ctx.now.toISOString().slice(0, 10)}` };
    return saveChange(ctx, next, `Paused: no digests here until someone runs ${slash('resume')}.`);
  },
};
