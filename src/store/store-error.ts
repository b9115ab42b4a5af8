import { BotError } from '../errors.js';

/** A storage operation failed (backend unreachable, bad URL, unstorable value). */
export class StoreError extends BotError {
  constructor(
    readonly op: string,
    readonly key: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('store', key ? `store ${op} ${key}: ${message}` : `store ${op}: ${message}`, options);
  }
}
