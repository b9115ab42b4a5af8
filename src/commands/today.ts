import type { Command } from './command.js';
import { newSubscription } from './new-subscription.js';
import { loadRun } from '../digest/run-state.js';
import { localDate } from '../dates.js';

/**
 * `today`: this channel's digest for today, ephemerally. Once today's digest is planned (posted,
 * or being posted) that digest is shown; before, a preview (default settings when unsubscribed).
 * A fresh preview after the post would leave out the papers just posted (they are "seen" now).
 */
export const today: Command = {
  name: 'today',
  usage: 'today',
  example: 'today',
  description: "preview this channel's digest for today (only you see it)",
  adminOnly: false,
  private: true,
  slow: true,
  needsSubscription: false,
  async run(ctx) {
    if (ctx.sub) {
      const run = await loadRun(ctx.deps.store.kv, ctx.sub.channel.key, localDate(ctx.now, ctx.sub.schedule.tz));
      if (run?.digest && !run.silenced) return { kind: 'digest', digest: run.digest, ephemeral: true };
    }
    const sub = ctx.sub ?? newSubscription(ctx.cmd.channel, ctx.deps.defaults, { now: ctx.now });
    const digest = await ctx.deps.digests.preview(sub);
    return { kind: 'digest', digest, ephemeral: true };
  },
};
