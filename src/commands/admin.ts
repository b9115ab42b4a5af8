import type { CommandInvocation, Subscription } from '../types.js';
import type { CommandInfo } from './command.js';

/**
 * True when the user administers the channel: the platform says so, or (where the platform
 * names no channel admins) they subscribed it.
 */
export function isChannelAdmin(cmd: Pick<CommandInvocation, 'user' | 'platformNamesAdmins'>, sub: Subscription | undefined): boolean {
  if (cmd.user.isAdmin) return true;
  if (cmd.platformNamesAdmins) return false;
  return Boolean(sub?.subscribedBy && sub.subscribedBy === cmd.user.id);
}

/**
 * True when the user may run the command here. Admin-only commands need a channel admin, except
 * the command that starts digests on a channel nobody has subscribed, on platforms that name no
 * channel admins (Slack): whoever subscribes it becomes its admin (PRODUCT: "the user who
 * subscribed the channel"), so a team can start without a workspace admin.
 */
export function mayRun(command: CommandInfo, cmd: Pick<CommandInvocation, 'user' | 'platformNamesAdmins'>, sub: Subscription | undefined): boolean {
  if (!command.adminOnly) return true;
  if (isChannelAdmin(cmd, sub)) return true;
  return Boolean(command.startsDigests) && sub === undefined && !cmd.platformNamesAdmins;
}
