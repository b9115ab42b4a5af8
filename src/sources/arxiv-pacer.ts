// arXiv's terms allow one connection at a time and a pause between requests, counted across the
// whole process: every arXiv fetcher (RSS and API) shares one serial queue per configured gap.
import Bottleneck from 'bottleneck';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** Runs jobs one at a time with a minimum pause between them. */
export interface Pacer {
  /** Runs `job` when it is its turn; resolves or rejects with the job's own outcome. */
  schedule<T>(job: () => Promise<T>): Promise<T>;
}

/**
 * A fresh pacer: at most one job runs at a time, and each job starts at least `gapMs` after the
 * previous one *finished* (so a slow response never shortens the pause the server sees).
 */
export function createPacer(gapMs: number): Pacer {
  const limiter = new Bottleneck({ maxConcurrent: 1, minTime: gapMs });
  let lastEnd = Number.NEGATIVE_INFINITY;
  return {
    schedule<T>(job: () => Promise<T>): Promise<T> {
      return limiter.schedule(async () => {
        // Timers may fire a hair early against the monotonic clock; re-check until the gap is met.
        for (let wait = lastEnd + gapMs - performance.now(); wait > 0; wait = lastEnd + gapMs - performance.now()) {
          await sleep(Math.ceil(wait));
        }
        try {
          return await job();
        } finally {
          lastEnd = performance.now();
        }
      });
    },
  };
}

const shared = new Map<number, Pacer>();

/** The process-wide arXiv pacer for this gap (one per distinct configured delay). */
export function sharedArxivPacer(gapMs: number): Pacer {
  let pacer = shared.get(gapMs);
  if (!pacer) {
    pacer = createPacer(gapMs);
    shared.set(gapMs, pacer);
  }
  return pacer;
}

/** Forgets the shared pacers so the next caller starts fresh (tests). */
export function resetSharedArxivPacers(): void {
  shared.clear();
}
