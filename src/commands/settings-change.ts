import type { Outbound, Subscription } from '../types.js';
import type { CommandContext } from './command.js';
import { textReply } from './replies.js';

/** The channel's subscription; the registry only runs settings commands on subscribed channels. */
export function currentSub(ctx: CommandContext): Subscription {
  if (!ctx.sub) throw new Error(`command ${ctx.cmd.name} needs a subscription but none was loaded`);
  return ctx.sub;
}

/** Who ran the command, for notes such as "paused by …". */
export function actorName(ctx: CommandContext): string {
  return ctx.cmd.user.name ?? ctx.cmd.user.id;
}

/** Saves the changed subscription and confirms in the channel (visible, so the team sees the change). */
export async function saveChange(ctx: CommandContext, next: Subscription, confirmation: string): Promise<Outbound> {
  await ctx.deps.store.saveSubscription(next);
  ctx.log.info('subscription changed', { command: ctx.cmd.name, userId: ctx.cmd.user.id });
  return textReply(confirmation, false);
}
