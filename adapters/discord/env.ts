// Discord's environment variables: their validation and the settings the adapter and
// `discord-register` are created from. readConfig calls readDiscordEnv through the Discord
// descriptor, handing it zod (so loading the descriptor loads no validation library).
import type { Config } from '../../src/types.js';
import type { PlatformEnvRead } from '../../src/ports.js';
import type { Env, EnvKit } from '../../src/env-schema.js';

/** Discord's settings, present in the configuration when DISCORD_TOKEN is set. */
export interface DiscordSettings {
  token: string;
  applicationId?: string;
  apiUrl?: string;
  /** DISCORD_MESSAGE_CONTENT: read plain messages (a privileged intent), default false. */
  messageContent: boolean;
  /** The server `discord-register` registers in by default (instant); global otherwise. */
  guildId?: string;
}

const shape = ({ z, opt, url, boolText }: EnvKit) => ({
  DISCORD_TOKEN: opt(z.string()),
  DISCORD_APPLICATION_ID: opt(z.string().regex(/^\d+$/, { message: 'must be the numeric application id' })),
  DISCORD_API_URL: opt(url),
  DISCORD_MESSAGE_CONTENT: opt(boolText),
  DISCORD_GUILD_ID: opt(z.string().regex(/^\d+$/, { message: 'must be a numeric guild id' })),
});

/** The variables Discord reads. */
export const DISCORD_ENV = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_API_URL', 'DISCORD_MESSAGE_CONTENT', 'DISCORD_GUILD_ID'] as const;

/** Reads Discord's variables; it is turned on by DISCORD_TOKEN. */
export function readDiscordEnv(env: Env, kit: EnvKit): PlatformEnvRead {
  const read = kit.readEnvShape(shape(kit), env);
  if (!read.ok) return read;
  const e = read.values;
  if (!e.DISCORD_TOKEN) return { ok: true, settings: undefined, problems: [] };
  const settings: DiscordSettings = {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    apiUrl: e.DISCORD_API_URL,
    messageContent: e.DISCORD_MESSAGE_CONTENT ?? false,
    guildId: e.DISCORD_GUILD_ID,
  };
  return { ok: true, settings, problems: [] };
}

/** Discord's settings in `config`, when DISCORD_TOKEN is set. */
export function discordSettings(config: Readonly<Config>): DiscordSettings | undefined {
  return config.platforms.discord as DiscordSettings | undefined;
}
