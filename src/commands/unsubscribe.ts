import type { Command } from './command.js';
import { slash, textReply } from './replies.js';

/** `unsubscribe`: stops digests here and forgets the settings (feedback and seen papers are kept). */
export const unsubscribe: Command = {
  name: 'unsubscribe',
  usage: 'unsubscribe',
  example: 'unsubscribe',
  description: 'stop daily digests in this channel',
  adminOnly: true,
  private: false,
  slow: false,
  needsSubscription: true,
  async run(ctx) {
    await ctx.deps.store.deleteSubscription(ctx.cmd.channel.key);
    ctx.log.info('channel unsubscribed', { userId: ctx.cmd.user.id });
    return textReply(`Unsubscribed: no more digests in this channel. ${slash('subscribe <interests>')} starts them again.`);
  },
};
