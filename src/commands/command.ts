import type { Logger } from '../ports.js';
import type { CommandInvocation, Outbound, Subscription } from '../types.js';
import type { BotDeps } from './deps.js';
import type { ArgSpec, ArgValue } from './arguments.js';

/**
 * Everything about a sub-command except how it runs: what help shows and what adapters build
 * their surface from (Slack usage hint, help and ack; Discord sub-commands, option types,
 * admin command, reply visibility). Adapters keep no list of command names of their own.
 */
export interface CommandInfo {
  /** The sub-command word, lower case: `/papers <name> …`. */
  name: string;
  /** One line on what it does (≤ 100 characters: Discord's limit for descriptions). */
  description: string;
  /** Syntax without the `/papers` prefix, e.g. `paper <arXiv id or URL>`. */
  usage: string;
  /** A complete example without the `/papers` prefix, e.g. `paper 2406.01234`. */
  example: string;
  /** Who may run it: true for channel admins only (platform admins; on Slack also the subscriber), false for anyone. */
  adminOnly: boolean;
  /** The argument read after the name, if any; the core validates it before `run`. */
  arg?: ArgSpec;
  /** True when the answer is shown only to the user who ran it (help, previews, settings). */
  private: boolean;
  /** True when answering may take seconds (network, model): adapters acknowledge at once. */
  slow: boolean;
  /**
   * True when the command starts digests in the channel: adapters check the bot can post there,
   * and where the platform names no channel admins (Slack) whoever runs it first becomes one.
   */
  startsDigests?: boolean;
}

/** Everything a sub-command may use; built once per invocation by the registry. */
export interface CommandContext {
  cmd: CommandInvocation;
  /** The argument text, trimmed (everything after the sub-command name). */
  args: string;
  /** The argument validated against the command's `arg` (a number, boolean or text). */
  value: ArgValue;
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
  /**
   * True when every run is expensive (ranks a day or a week, searches and calls the model): the
   * core counts it against the user's limit and pools it with the other expensive work.
   */
  expensive?: boolean;
  run(ctx: CommandContext): Promise<Outbound>;
}
