// Slack retries events it thinks were missed and sends both `message` and `app_mention` for one
// message; a "first time?" check per key stops double answers.

/** Resolves true the first time a key is seen (within its memory), false for repeats. */
export type FirstTimeCheck = (key: string) => Promise<boolean>;

/**
 * An in-memory FirstTimeCheck that forgets keys after `ttlMs` (default 15 min: Slack retries
 * within ~5 min). Enough for one process; pass a store-backed check when several instances run.
 */
export function memoryDedup(ttlMs = 15 * 60_000, now: () => number = Date.now): FirstTimeCheck {
  const seen = new Map<string, number>();
  return async (key) => {
    const t = now();
    // Map keeps insertion order and every entry has the same TTL, so expired keys are at the front.
    for (const [k, expires] of seen) {
      if (expires > t) break;
      seen.delete(k);
    }
    if (seen.has(key)) return false;
    seen.set(key, t + ttlMs);
    return true;
  };
}
