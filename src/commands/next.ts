import type { Command } from './command.js';
import { describeNextRun } from './next-run.js';
import { slash, textReply } from './replies.js';

/** `next`: when this channel's next digest is due (and when the last one went out). */
export const next: Command = {
  name: 'next',
  usage: 'next',
  example: 'next',
  description: "when this channel's next digest is due",
  adminOnly: false,
  private: true,
  slow: false,
  needsSubscription: false,
  async run(ctx) {
    const sub = ctx.sub;
    if (!sub) return textReply(`No digests here yet: ${slash('subscribe <interests>')} starts them.`, true);
    const last = sub.lastDigestAt ? ` Last digest: ${sub.lastDigestAt.slice(0, 16).replace('T', ' ')} UTC.` : '';
    if (sub.paused) {
      return textReply(`Digests here are paused${sub.pausedReason ? ` (${sub.pausedReason})` : ''}; ${slash('resume')} starts them again.${last}`, true);
    }
    return textReply(`Next digest here: ${describeNextRun(sub.schedule, ctx.now)}.${last}`, true);
  },
};
