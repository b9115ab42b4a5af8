import type { Command } from './command.js';
import { describeSubscription } from './describe-subscription.js';
import { textReply } from './replies.js';
import { currentSub } from './settings-change.js';

/** `settings`: shows this channel's interests, schedule, sources, size and threshold (anyone). */
export const settings: Command = {
  name: 'settings',
  usage: 'settings',
  example: 'settings',
  description: "show this channel's interests, schedule, sources, size and threshold",
  adminOnly: false,
  private: true,
  slow: false,
  needsSubscription: true,
  async run(ctx) {
    return textReply(`Settings for this channel:\n${describeSubscription(currentSub(ctx), ctx.deps.defaults)}`, true);
  },
};
