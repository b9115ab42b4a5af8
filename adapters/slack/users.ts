// Who is asking: admin flag and time zone from users.info, cached, because slash-command
// payloads carry neither.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/ports.js';
import { errorMessage } from '../../src/errors.js';

/** What the adapter learns about a user. */
export interface SlackUserInfo {
  isAdmin: boolean;
  tz?: string;
  name?: string;
}

/** Looks a user up (never throws: failures give a non-admin without a zone). */
export type UserLookup = (userId: string) => Promise<SlackUserInfo>;

/**
 * A cached users.info lookup. Admin means workspace admin or owner, unless `isAdmin` decides.
 * Entries live `ttlMs` (default 10 min); failures are logged and not cached.
 */
export function usersInfoLookup(
  client: webApi.WebClient,
  logger: Logger,
  isAdmin?: (userId: string) => Promise<boolean>,
  ttlMs = 10 * 60_000,
): UserLookup {
  const cache = new Map<string, { info: Promise<SlackUserInfo>; expires: number }>();
  const fetchInfo = async (userId: string): Promise<SlackUserInfo & { failed?: boolean }> => {
    let info: SlackUserInfo & { failed?: boolean } = { isAdmin: false };
    try {
      const res = await client.users.info({ user: userId });
      const u = res.user;
      info = {
        isAdmin: Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner),
        tz: u?.tz || undefined,
        name: u?.profile?.display_name || u?.real_name || u?.name || undefined,
      };
    } catch (err) {
      logger.warn('users.info failed; treating the user as a non-admin', { userId, error: errorMessage(err) });
      info.failed = true;
    }
    if (isAdmin) {
      try {
        info.isAdmin = await isAdmin(userId);
      } catch (err) {
        logger.warn('isAdmin check failed; treating the user as a non-admin', { userId, error: errorMessage(err) });
        info.isAdmin = false;
      }
    }
    return info;
  };
  return async (userId) => {
    const hit = cache.get(userId);
    if (hit && hit.expires > Date.now()) return hit.info;
    const info = fetchInfo(userId);
    cache.set(userId, { info, expires: Date.now() + ttlMs });
    const result = await info;
    if (result.failed) cache.delete(userId);
    const { failed: _failed, ...clean } = result;
    return clean;
  };
}
