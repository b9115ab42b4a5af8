// The discord.js client paperbot runs: only the intents it needs, partials so reactions on
// uncached messages still arrive, and mentions disabled for every message it sends.
import { Client, GatewayIntentBits, Partials, type RESTOptions } from 'discord.js';

/** Options of the client. */
export interface DiscordClientOptions {
  /** Turn on the privileged Message Content intent (must also be enabled in the Developer Portal). */
  messageContent: boolean;
  /** REST base (discord.js appends `/v10`); default https://discord.com/api. */
  apiUrl?: string;
  /** @discordjs/rest overrides (retries, timeout, offset), mainly for tests. */
  restOptions?: Partial<Pick<RESTOptions, 'retries' | 'timeout' | 'offset'>>;
}

/** The gateway intents paperbot asks for. */
export function discordIntents(messageContent: boolean): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.GuildMessageReactions];
  if (messageContent) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

/**
 * A new, not yet logged-in client. `allowedMentions: { parse: [] }` applies to every send,
 * reply and interaction response: untrusted titles or model output never ping anyone.
 */
export function createDiscordClient(options: DiscordClientOptions): Client {
  return new Client({
    intents: discordIntents(options.messageContent),
    // Reactions on messages sent before the last restart are not cached; partials deliver them.
    partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User, Partials.GuildMember],
    allowedMentions: { parse: [], repliedUser: false },
    rest: {
      ...(options.apiUrl ? { api: options.apiUrl } : {}),
      ...(options.restOptions ?? {}),
    },
  });
}
