// One fetch per (source, query) for a while, shared by every channel that reads the source.
import type { Clock, PaperSource } from '../ports.js';
import type { SourceQuery, SourceResult } from '../types.js';

/** How long a successful fetch is reused: long enough for one scheduler tick's channels. */
export const SHARED_FETCH_TTL_MS = 10 * 60_000;
/**
 * For `file:` sources: a local file may be edited at any time, so it is reused only briefly
 * (one command's up-front check and its digest, or one tick's channels read it once).
 */
export const FILE_FETCH_TTL_MS = 30_000;

/**
 * Wraps `source` so that concurrent and repeated fetches of the same query within `ttlMs` share one
 * request: ten channels on `arxiv:cs.LG` at 09:00 cost arXiv one request, not ten (3 s apart each).
 * Failures and partial results are not kept, so the next caller tries again.
 */
export function shareFetches(source: PaperSource, clock: Clock, ttlMs = SHARED_FETCH_TTL_MS): PaperSource {
  const entries = new Map<string, { at: number; result: Promise<SourceResult> }>();
  return {
    name: source.name,
    fetch(query: SourceQuery): Promise<SourceResult> {
      const key = JSON.stringify([query.date ?? '', query.text ?? '', query.ids ?? [], query.maxResults ?? 0]);
      const now = clock.now().getTime();
      for (const [k, e] of entries) if (now - e.at > ttlMs) entries.delete(k);
      const hit = entries.get(key);
      // Each caller gets its own copy: one channel's run must not see another's edits.
      if (hit) return hit.result.then((r) => structuredClone(r));
      const result = source.fetch(query);
      entries.set(key, { at: now, result });
      result.then(
        (r) => {
          if (r.partial) entries.delete(key);
        },
        () => entries.delete(key),
      );
      return result;
    },
  };
}
