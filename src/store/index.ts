// The state layer's public surface.
import type { Logger } from '../ports.js';
import { silentLogger } from '../logger.js';
import { KeyvBotStore } from './bot-store.js';
import { KeyvStore } from './keyv-store.js';

export { KeyvStore } from './keyv-store.js';
export { KeyvBotStore } from './bot-store.js';
export { StoreError } from './store-error.js';
export { STORE_CALL_TIMEOUT_MS } from './keyv-store.js';
export type { Records, HashPutMode, Scored, ZAddOptions } from './records.js';
export { parseStoreUrl, DEFAULT_SQLITE_PATH, type StoreTarget } from './store-url.js';
export { mergePaper, canonicalPaper, catalogDate } from '../corpus/merge.js';
export * as storeKeys from '../store-keys.js';

/**
 * Opens the BotStore at `url` (sqlite://<path> — the default ./data/paperbot.sqlite —, memory://,
 * redis://, rediss://, postgres://, postgresql://). Rejects with StoreError when the backend is
 * unreachable and with InputError for an unknown scheme.
 */
export async function createBotStore(url: string, logger: Logger = silentLogger): Promise<KeyvBotStore> {
  const kv = await KeyvStore.open(url, logger);
  return new KeyvBotStore(kv);
}

/** A fresh, empty BotStore in this process's memory (tests, one-off CLI runs). */
export function createMemoryBotStore(logger: Logger = silentLogger): KeyvBotStore {
  return new KeyvBotStore(KeyvStore.memory(logger));
}
