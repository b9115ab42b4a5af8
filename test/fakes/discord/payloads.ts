// Typed builders for the gateway and REST payloads the fake sends. Types come from
// discord-api-types so a payload that drifts from the real shape fails to compile.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionType,
  Locale,
  MessageType,
  type APIApplicationCommandAutocompleteGuildInteraction,
  type ApplicationFlags,
  type GuildMemberFlags,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIEmbed,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GatewayMessageCreateDispatchData,
  type GatewayMessageReactionAddDispatchData,
  type GatewayMessageReactionRemoveDispatchData,
  type GatewayReadyDispatchData,
  type Snowflake,
} from 'discord-api-types/v10';
import { BOT_PERMISSIONS, IDS, MEMBER_PERMISSIONS, type FakeDiscordState, type FakeGuild } from './state.js';

/** A human user payload. */
export function user(id: Snowflake, username: string, bot = false): APIUser {
  return { id, username, discriminator: '0', global_name: username, avatar: null, ...(bot ? { bot: true } : {}) };
}

/** Alice: a member without ManageGuild. */
export const alice = user(IDS.alice, 'alice');
/** Bob: a member with ManageGuild (server admin). */
export const bob = user(IDS.bob, 'bob');
/** Another bot in the guild. */
export const otherBot = user(IDS.otherBot, 'otherbot', true);

/** READY for one shard, listing the guilds as unavailable so discord.js waits for GUILD_CREATE. */
export function readyPayload(state: FakeDiscordState, gatewayUrl: string): GatewayReadyDispatchData {
  return {
    v: 10,
    user: state.bot,
    guilds: [...state.guilds.keys()].map((id) => ({ id, unavailable: true })),
    session_id: 'fake-session',
    resume_gateway_url: gatewayUrl,
    shard: [0, 1],
    application: { id: state.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
  };
}

/** GUILD_CREATE with the guild's channels, threads and roles. */
export function guildCreatePayload(guild: FakeGuild): GatewayGuildCreateDispatchData {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: IDS.bob,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: guild.roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: new Date(0).toISOString(),
    large: false,
    member_count: 3,
    voice_states: [],
    members: [],
    channels: [...guild.channels.values()],
    threads: [...guild.threads.values()],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

function member(u: APIUser, permissions: bigint): APIInteractionGuildMember {
  return {
    user: u,
    roles: [],
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    permissions: String(permissions),
  };
}

/** A typed option value as Discord sends it (STRING 3, INTEGER 4, BOOLEAN 5, NUMBER 10). */
export interface TypedOption {
  name: string;
  type: ApplicationCommandOptionType.String | ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Boolean | ApplicationCommandOptionType.Number;
  value: string | number | boolean;
}

/** Options of one slash-command invocation (`/papers <sub>` unless `command` says otherwise). */
export interface SlashOptions {
  /** Top-level command name (default "papers"). */
  command?: string;
  sub: string;
  /** Value of a STRING option named `option` (default "text"); omitted when undefined. */
  text?: string;
  /** Name of the STRING option `text` fills. */
  option?: string;
  /** Typed options, sent instead of `text`. */
  options?: TypedOption[];
  user?: APIUser;
  /** Give the member ManageGuild. */
  admin?: boolean;
  channelId?: Snowflake;
  /** The bot's permissions in the channel (defaults to all it needs). */
  appPermissions?: bigint;
  guildId?: Snowflake;
}

let interactionSeq = 0;

function interactionBase(state: FakeDiscordState, o: SlashOptions) {
  const id = String(960_000_000_000_000_000n + BigInt(++interactionSeq));
  const u = o.user ?? alice;
  const channelId = o.channelId ?? IDS.channel;
  const guildId = o.guildId ?? IDS.guild;
  const perms = o.admin ? MEMBER_PERMISSIONS | (1n << 5n) /* ManageGuild */ : MEMBER_PERMISSIONS;
  return {
    id,
    application_id: state.applicationId,
    token: `itoken-${id}`,
    version: 1 as const,
    guild_id: guildId,
    channel: { id: channelId, type: ChannelType.GuildText as const },
    channel_id: channelId,
    member: member(u, perms),
    app_permissions: String(o.appPermissions ?? BOT_PERMISSIONS),
    locale: Locale.EnglishUS,
    guild_locale: Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: {},
    attachment_size_limit: 8 * 1024 * 1024,
  };
}

function subOption(o: SlashOptions, focused = false): APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand> {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: o.sub,
    options: o.options
      ? (o.options as APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>[])
      : o.text === undefined
        ? []
        : [{ type: ApplicationCommandOptionType.String, name: o.option ?? 'text', value: o.text, ...(focused ? { focused: true } : {}) }],
  } as APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>;
}

/** INTERACTION_CREATE for `/papers <sub> [text]`. */
export function slashInteraction(state: FakeDiscordState, o: SlashOptions): APIChatInputApplicationCommandGuildInteraction {
  return {
    ...interactionBase(state, o),
    type: InteractionType.ApplicationCommand,
    data: {
      id: '970000000000000001',
      name: o.command ?? 'papers',
      type: ApplicationCommandType.ChatInput,
      guild_id: o.guildId ?? IDS.guild,
      options: [subOption(o)],
    },
  };
}

/** INTERACTION_CREATE for autocomplete on `/papers <sub> text:<partial>`. */
export function autocompleteInteraction(
  state: FakeDiscordState,
  o: SlashOptions & { text: string },
): APIApplicationCommandAutocompleteGuildInteraction {
  return {
    ...interactionBase(state, o),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: '970000000000000001',
      name: o.command ?? 'papers',
      type: ApplicationCommandType.ChatInput,
      guild_id: o.guildId ?? IDS.guild,
      options: [subOption(o, true)] as APIApplicationCommandAutocompleteGuildInteraction['data']['options'],
    },
  };
}

/** Options of a user's message. */
export interface MessageOptions {
  channelId: Snowflake;
  content: string;
  author?: APIUser;
  /** Users mentioned (the bot, for @mentions). */
  mentions?: APIUser[];
  /** The message this one replies to. */
  replyTo?: APIMessage;
  guildId?: Snowflake;
  id?: Snowflake;
}

/** A message object as REST and the gateway carry it. */
export function messagePayload(
  state: FakeDiscordState,
  o: MessageOptions & { embeds?: APIEmbed[] },
): APIMessage {
  const id = o.id ?? state.nextId();
  return {
    id,
    channel_id: o.channelId,
    author: o.author ?? alice,
    content: o.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: o.mentions ?? [],
    mention_roles: [],
    attachments: [],
    embeds: o.embeds ?? [],
    pinned: false,
    type: o.replyTo ? MessageType.Reply : MessageType.Default,
    ...(o.replyTo
      ? {
          message_reference: { message_id: o.replyTo.id, channel_id: o.replyTo.channel_id, guild_id: o.guildId ?? IDS.guild },
          referenced_message: o.replyTo,
        }
      : {}),
  };
}

/** MESSAGE_CREATE for a user's message in a guild channel or thread. */
export function messageCreatePayload(state: FakeDiscordState, o: MessageOptions): GatewayMessageCreateDispatchData {
  const author = o.author ?? alice;
  return {
    ...messagePayload(state, o),
    guild_id: o.guildId ?? IDS.guild,
    member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 as GuildMemberFlags },
    author,
  };
}

/** MESSAGE_REACTION_ADD by a guild member. */
export function reactionAddPayload(
  o: { channelId: Snowflake; messageId: Snowflake; emoji: string; user?: APIUser; authorId?: Snowflake },
): GatewayMessageReactionAddDispatchData {
  const u = o.user ?? alice;
  return {
    user_id: u.id,
    channel_id: o.channelId,
    message_id: o.messageId,
    guild_id: IDS.guild,
    member: { user: u, roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 as GuildMemberFlags },
    emoji: { id: null, name: o.emoji },
    burst: false,
    type: 0,
    ...(o.authorId ? { message_author_id: o.authorId } : {}),
  };
}

/** MESSAGE_REACTION_REMOVE. */
export function reactionRemovePayload(
  o: { channelId: Snowflake; messageId: Snowflake; emoji: string; user?: APIUser },
): GatewayMessageReactionRemoveDispatchData {
  return {
    user_id: (o.user ?? alice).id,
    channel_id: o.channelId,
    message_id: o.messageId,
    guild_id: IDS.guild,
    emoji: { id: null, name: o.emoji },
    burst: false,
    type: 0,
  };
}
