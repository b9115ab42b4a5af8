// The Discord adapter: translates between discord.js v14 and BotCore. Commands arrive as
// `/papers <sub>` interactions, questions as thread messages, feedback as 👍/👎 reactions;
// digests and answers go out through post() and reply().
import { Events, GatewayCloseCodes, RESTEvents, type Client } from 'discord.js';
import type { BotCore, ChatAdapter, Logger } from '../../src/ports.js';
import type { ChannelRef, MessageRef, Outbound, ThreadRef } from '../../src/types.js';
import type { CommandInfo } from '../../src/commands/command.js';
import { ConfigError } from '../../src/errors.js';
import { COMMAND_LIST } from '../../src/commands/registry.js';
import { createDiscordClient, type DiscordClientOptions } from './client.js';
import { editOutbound, postOutbound, replyOutbound } from './send.js';
import { interactionListener } from './listeners/interaction.js';
import { threadMessageListener } from './listeners/thread-message.js';
import { reactionListener } from './listeners/reaction.js';
import type { ListenerDeps, PaperIdLookup } from './listeners/deps.js';

/** Everything the Discord adapter needs. */
export interface DiscordAdapterConfig {
  /** Bot token (DISCORD_TOKEN). */
  token: string;
  /** Application id (DISCORD_APPLICATION_ID); only needed for command registration. */
  applicationId?: string;
  /** REST base (DISCORD_API_URL); discord.js appends `/v10`. Tests point it at a fake. */
  apiUrl?: string;
  /** DISCORD_MESSAGE_CONTENT: the privileged intent is on, thread questions need no @mention. */
  messageContent: boolean;
  logger: Logger;
  /** @discordjs/rest overrides (retries, timeout in ms, offset), mainly for tests. */
  restOptions?: DiscordClientOptions['restOptions'];
  /** Stored paper ids for `/papers paper` autocomplete (at most 25 are shown). */
  paperIdsForAutocomplete?: PaperIdLookup;
  /** The sub-commands as registered (default: the command registry). */
  commands?: readonly CommandInfo[];
}

function gatewayCloseError(code: number, messageContent: boolean): Error {
  if (code === GatewayCloseCodes.AuthenticationFailed) {
    return new ConfigError('DISCORD_TOKEN was rejected by the Discord gateway (close 4004): copy the bot token again from the Developer Portal → Bot.');
  }
  if (code === GatewayCloseCodes.DisallowedIntents && messageContent) {
    return new ConfigError(
      'Discord refused the Message Content intent (close 4014): turn on "Message Content Intent" in the Developer Portal → Bot → Privileged Gateway Intents, or unset DISCORD_MESSAGE_CONTENT (thread questions then need an @mention).',
    );
  }
  return new Error(`The Discord gateway closed the connection for good (close code ${code}).`);
}

/** ChatAdapter over a discord.js Client (gateway for events, REST for messages). */
export class DiscordAdapter implements ChatAdapter {
  readonly platform = 'discord' as const;
  /** The underlying discord.js client (exposed for diagnostics and tests). */
  readonly client: Client;
  private readonly log: Logger;
  private started = false;
  private stopped = false;

  constructor(private readonly config: DiscordAdapterConfig) {
    this.log = config.logger.child({ adapter: 'discord' });
    this.client = createDiscordClient(config);
    // Lets post() work before or without start() (e.g. a one-off `digest --post`).
    this.client.rest.setToken(config.token);
    this.client.on(Events.Error, (err) => this.log.error('discord client error', { error: String(err) }));
    this.client.on(Events.Warn, (msg) => this.log.warn('discord client warning', { message: msg }));
    this.client.on(Events.ShardDisconnect, (event) => this.log.error('discord gateway closed for good', { code: event.code }));
    this.client.rest.on(RESTEvents.RateLimited, (info) =>
      this.log.warn('discord rate limit; waiting', { route: info.route, retryAfterMs: info.retryAfter, global: info.global }),
    );
  }

  /**
   * Logs in and resolves once the gateway is ready (guilds received); from then on commands,
   * thread messages and reactions are delivered to `core`. Rejects with ConfigError for a bad
   * token or a Message Content intent that is not enabled in the Developer Portal.
   */
  async start(core: BotCore): Promise<void> {
    if (this.started) throw new Error('The Discord adapter is already started.');
    this.started = true;
    const deps: ListenerDeps = {
      core,
      logger: this.log,
      messageContent: this.config.messageContent,
      commands: this.config.commands ?? COMMAND_LIST,
      paperIdsForAutocomplete: this.config.paperIdsForAutocomplete,
    };
    this.client.on(Events.InteractionCreate, interactionListener(deps));
    this.client.on(Events.MessageCreate, threadMessageListener(deps));
    this.client.on(Events.MessageReactionAdd, reactionListener(deps, false));
    this.client.on(Events.MessageReactionRemove, reactionListener(deps, true));
    const ready = new Promise<void>((resolve, reject) => {
      this.client.once(Events.ClientReady, () => resolve());
      this.client.once(Events.ShardDisconnect, (event) => reject(gatewayCloseError(event.code, this.config.messageContent)));
    });
    try {
      await Promise.all([this.client.login(this.config.token), ready]);
    } catch (err) {
      await this.client.destroy();
      if ((err as { code?: string }).code === 'TokenInvalid') {
        throw new ConfigError('DISCORD_TOKEN was rejected by Discord (401): copy the bot token again from the Developer Portal → Bot.');
      }
      throw err;
    }
    this.log.info('discord connected', {
      user: this.client.user?.tag,
      guilds: this.client.guilds.cache.size,
      messageContent: this.config.messageContent,
    });
  }

  /** Disconnects from the gateway; safe to call twice (and without start). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.client.destroy();
  }

  /**
   * Posts at the channel's top level; returns `discord:<channelId>:<messageId>` of the (first)
   * message. Digest headers and papers get a thread (named after the paper), papers get 👍/👎.
   * Throws ChannelUnavailableError for Unknown Channel / Missing Access / Missing Permissions.
   */
  post(channel: ChannelRef, message: Outbound): Promise<ThreadRef> {
    return postOutbound(this.client, channel, message, this.log);
  }

  /** Replies in the thread started from `thread.threadId`, or as a reply to that message when there is none. */
  reply(thread: ThreadRef, message: Outbound): Promise<MessageRef> {
    return replyOutbound(this.client, thread, message);
  }

  /** Edits a message the bot sent (a placeholder) to show `content`. */
  edit(message: MessageRef, content: Outbound): Promise<void> {
    return editOutbound(this.client, message, content);
  }
}

/** Creates the Discord adapter (not connected until start()). */
export function createDiscordAdapter(config: DiscordAdapterConfig): DiscordAdapter {
  return new DiscordAdapter(config);
}

export { registerDiscordCommands, type RegisterDiscordCommandsOptions, type RegisterDiscordCommandsResult } from './register.js';
export { buildDiscordCommands, PAPERS_COMMAND, PAPERS_ADMIN_COMMAND } from './commands.js';
export { discordChannelRef, discordThreadRef } from './ids.js';
export { renderOutbound, type DiscordMessage } from './render/outbound.js';
export type { PaperIdLookup } from './listeners/deps.js';
