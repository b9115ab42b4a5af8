import type { Outbound } from '../types.js';
import type { CommandInfo } from './command.js';

/** A plain text reply; ephemeral replies are shown only to the user who ran the command. */
export function textReply(text: string, ephemeral = false): Outbound {
  return { kind: 'text', text, ephemeral };
}

/** `/papers <usage>` as shown to users. */
export function slash(usage: string): string {
  return `\`/papers ${usage}\``;
}

/** An ephemeral reply naming the problem, the command's syntax and an example. */
export function usageReply(command: CommandInfo, problem?: string): Outbound {
  const lines = [problem, `Usage: ${slash(command.usage)}`, `Example: ${slash(command.example)}`].filter(Boolean);
  return textReply(lines.join('\n'), true);
}

/** The reply for settings commands on a channel that has no subscription. */
export function notSubscribedReply(): Outbound {
  return textReply(
    `This channel is not subscribed, so there is nothing to change yet. Use ${slash('subscribe <interests>')} to start daily digests here.`,
    true,
  );
}

/**
 * The ephemeral refusal for admin-only commands. Where the platform names channel admins
 * (Discord: Manage Server) subscribing grants nothing, so the reply does not offer it.
 */
export function refusalReply(command: CommandInfo, platformNamesAdmins = false): Outbound {
  const who = platformNamesAdmins
    ? 'a server admin (Manage Server)'
    : 'a workspace or server admin, or the person who subscribed this channel';
  return textReply(
    `Sorry, only a channel admin can use ${slash(command.name)}: ${who}. ` +
      `Anyone can use ${slash('settings')} to see the current settings.`,
    true,
  );
}
