import type { Command } from './command.js';
import { newSubscription } from './new-subscription.js';

/** `today`: an ephemeral preview of this channel's digest for today (default settings when unsubscribed). */
export const today: Command = {
  name: 'today',
  usage: 'today',
  example: 'today',
  description: "preview this channel's digest for today (only you see it)",
  adminOnly: false,
  takesText: false,
  needsSubscription: false,
  async run(ctx) {
    const sub = ctx.sub ?? newSubscription(ctx.cmd.channel, ctx.deps.defaults, { now: ctx.now });
    const digest = await ctx.deps.digests.preview(sub);
    return { kind: 'digest', digest, ephemeral: true };
  },
};
