// The CLI's view of the outside world, injectable so tests can run commands in-process.
import { ConfigError, InputError } from '../errors.js';
import { CorpusError } from '../corpus/corpus-error.js';
import type { Config } from '../types.js';
import type { App } from '../main.js';
import { isIsoDate } from '../dates.js';

/** Streams and environment a command runs against. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

/** The real process streams and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** Reads configuration from the io's environment (loading the config module on first use); errors keep their variable names. */
export async function configFrom(io: CliIo): Promise<Readonly<Config>> {
  // Loaded on use: its schema library is the largest module a command would otherwise load at start-up.
  const { readConfig } = await import('../config.js');
  return readConfig(io.env);
}

/**
 * Builds the app for one CLI command and always closes it. Logs are JSON on stderr at `error` (the output already carries every note)
 * unless PAPERBOT_LOG_LEVEL says otherwise, so the terminal shows output, not log noise.
 */
export async function withApp<T>(
  io: CliIo,
  config: Readonly<Config>,
  run: (app: App) => Promise<T>,
  options: { defaultLogLevel?: string } = {},
): Promise<T> {
  // Loaded here, not at start-up, so `--help` and argument errors never load the app's modules.
  const [{ createApp }, { createLogger }, { redactingDestination }, { secretValues }] = await Promise.all([
    import('../main.js'),
    import('../logger.js'),
    import('../redact.js'),
    import('../secret-values.js'),
  ]);
  const level = io.env.PAPERBOT_LOG_LEVEL ? config.logLevel : (options.defaultLogLevel ?? 'error');
  const logger = createLogger(level, redactingDestination(secretValues(config), io.stderr));
  const progress = io.stderr.isTTY ? (m: string) => io.stderr.write(`· ${m}\n`) : undefined;
  const app = await createApp(config, { logger, onProgress: progress });
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}

/** Validates a --date flag value. */
export function parseDateFlag(value: string): string {
  if (!isIsoDate(value)) throw new InputError(`--date: "${value}" is not a valid date; use YYYY-MM-DD, e.g. 2026-06-12`);
  return value;
}

/** Validates an integer flag within bounds. */
export function parseIntFlag(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < min || n > max) {
    throw new InputError(`${name}: "${value}" must be a whole number from ${min} to ${max}`);
  }
  return n;
}

/** Plain decimal numbers only: "0.3", ".5", "1"; not "0x0", "1e-1", "Infinity" or "". */
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

/** Validates a number flag (plain decimal) within bounds. */
export function parseNumberFlag(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!DECIMAL.test(value.trim()) || !Number.isFinite(n) || n < min || n > max) {
    throw new InputError(`${name}: "${value}" must be a number from ${min} to ${max}`);
  }
  return n;
}

/**
 * True for errors whose message is for the user as-is (no stack), exit 2: bad input, bad
 * configuration, or a corpus database that cannot be used (the message names it and the fix).
 */
export function isUserError(err: unknown): boolean {
  return err instanceof InputError || err instanceof ConfigError || err instanceof CorpusError;
}
