import type { Logger } from '../ports.js';
import type { CommandInvocation, Outbound, Subscription } from '../types.js';
import type { BotDeps } from '../bot/deps.js';

/** What a sub-command shows in help and what adapters use to declare it (Slack help, Discord sub-commands). */
export interface CommandInfo {
  /** The sub-command word, lower case: `/papers <name> …`. */
  name: string;
  /** One line on what it does (≤ 100 characters: Discord's limit for descriptions). */
  description: string;
  /** Syntax without the `/papers` prefix, e.g. `paper <arXiv id or URL>`. */
  usage: string;
  /** A complete example without the `/papers` prefix, e.g. `paper 2406.01234`. */
  example: string;
  /** True when only a channel admin (or the channel's subscriber) may run it. */
  adminOnly: boolean;
  /** True when the sub-command reads text after its name (Discord: one optional string option `text`). */
  takesText: boolean;
}

/** Everything a sub-command may use; built once per invocation by the registry. */
export interface CommandContext {
  cmd: CommandInvocation;
  /** The argument text, trimmed (everything after the sub-command name). */
  args: string;
  deps: BotDeps;
  /** The channel's subscription, when it has one. */
  sub: Subscription | undefined;
  /** The user administers this channel: platform admin, or the user who subscribed it. */
  isAdmin: boolean;
  now: Date;
  /** Logger with the channel key and command name bound. */
  log: Logger;
  /** Every registered command, for help. */
  commands: readonly CommandInfo[];
}

/**
 * A sub-command: data plus one function. `run` answers argument problems by throwing
 * InputError (the registry turns it into a usage reply) and never posts anything itself.
 */
export interface Command extends CommandInfo {
  /** True when the channel must be subscribed first (settings changes). */
  needsSubscription: boolean;
  run(ctx: CommandContext): Promise<Outbound>;
}
