import { BotError } from '../errors.js';

/**
 * The corpus database cannot be used: unreachable, corrupt, locked or unreadable. The message
 * names the file or host (never a password) and the fix; the CLI exits 2 on it and `/healthz`
 * reports it.
 */
export class CorpusError extends BotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('corpus', message, options);
  }
}
