import { isDeepStrictEqual } from 'node:util';
import type { SubscriptionPatch } from '../ports.js';
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

/** The settings `next` changes relative to `before` (a removed one maps to undefined). */
function changedFields(before: Subscription, next: Subscription): SubscriptionPatch {
  const patch: Record<string, unknown> = {};
  const names = new Set([...Object.keys(before), ...Object.keys(next)]);
  for (const name of names) {
    if (name === 'channel') continue;
    const value = (next as unknown as Record<string, unknown>)[name];
    if (!isDeepStrictEqual((before as unknown as Record<string, unknown>)[name], value)) patch[name] = value;
  }
  return patch as SubscriptionPatch;
}

/**
 * Saves the change and confirms in the channel (visible, so the team sees the change). On a
 * subscribed channel only the settings this command changed are written (atomically), so
 * changes made at the same time by others to other settings are kept.
 */
export async function saveChange(ctx: CommandContext, next: Subscription, confirmation: string): Promise<Outbound> {
  if (!ctx.sub) {
    await ctx.deps.store.saveSubscription(next);
  } else {
    const patch = changedFields(ctx.sub, next);
    if (Object.keys(patch).length > 0 && !(await ctx.deps.store.updateSubscription(next.channel.key, patch))) {
      return textReply('This channel was unsubscribed meanwhile, so nothing was changed.', true);
    }
  }
  return confirmChange(ctx, confirmation);
}

/** Logs a change already saved and confirms it in the channel (visible, so the team sees it). */
export function confirmChange(ctx: CommandContext, confirmation: string): Outbound {
  ctx.log.info('subscription changed', { command: ctx.cmd.name, userId: ctx.cmd.user.id });
  return textReply(confirmation, false);
}
