// The `paperbot` command: parses argv with commander and runs one sub-command.
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { errorMessage } from './errors.js';
import { isUserError, processIo, type CliIo } from './cli/io.js';
import { registerDigest } from './cli/digest-command.js';
import { refuseEmptyValues } from './cli/empty-values.js';
import { registerRank } from './cli/rank-command.js';
import { registerIngest } from './cli/ingest-command.js';
import { registerSearch } from './cli/search-command.js';
import { registerPaper } from './cli/paper-command.js';
import { registerAsk } from './cli/ask-command.js';
import { registerChat } from './cli/chat-command.js';
import { registerServe } from './cli/serve-command.js';
import { registerDiscordRegister, registerSlackManifest } from './cli/setup-commands.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** Exit codes: 0 ok, 1 runtime failure, 2 bad input (flags, files, config). */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Builds the commander program for `io`. Exposed for tests and help output. */
export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('paperbot')
    .description('Ranked daily paper digests, /papers commands and grounded Q&A for research teams.')
    .version(version, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run `paperbot --help` for usage)')
    .hook('preAction', (_program, action) => refuseEmptyValues(action));
  registerDigest(program, io, setExit);
  registerRank(program, io);
  registerIngest(program, io);
  registerSearch(program, io);
  registerPaper(program, io, setExit);
  registerAsk(program, io);
  registerChat(program, io);
  registerServe(program, io, setExit);
  registerSlackManifest(program, io);
  registerDiscordRegister(program, io);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** Runs the CLI and resolves with the exit code. Never throws. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.ok;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are "errors" to commander; they exit 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isUserError(err)) {
      io.stderr.write(`paperbot: ${errorMessage(err)}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`paperbot: ${errorMessage(err)}\n`);
    return EXIT.failure;
  }
}
