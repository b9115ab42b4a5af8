// The fake Discord: REST server + gateway over one shared state, with helpers that dispatch the
// events paperbot reacts to.
import { GatewayDispatchEvents, type APIMessage, type Snowflake } from 'discord-api-types/v10';
import { createFakeDiscordState, guildOfChannel, type FakeDiscordState } from './state.js';
import { FakeDiscordRest } from './rest-server.js';
import { FakeDiscordGateway } from './gateway.js';
import {
  autocompleteInteraction,
  messageCreatePayload,
  reactionAddPayload,
  reactionRemovePayload,
  slashInteraction,
  type MessageOptions,
  type SlashOptions,
} from './payloads.js';

/** A running fake Discord. */
export interface FakeDiscord {
  state: FakeDiscordState;
  rest: FakeDiscordRest;
  gateway: FakeDiscordGateway;
  /** Dispatches `/papers <sub> [text]`; returns the interaction payload (id, token). */
  slash(o: SlashOptions): ReturnType<typeof slashInteraction>;
  /** Dispatches an autocomplete interaction. */
  autocomplete(o: SlashOptions & { text: string }): ReturnType<typeof autocompleteInteraction>;
  /** Dispatches MESSAGE_CREATE (the channel must be known to the client). */
  message(o: MessageOptions): APIMessage;
  /** Dispatches MESSAGE_REACTION_ADD / REMOVE. */
  react(o: { channelId: Snowflake; messageId: Snowflake; emoji: string; user?: Parameters<typeof reactionAddPayload>[0]['user']; removed?: boolean }): void;
  close(): Promise<void>;
}

/** Starts the REST server and gateway on 127.0.0.1 (random ports). */
export async function startFakeDiscord(state: FakeDiscordState = createFakeDiscordState()): Promise<FakeDiscord> {
  const rest = new FakeDiscordRest(state);
  const gateway = new FakeDiscordGateway(state);
  await Promise.all([rest.start(), gateway.start()]);
  rest.gatewayUrl = gateway.url;
  return {
    state,
    rest,
    gateway,
    slash(o) {
      const payload = slashInteraction(state, o);
      state.interactionChannels.set(payload.token, payload.channel.id);
      gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
      return payload;
    },
    autocomplete(o) {
      const payload = autocompleteInteraction(state, o);
      gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
      return payload;
    },
    message(o) {
      const payload = messageCreatePayload(state, { ...o, guildId: o.guildId ?? guildOfChannel(state, o.channelId)?.id });
      state.messages.set(payload.id, payload);
      gateway.dispatch(GatewayDispatchEvents.MessageCreate, payload);
      return payload;
    },
    react(o) {
      if (o.removed) gateway.dispatch(GatewayDispatchEvents.MessageReactionRemove, reactionRemovePayload(o));
      else gateway.dispatch(GatewayDispatchEvents.MessageReactionAdd, reactionAddPayload(o));
    },
    async close() {
      await Promise.all([gateway.close(), rest.close()]);
    },
  };
}

export { FakeDiscordRest, FakeDiscordGateway, createFakeDiscordState };
export type { FakeDiscordState };
export type { RecordedRequest, FakeResponse, FakeHandler } from './rest-server.js';
export * from './payloads.js';
export { IDS, BOT_PERMISSIONS, MEMBER_PERMISSIONS } from './state.js';
export { LIMITS, embedLength, messageBodyErrors } from './limits.js';
