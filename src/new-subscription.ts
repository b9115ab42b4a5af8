// The one subscription factory: `/papers subscribe`, `/papers today` in a fresh channel, the CLI's
// terminal and `--post` digests and the console chat all start a channel from the same defaults.
import type { Config } from './types.js';
import type { BotDefaults } from './types.js';
import type { ChannelRef, Subscription, Weekday } from './types.js';

/** Weekdays Monday–Friday, the default digest days. */
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5];

/** The defaults a new subscription starts from, as configured (PAPERBOT_INTERESTS, _DIGEST_SIZE, …). */
export function subscriptionDefaults(config: Readonly<Config>): BotDefaults {
  return {
    interests: config.interests,
    sources: config.sources,
    size: config.digestSize,
    threshold: config.threshold,
    time: config.digestTime,
    tz: config.tz,
    days: [...WEEKDAYS],
  };
}

/**
 * A subscription with the configured defaults, created at `now`. `tz` (the user's zone, when the
 * platform reports a valid one) replaces the default zone; nothing else is inferred.
 */
export function newSubscription(
  channel: ChannelRef,
  defaults: BotDefaults,
  options: { interests?: string; tz?: string; subscribedBy?: string; now: Date },
): Subscription {
  return {
    channel,
    interests: options.interests?.trim() || defaults.interests,
    include: [],
    exclude: [],
    follow: [],
    sources: [],
    size: defaults.size,
    threshold: defaults.threshold,
    schedule: { time: defaults.time, tz: options.tz ?? defaults.tz, days: [...defaults.days] },
    paused: false,
    quietDayNote: true,
    subscribedBy: options.subscribedBy,
    createdAt: options.now.toISOString(),
  };
}
