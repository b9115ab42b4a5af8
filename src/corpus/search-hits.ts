// What both corpora's search shares: the bounds of a result list and how its passes (all words,
// prefix, rare-word fill) merge into it.
import type { SearchHit } from '../ports.js';

/** Hits a search returns when the caller names no limit. */
export const DEFAULT_SEARCH_LIMIT = 10;
/** Most hits one search returns. */
export const MAX_SEARCH_LIMIT = 200;

/** Shortest last word also matched as a prefix (shorter ones expand to half the corpus). */
export const MIN_PREFIX = 3;

/** The caller's limit, kept within 1…MAX_SEARCH_LIMIT (DEFAULT_SEARCH_LIMIT when unset). */
export function searchLimit(limit: number | undefined): number {
  return Math.max(1, Math.min(limit ?? DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT));
}

/** A result list filled by successive passes: earlier passes rank first, no paper twice, at most `limit`. */
export class HitList {
  readonly hits: SearchHit[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly limit: number) {}

  /** True once the list holds `limit` hits. */
  get full(): boolean {
    return this.hits.length >= this.limit;
  }

  /** Appends the hits not already listed, in their order, until the list is full. */
  add(found: readonly SearchHit[]): void {
    for (const hit of found) {
      if (this.full) break;
      if (!this.seen.has(hit.id)) this.hits.push(hit);
      this.seen.add(hit.id);
    }
  }
}
