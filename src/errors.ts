// A small typed error hierarchy: each error has a stable `code` that callers and logs can match.
import { redact } from './redact.js';

/** Base of every error paperbot raises on purpose. */
export class BotError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The environment or a flag is wrong; the message names the variable and the fix. */
export class ConfigError extends BotError {
  constructor(message: string) {
    super('config', message);
  }
}

/** A paper source failed (network, HTTP status, unparseable body). */
export class SourceError extends BotError {
  constructor(
    readonly source: string,
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super('source', `${source}: ${message}`, options);
    this.status = options?.status;
  }
  readonly status: number | undefined;
}

/** A model answered with something that does not fit the schema, or refused. */
export class LlmOutputError extends BotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('llm_output', message, options);
  }
}

/** The model call failed (timeout, 429 after retries, 5xx) or the budget is spent. */
export class LlmUnavailableError extends BotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('llm_unavailable', message, options);
  }
}

/** The chat platform says the channel is gone or closed to the bot: pause, don't retry. */
export class ChannelUnavailableError extends BotError {
  constructor(
    readonly channelKey: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super('channel_unavailable', `channel ${channelKey} unavailable: ${reason}`, options);
  }
}

/** Bad user input (a command's arguments, a CLI flag, an input file). */
export class InputError extends BotError {
  constructor(message: string) {
    super('input', message);
  }
}

/**
 * Human-readable message of anything thrown, with secrets redacted (it may be logged, posted as
 * a digest note or printed), so no caller can forget to scrub an echoed key or URL credential.
 */
export function errorMessage(err: unknown): string {
  return redact(err instanceof Error ? err.message : String(err));
}
