// `paperbot slack-manifest`: Slack's one-time setup, registered on the CLI by the Slack descriptor.
import { Option, type Command } from 'commander';
import type { SetupIo } from '../../src/ports.js';
import { InputError } from '../../src/errors.js';
import { slackManifest } from './manifest.js';

/** `paperbot slack-manifest [--socket|--http] [--url URL]`: prints a ready app manifest (JSON). */
export function registerSlackManifest(program: Command, io: SetupIo): void {
  program
    .command('slack-manifest')
    .description('print a Slack app manifest (paste it at api.slack.com/apps → Create New App → From a manifest)')
    .addOption(new Option('--mode <mode>', 'socket (no public URL) or http').choices(['socket', 'http']).default('socket'))
    .option('--socket', 'same as --mode socket')
    .option('--http', 'same as --mode http')
    .option('--url <url>', 'HTTP mode: your public base URL, e.g. https://bot.example.com')
    .option('--name <name>', 'app display name', 'paperbot')
    .action((flags: { mode: 'socket' | 'http'; socket?: boolean; http?: boolean; url?: string; name: string }) => {
      const mode = flags.http || flags.url ? 'http' : flags.socket ? 'socket' : flags.mode;
      if (flags.url && !/^https?:\/\//.test(flags.url)) throw new InputError(`--url: "${flags.url}" must start with https://`);
      io.stdout.write(JSON.stringify(slackManifest({ mode, url: flags.url, name: flags.name }), null, 2) + '\n');
    });
}
