// `paperbot slack-manifest`: Slack's one-time setup, registered on the CLI by the Slack descriptor.
import { Option, type Command } from 'commander';
import type { SetupIo } from '../../src/ports.js';
import { InputError } from '../../src/errors.js';
import { appNameProblem, requestUrlProblem, slackManifest, slashCommandName } from './manifest.js';

/**
 * `paperbot slack-manifest [--socket|--http] [--url URL] [--name NAME] [--command /NAME]`: prints a
 * ready app manifest (JSON), or exits 2 when a flag would make Slack refuse it.
 */
export function registerSlackManifest(program: Command, io: SetupIo): void {
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
