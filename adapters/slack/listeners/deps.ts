// What every listener needs from the adapter.
import type { BotCore, Logger } from '../../../src/ports.js';
import type { MessageRef, Outbound, ThreadRef } from '../../../src/types.js';
import type { FirstTimeCheck } from '../dedup.js';
import type { UserLookup } from '../users.js';

/** Shared dependencies of the Slack listeners. */
export interface ListenerDeps {
  core: BotCore;
  logger: Logger;
  /** True the first time a key (event id, message) is seen. */
  firstTime: FirstTimeCheck;
  lookupUser: UserLookup;
  /** Replies in a thread through the adapter's paced sender. */
  reply: (thread: ThreadRef, out: Outbound) => Promise<MessageRef>;
  /** Edits a message the bot sent (a placeholder) through the paced sender. */
  edit: (message: MessageRef, out: Outbound) => Promise<void>;
  /** Reaction shown on a question while the core works; false for none. */
  workingReaction: string | false;
  /** Registers in-flight work so stop() can let it finish. */
  track: <T>(work: Promise<T>) => Promise<T>;
}

/** `firstTime` that fails open: a broken dedup store must not silence the bot. */
export async function firstTimeSafe(deps: ListenerDeps, key: string): Promise<boolean> {
  try {
    return await deps.firstTime(key);
  } catch (err) {
    deps.logger.warn('event de-duplication failed; handling the event', { key, error: String(err) });
    return true;
  }
}
