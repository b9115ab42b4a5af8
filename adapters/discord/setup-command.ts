// `paperbot discord-register`: Discord's one-time setup, registered on the CLI by the Discord descriptor.
import type { Command } from 'commander';
import type { SetupIo } from '../../src/ports.js';
import { ConfigError, InputError, errorMessage } from '../../src/errors.js';
import { discordSettings } from './env.js';

/** `paperbot discord-register [--guild ID]`: registers `/papers` and `/papers-admin` in one guild (instant) or globally. */
export function registerDiscordRegister(program: Command, io: SetupIo): void {
  program
    .command('discord-register')
    .description('register the /papers and /papers-admin commands with Discord (guild: instant; global: up to an hour)')
    .option('--guild <id>', 'register in this server only (default DISCORD_GUILD_ID; omit both for global)')
    .option('--global', 'register globally even when DISCORD_GUILD_ID is set')
    .action(async (flags: { guild?: string; global?: boolean }) => {
      const config = await io.config();
      const discord = discordSettings(config);
      if (!discord) throw new ConfigError('DISCORD_TOKEN is not set: copy the bot token from the Developer Portal → Bot');
      if (flags.guild && !/^\d+$/.test(flags.guild)) throw new InputError(`--guild: "${flags.guild}" must be a numeric server id`);
      const guildId = flags.global ? undefined : (flags.guild ?? discord.guildId);
      // discord.js is loaded only when a registration actually runs.
      const { registerDiscordCommands } = await import('./register.js');
      let result;
      try {
        result = await registerDiscordCommands({ token: discord.token, applicationId: discord.applicationId, apiUrl: discord.apiUrl, guildId });
      } catch (err) {
        throw new Error(`Discord refused the registration: ${errorMessage(err)} (check DISCORD_TOKEN and DISCORD_APPLICATION_ID)`);
      }
      io.stdout.write(
        `Registered /${result.names.join(', /')} with ${result.subcommands} sub-commands ${result.scope === 'guild' ? `in server ${guildId} (available now)` : 'globally (may take up to an hour to appear)'}.\n`,
      );
    });
}
