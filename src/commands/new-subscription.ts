import type { ChannelRef, Subscription } from '../types.js';
import type { BotDefaults } from './deps.js';

/**
 * A subscription with the configured defaults. `tz` (the user's zone, when the platform reports a
 * valid one) replaces the default zone; nothing else is inferred.
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
