import type { Command } from 'commander';
import { configFrom, withApp, type CliIo } from './io.js';

/** `paperbot chat [--digest]`: the console chat over the same BotCore as Slack and Discord, a platform of its own. */
export function registerChat(program: Command, io: CliIo): void {
  program
    .command('chat')
    .description('chat with paperbot in the terminal (same /papers commands as in Slack and Discord; `digest` posts one here)')
    .option('--digest', "post today's digest here at start (then `#1 question`, `#1 +1` work on it)")
    .action(async (flags: { digest?: boolean }) => {
      await withApp(io, configFrom(io), async (app) => {
        const { runConsoleChatPlatform } = await import('./console-chat.js');
        await runConsoleChatPlatform(app, io, { digestNow: flags.digest });
      });
    });
}
