import type { Subscription, UserRef } from '../types.js';
import type { Command } from './command.js';

/** True when the user administers the channel: the platform says so, or they subscribed it. */
export function isChannelAdmin(user: UserRef, sub: Subscription | undefined): boolean {
  if (user.isAdmin) return true;
  return Boolean(sub?.subscribedBy && sub.subscribedBy === user.id);
}

/**
 * True when the user may run the command here. Admin-only commands need a channel admin, except
 * `subscribe` on a channel nobody has subscribed: whoever subscribes it becomes its admin
 * (PRODUCT: "the user who subscribed the channel"), so a team can start without a workspace admin.
 */
export function mayRun(command: Command, user: UserRef, sub: Subscription | undefined): boolean {
  if (!command.adminOnly) return true;
  if (isChannelAdmin(user, sub)) return true;
  return command.name === 'subscribe' && sub === undefined;
}
