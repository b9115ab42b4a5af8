// The one limiter for expensive work (`today`, `ask`, `weekly`, unknown-id `paper` lookups, thread
// questions): a per-user rate limit and bounded concurrency with a short queue, so one user or a
// burst cannot take the process's memory or starve everyone else. A refusal is a clear reply.
import type { ExpensiveWork, Refusal } from '../ports.js';
import type { Outbound } from '../types.js';

/** The key a user's expensive work is counted under: one budget per person per platform, across channels. */
export function userLimitKey(platform: string, userId: string): string {
  return `${platform}:${userId}`;
}

/** How much expensive work is allowed. */
export interface LimitOptions {
  /** Expensive requests one user may start per window. */
  perUser: number;
  /** Length of the per-user window, in ms. */
  windowMs: number;
  /** Expensive tasks running at once across all users. */
  concurrency: number;
  /** Tasks waiting for a slot; past this, new ones are refused as "busy". */
  maxQueue: number;
}

/** Defaults: 10 per user per minute, 2 at once, 8 waiting. */
export const DEFAULT_LIMITS: LimitOptions = { perUser: 10, windowMs: 60_000, concurrency: 2, maxQueue: 8 };

/** True when `value` is a refusal from ExpensiveWork.run. */
export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'refused' in value;
}

/** The ephemeral reply for a refusal. */
export function refusalText(r: Refusal): Outbound {
  const text =
    r.refused === 'rate'
      ? `You are asking faster than I can keep up: please wait ${Math.max(1, Math.ceil(r.retryAfterMs / 1000))} s and try again.`
      : 'I am busy with other requests right now; please try again in a minute.';
  return { kind: 'text', text, ephemeral: true };
}

/** Creates the limiter. `now` is injectable for tests. */
export function createExpensiveWork(options: Partial<LimitOptions> = {}, now: () => number = Date.now): ExpensiveWork {
  const o = { ...DEFAULT_LIMITS, ...options };
  // A counting semaphore with a bounded wait list. (Bottleneck's OVERFLOW strategy only applies its
  // high-water mark after jobs leave its RECEIVED state, so a synchronous burst slips past it.)
  let running = 0;
  const waiting: Array<() => void> = [];
  const acquire = (): Promise<void> | undefined => {
    if (running < o.concurrency) {
      running++;
      return Promise.resolve();
    }
    if (waiting.length >= o.maxQueue) return undefined;
    return new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  const starts = new Map<string, number[]>();

  /** Records a start for `userKey`, or returns how long until one is allowed. */
  const admit = (userKey: string): number => {
    const t = now();
    const recent = (starts.get(userKey) ?? []).filter((at) => t - at < o.windowMs);
    if (recent.length >= o.perUser) {
      starts.set(userKey, recent);
      return recent[0]! + o.windowMs - t;
    }
    recent.push(t);
    starts.set(userKey, recent);
    if (starts.size > 10_000) for (const [k, v] of starts) if (v.every((at) => t - at >= o.windowMs)) starts.delete(k);
    return 0;
  };

  return {
    async run<T>(userKey: string, task: () => Promise<T>, options: { pooled?: boolean } = {}): Promise<T | Refusal> {
      const wait = admit(userKey);
      if (wait > 0) return { refused: 'rate', retryAfterMs: wait };
      if (options.pooled === false) return task();
      const slot = acquire();
      if (!slot) return { refused: 'busy' };
      await slot;
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
