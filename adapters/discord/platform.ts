// Discord as a paperbot platform: everything the core and CLI need to know, without loading discord.js.
import type { PlatformDescriptor } from '../../src/ports.js';
import { ConfigError } from '../../src/errors.js';
import { discordChannelRef } from './ids.js';
import { registerDiscordRegister } from './setup-command.js';
import { DISCORD_ENV, discordSettings, readDiscordEnv } from './env.js';

/** The Discord platform (gateway events, REST messages; `/papers` registered by discord-register). */
export const discordPlatform: PlatformDescriptor = {
  name: 'discord',
  env: DISCORD_ENV,
  readEnv: readDiscordEnv,
  enabledBy: 'DISCORD_TOKEN',
  configured: (config) => discordSettings(config) !== undefined,
  secrets: (config) => [discordSettings(config)?.token],
  urls: (config) => [discordSettings(config)?.apiUrl],
  listensOnPort: () => false,
  channels: { idPattern: /^\d+$/, example: '123456789012345678', ref: discordChannelRef },
  async create({ config, logger, paperChoices }) {
    const discord = discordSettings(config);
    if (!discord) throw new ConfigError('DISCORD_TOKEN is not set: add the bot token from the Developer Portal → Bot');
    const { createDiscordAdapter } = await import('./index.js');
    return createDiscordAdapter({
      token: discord.token,
      applicationId: discord.applicationId,
      apiUrl: discord.apiUrl,
      messageContent: discord.messageContent,
      logger,
      paperIdsForAutocomplete: paperChoices,
    });
  },
  registerSetupCommand: registerDiscordRegister,
};
