// The Redis backend of the state store: keyv's adapter on a reconnecting client of our own, plus
// native records. Loaded only when PAPERBOT_STORE_URL is redis://.
import Keyv from 'keyv';
import KeyvRedis, { createClient } from '@keyv/redis';
import type { Logger } from '../ports.js';
import { errorMessage } from '../errors.js';
import { keyvOptions, type Backend } from './backends.js';
import { redisRecords, type RedisScriptClient } from './records-redis.js';

/** The part of the redis client paperbot calls directly. */
interface RedisPingClient {
  ping(): Promise<unknown>;
}

/** Longest wait between two reconnection attempts to Redis. */
const REDIS_MAX_BACKOFF_MS = 5000;

/**
 * A node-redis client that reconnects with backoff and refuses commands while disconnected (no
 * offline queue: a command that failed must never be applied later, when the user was already
 * told it failed). Faults go to `logger` once per outage.
 */
function redisClient(url: string, logger: Logger) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** Math.min(retries, 10), REDIS_MAX_BACKOFF_MS),
    },
  });
  let down = false;
  client.on('error', (err: unknown) => {
    if (down) return;
    down = true;
    logger.warn('redis connection lost; reconnecting with backoff', { err: errorMessage(err) });
  });
  client.on('ready', () => {
    if (down) logger.info('redis connection restored');
    down = false;
  });
  return client;
}

export function redisBackend(url: string, logger: Logger): Backend {
  const adapter = new KeyvRedis(redisClient(url, logger), { throwOnErrors: true, connectionTimeout: 10_000 });
  // The adapter prefixes keys itself ("paperbot::key"); keyv must not add a second prefix.
  const keyv = new Keyv(adapter, { ...keyvOptions, useKeyPrefix: false });
  const client = async () => (await adapter.getClient()) as unknown as RedisPingClient & RedisScriptClient;
  const records = redisRecords(client);
  return {
    kind: 'redis',
    keyv,
    records,
    atomicAcrossProcesses: true,
    // keyv passes PX on every set with a ttl.
    expiresNatively: true,
    async ready() {
      await (await client()).ping();
    },
    async probe() {
      await (await client()).ping();
    },
    async disconnect() {
      await adapter.disconnect();
    },
  };
}
