import type { Subscription } from '../types.js';
import type { BotDefaults } from '../types.js';
import { formatDays } from './parse-schedule.js';

function listOrNone(items: readonly string[]): string {
  return items.length ? items.join(', ') : 'none';
}

/** The channel's settings as short lines of neutral markup (used by `settings`, `subscribe` and changes). */
export function describeSubscription(sub: Subscription, defaults: BotDefaults): string {
  const s = sub.schedule;
  const state = sub.paused ? ` — **paused**${sub.pausedReason ? ` (${sub.pausedReason})` : ''}` : '';
  const sources = sub.sources.length ? sub.sources.join(', ') : `${defaults.sources.join(', ')} (default)`;
  return [
    `**Interests:** ${sub.interests}`,
    `**Schedule:** ${s.time} ${s.tz}, ${formatDays(s.days)}${state}`,
    `**Sources:** ${sources}`,
    `**Size:** up to ${sub.size} paper${sub.size === 1 ? '' : 's'} · **Threshold:** ${sub.threshold}`,
    // No chat command sets `include` (only `paperbot rank --include`), so it shows only when a stored subscription has one.
    `**Exclude:** ${listOrNone(sub.exclude)}${sub.include.length ? ` · **Include:** ${sub.include.join(', ')}` : ''}`,
    `**Follow:** ${listOrNone(sub.follow)} · **Quiet:** ${sub.quietDayNote === false ? 'on (nothing posted on days with nothing new)' : 'off (a one-line note on days with nothing new)'}`,
  ].join('\n');
}
