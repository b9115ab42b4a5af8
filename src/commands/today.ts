import type { Command } from './command.js';
import { newSubscription } from '../new-subscription.js';
import { loadRun } from '../digest/run-state.js';
import { localDate } from '../dates.js';
import type { Digest } from '../types.js';

/** The papers a digest's exclude filter hid, shown as a digest of their own. */
function hiddenView(digest: Digest): Digest {
  const hidden = digest.hidden ?? [];
  const text = hidden.length
    ? `Papers this channel's exclude filter hid today (${hidden.length}); change it with /papers exclude.`
    : "The exclude filter hid nothing today that would have been shown.";
  return { ...digest, items: hidden, hidden: undefined, themes: undefined, notes: [{ kind: 'info', text }] };
}

/**
 * `today`: this channel's digest for today, ephemerally. Once today's digest is planned (posted,
 * or being posted) that digest is shown; before, a preview (default settings when unsubscribed).
 * A fresh preview after the post would leave out the papers just posted (they are "seen" now).
 */
export const today: Command = {
  name: 'today',
  usage: 'today [hidden]',
  example: 'today',
  description: "preview this channel's digest for today (only you see it); `hidden`: what the exclude filter hid",
  adminOnly: false,
  arg: { type: 'choice', name: 'show', description: 'hidden: only what the exclude filter hid', choices: ['hidden'], required: false },
  private: true,
  slow: true,
  expensive: true,
  needsSubscription: false,
  async run(ctx) {
    const view = ctx.value === 'hidden' ? hiddenView : (d: Digest) => d;
    if (ctx.sub) {
      const run = await loadRun(ctx.deps.store.kv, ctx.sub.channel.key, localDate(ctx.now, ctx.sub.schedule.tz));
      if (run?.digest && !run.silenced) return { kind: 'digest', digest: view(run.digest), ephemeral: true };
    }
    const sub = ctx.sub ?? newSubscription(ctx.cmd.channel, ctx.deps.defaults, { now: ctx.now });
    const digest = await ctx.deps.digests.preview(sub);
    return { kind: 'digest', digest: view(digest), ephemeral: true };
  },
};
