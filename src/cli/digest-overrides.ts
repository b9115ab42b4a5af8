import type { Subscription } from '../types.js';

/** Settings a `digest` command line may override (unset = keep the subscription's). */
export interface DigestOverrides {
  interests?: string;
  sources?: string[];
  size?: number;
  threshold?: number;
}

/** The subscription with the given command-line settings applied on top. */
export function withOverrides(sub: Subscription, o: DigestOverrides): Subscription {
  return {
    ...sub,
    ...(o.interests !== undefined ? { interests: o.interests } : {}),
    ...(o.sources ? { sources: o.sources } : {}),
    ...(o.size ? { size: o.size } : {}),
    ...(o.threshold !== undefined ? { threshold: o.threshold } : {}),
  };
}
