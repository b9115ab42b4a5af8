// `paperbot serve`: the long-running bot (chat adapters, scheduler, health endpoint).
import type { Command } from 'commander';
import type { CliIo } from './io.js';
import { configFrom } from './io.js';

/** `paperbot serve`: runs until SIGTERM/SIGINT, then shuts down gracefully and exits 0. */
export function registerServe(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('run the bot: Slack and/or Discord, scheduled digests, GET /healthz')
    .action(async () => {
      const { startServe } = await import('../serve.js');
      const server = await startServe(await configFrom(io), { stderr: io.stderr });
      setExit(await server.finished);
    });
}
