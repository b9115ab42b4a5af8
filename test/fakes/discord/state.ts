// What the fake Discord knows: one bot, one application, guilds with channels, threads and roles,
// and every message posted through the fake REST. Shared by the REST server and the gateway.
import {
  ChannelType,
  PermissionFlagsBits,
  type APIGuildTextChannel,
  type RoleFlags,
  type APIMessage,
  type APIRole,
  type APIThreadChannel,
  type APIUser,
  type Snowflake,
} from 'discord-api-types/v10';

/** A guild as the fake holds it. */
export interface FakeGuild {
  id: Snowflake;
  name: string;
  channels: Map<Snowflake, APIGuildTextChannel<ChannelType.GuildText>>;
  threads: Map<Snowflake, APIThreadChannel>;
  roles: APIRole[];
}

/** Mutable state of the fake platform. */
export interface FakeDiscordState {
  bot: APIUser;
  applicationId: Snowflake;
  guilds: Map<Snowflake, FakeGuild>;
  /** Every message the fake stored (posted by the bot or injected by a test), by id. */
  messages: Map<Snowflake, APIMessage>;
  /** Channel ids that answer 404 Unknown Channel (deleted). */
  deletedChannels: Set<Snowflake>;
  /** Interaction token → the channel it was used in (where its webhook messages appear). */
  interactionChannels: Map<string, Snowflake>;
  /** Next snowflake, increasing. */
  nextId(): Snowflake;
}

/** Everyone's default permissions in the fake guild (no ManageGuild). */
export const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands;

/** What the bot may do in a channel by default: everything it needs. */
export const BOT_PERMISSIONS =
  MEMBER_PERMISSIONS |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.AttachFiles;

/** Fixed ids used by the default scenario. */
export const IDS = {
  app: '900000000000000001',
  bot: '900000000000000001',
  guild: '910000000000000001',
  channel: '920000000000000001',
  otherChannel: '920000000000000002',
  thread: '930000000000000001',
  alice: '940000000000000001',
  bob: '940000000000000002',
  otherBot: '940000000000000003',
} as const;

/** A text channel payload. */
export function textChannel(id: Snowflake, guildId: Snowflake, name: string): APIGuildTextChannel<ChannelType.GuildText> {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    default_auto_archive_duration: 1440,
  };
}

/** A public thread payload whose id is its starter message id. */
export function publicThread(id: Snowflake, parentId: Snowflake, guildId: Snowflake, name: string): APIThreadChannel {
  return {
    id,
    type: ChannelType.PublicThread,
    guild_id: guildId,
    parent_id: parentId,
    name,
    owner_id: IDS.bot,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    thread_metadata: {
      archived: false,
      auto_archive_duration: 1440,
      archive_timestamp: new Date(0).toISOString(),
      locked: false,
    },
  };
}

/** The @everyone role (its id is the guild id). */
export function everyoneRole(guildId: Snowflake): APIRole {
  return {
    id: guildId,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    position: 0,
    permissions: String(MEMBER_PERMISSIONS),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

/** A fresh state: one guild with two text channels and one thread. */
export function createFakeDiscordState(): FakeDiscordState {
  let seq = 1_000n;
  const guild: FakeGuild = {
    id: IDS.guild,
    name: 'paper readers',
    channels: new Map([
      [IDS.channel, textChannel(IDS.channel, IDS.guild, 'papers')],
      [IDS.otherChannel, textChannel(IDS.otherChannel, IDS.guild, 'general')],
    ]),
    threads: new Map([[IDS.thread, publicThread(IDS.thread, IDS.channel, IDS.guild, 'An old paper')]]),
    roles: [everyoneRole(IDS.guild)],
  };
  return {
    bot: { id: IDS.bot, username: 'paperbot', discriminator: '0', global_name: null, avatar: null, bot: true },
    applicationId: IDS.app,
    guilds: new Map([[guild.id, guild]]),
    messages: new Map(),
    deletedChannels: new Set(),
    interactionChannels: new Map(),
    nextId: () => String(950_000_000_000_000_000n + seq++),
  };
}

/** The guild that holds this channel or thread, if any. */
export function guildOfChannel(state: FakeDiscordState, channelId: Snowflake): FakeGuild | undefined {
  for (const g of state.guilds.values()) {
    if (g.channels.has(channelId) || g.threads.has(channelId)) return g;
  }
  return undefined;
}
