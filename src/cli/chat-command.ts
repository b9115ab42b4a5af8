import type { Command } from 'commander';
import { configFrom, withApp, type CliIo } from './io.js';

/** `paperbot chat`: the console chat over the same BotCore as Slack and Discord. */
export function registerChat(program: Command, io: CliIo): void {
  program
    .command('chat')
    .description('chat with paperbot in the terminal (same /papers commands as in Slack and Discord)')
    .action(async () => {
      await withApp(io, configFrom(io), async (app) => {
        const { runConsoleChat } = await import('../main.js');
        await runConsoleChat(app, io);
      });
    });
}
