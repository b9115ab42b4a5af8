// Records as native Redis structures: a hash per record and a sorted set per ordered set, under
// "paperbot:rec:" (apart from keyv's "paperbot::" keys). Multi-step changes run as one script.
import type { Records, ZAddOptions } from './records.js';

/** The part of the node-redis client the records call. */
export interface RedisScriptClient {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  sendCommand(args: string[]): Promise<unknown>;
}

/** Where records live in Redis. */
export const RECORD_PREFIX = 'paperbot:rec:';
const hashKey = (key: string) => `${RECORD_PREFIX}h:${key}`;
const zKey = (key: string) => `${RECORD_PREFIX}z:${key}`;
const claimKey = (key: string) => `${RECORD_PREFIX}c:${key}`;

/** ARGV: owner, 'renew' or 'release', ttl ms. Acts only while KEYS[1] holds the owner (expiry is native). */
const CLAIM_IF_OWNER = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == 'release' then return redis.call('DEL', KEYS[1]) end
return redis.call('PEXPIRE', KEYS[1], ARGV[3])`;

/** ARGV: mode, number of set pairs, field, value, …, then fields to unset. */
const HASH_PUT = `
local mode = ARGV[1]
if mode == 'if-exists' and redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if mode == 'replace' then redis.call('DEL', KEYS[1]) end
local n = tonumber(ARGV[2])
local set = {}
for i = 0, n - 1 do
  redis.call('HSET', KEYS[1], ARGV[3 + 2 * i], ARGV[4 + 2 * i])
  set[ARGV[3 + 2 * i]] = true
end
for i = 3 + 2 * n, #ARGV do
  if not set[ARGV[i]] then redis.call('HDEL', KEYS[1], ARGV[i]) end
end
return 1`;

/** ARGV: keepScore ('1'/'0'), cap ('' none), ttl ms ('' none), then score, member, … */
const Z_ADD = `
for i = 4, #ARGV, 2 do
  if ARGV[1] == '1' then redis.call('ZADD', KEYS[1], 'NX', ARGV[i], ARGV[i + 1])
  else redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
if ARGV[2] ~= '' then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[2]) + 1)) end
if ARGV[3] ~= '' then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return 1`;

const toRecord = (reply: unknown): Record<string, string> | undefined => {
  const flat = reply as string[];
  if (!Array.isArray(flat) || flat.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) out[flat[i]!] = flat[i + 1]!;
  return out;
};

/** Records over a connected node-redis client (which the caller owns). */
export function redisRecords(client: () => Promise<RedisScriptClient>): Records {
  const send = async (args: string[]) => (await client()).sendCommand(args);
  return {
    async hashGet(key) {
      return toRecord(await send(['HGETALL', hashKey(key)]));
    },
    async hashGetMany(keys) {
      return Promise.all(keys.map(async (key) => toRecord(await send(['HGETALL', hashKey(key)]))));
    },
    async hashPut(key, set, unset, mode) {
      const pairs = Object.entries(set).flat();
      const args = [mode, String(pairs.length / 2), ...pairs, ...unset];
      return Number(await (await client()).eval(HASH_PUT, { keys: [hashKey(key)], arguments: args })) === 1;
    },
    async zAdd(key, entries, options: ZAddOptions = {}) {
      const args = [
        options.keepScore ? '1' : '0',
        options.cap === undefined ? '' : String(options.cap),
        options.ttlMs === undefined ? '' : String(Math.ceil(options.ttlMs)),
        ...entries.flatMap((e) => [String(e.score), e.member]),
      ];
      await (await client()).eval(Z_ADD, { keys: [zKey(key)], arguments: args });
    },
    async zRemove(key, members) {
      if (members.length) await send(['ZREM', zKey(key), ...members]);
    },
    async zMembers(key) {
      return (await send(['ZRANGE', zKey(key), '0', '-1'])) as string[];
    },
    async delete(key) {
      await send(['DEL', hashKey(key), zKey(key)]);
    },
    // SET NX PX: one atomic command on the server.
    async claim(key, owner, ttlMs) {
      return (await send(['SET', claimKey(key), owner, 'NX', 'PX', String(Math.ceil(ttlMs))])) === 'OK';
    },
    async claimOwner(key) {
      return ((await send(['GET', claimKey(key)])) as string | null) ?? undefined;
    },
    async renewClaim(key, owner, ttlMs) {
      const args = [owner, 'renew', String(Math.ceil(ttlMs))];
      return Number(await (await client()).eval(CLAIM_IF_OWNER, { keys: [claimKey(key)], arguments: args })) === 1;
    },
    async releaseClaim(key, owner) {
      return Number(await (await client()).eval(CLAIM_IF_OWNER, { keys: [claimKey(key)], arguments: [owner, 'release', ''] })) === 1;
    },
    async clear() {
      let cursor = '0';
      do {
        const [next, found] = (await send(['SCAN', cursor, 'MATCH', `${RECORD_PREFIX}*`, 'COUNT', '500'])) as [string, string[]];
        if (found.length) await send(['DEL', ...found]);
        cursor = next;
      } while (cursor !== '0');
    },
    // Redis expires sorted sets natively (PEXPIRE).
    async sweepExpired() {
      return 0;
    },
  };
}
