// One-time platform setup: the Slack app manifest and Discord command registration.
import { Option, type Command } from 'commander';
import { ConfigError, InputError, errorMessage } from '../errors.js';
import { registerDiscordCommands, slackManifest } from '../main.js';
import { appNameProblem, requestUrlProblem, slashCommandName } from '../../adapters/slack/manifest.js';
import { configFrom, type CliIo } from './io.js';

/**
 * `paperbot slack-manifest [--socket|--http] [--url URL] [--name NAME] [--command /NAME]`: prints a
 * ready app manifest (JSON), or exits 2 when a flag would make Slack refuse it.
 */
export function registerSlackManifest(program: Command, io: CliIo): void {
  program
    .command('slack-manifest')
    .description('print a Slack app manifest (paste it at api.slack.com/apps → Create New App → From a manifest)')
    .addOption(new Option('--mode <mode>', 'socket (no public URL) or http').choices(['socket', 'http']).default('socket'))
    .option('--socket', 'same as --mode socket')
    .option('--http', 'same as --mode http')
    .option('--url <url>', 'HTTP mode: your public base URL, e.g. https://bot.example.com')
    .option('--name <name>', 'app name, at most 35 characters (the bot user gets it lowercase, without spaces)', 'paperbot')
    .option('--command <name>', 'slash command, e.g. /arxiv when the workspace already has a /papers', '/papers')
    .action((flags: { mode: 'socket' | 'http'; socket?: boolean; http?: boolean; url?: string; name: string; command: string }) => {
      const mode = flags.http || flags.url ? 'http' : flags.socket ? 'socket' : flags.mode;
      const urlProblem = flags.url === undefined ? undefined : requestUrlProblem(flags.url);
      if (urlProblem) throw new InputError(`--url: "${flags.url}" ${urlProblem}`);
      const nameProblem = appNameProblem(flags.name);
      if (nameProblem) throw new InputError(`--name: "${flags.name}" ${nameProblem}`);
      const command = slashCommandName(flags.command);
      if (command instanceof Error) throw new InputError(`--command: "${flags.command}" ${command.message}`);
      io.stdout.write(JSON.stringify(slackManifest({ mode, url: flags.url, name: flags.name.trim(), command }), null, 2) + '\n');
    });
}

/** `paperbot discord-register [--guild ID]`: registers `/papers` and `/papers-admin` in one guild (instant) or globally. */
export function registerDiscordRegister(program: Command, io: CliIo): void {
  program
    .command('discord-register')
    .description('register the /papers and /papers-admin commands with Discord (guild: instant; global: up to an hour)')
    .option('--guild <id>', 'register in this server only (default DISCORD_GUILD_ID; omit both for global)')
    .option('--global', 'register globally even when DISCORD_GUILD_ID is set')
    .action(async (flags: { guild?: string; global?: boolean }) => {
      const config = configFrom(io);
      const discord = config.discord;
      if (!discord) throw new ConfigError('DISCORD_TOKEN is not set: copy the bot token from the Developer Portal → Bot');
      if (flags.guild && !/^\d+$/.test(flags.guild)) throw new InputError(`--guild: "${flags.guild}" must be a numeric server id`);
      const guildId = flags.global ? undefined : (flags.guild ?? discord.guildId);
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
