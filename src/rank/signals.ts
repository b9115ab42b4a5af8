// Small, capped ranking signals that are not about topic: popularity and recency.
import type { Paper } from '../types.js';
import { paperTime } from '../search/paper-time.js';

/** Upvotes at which popularity saturates (HF Daily Papers: ~100 is a top paper of the day). */
const UPVOTES_FULL = 100;
/** GitHub stars at which their (smaller) share of popularity saturates. */
const STARS_FULL = 2000;
const DAY_MS = 86_400_000;
/** Days after which a paper counts as half as recent. */
const RECENCY_HALF_LIFE_DAYS = 7;

/** Popularity in [0, 1], log-scaled: HF upvotes, else half-weight GitHub stars. */
export function popularity(paper: Paper): number {
  const up = Math.max(0, paper.signals.upvotes ?? 0);
  const stars = Math.max(0, paper.signals.githubStars ?? 0);
  const u = Math.min(1, Math.log1p(up) / Math.log1p(UPVOTES_FULL));
  const s = 0.5 * Math.min(1, Math.log1p(stars) / Math.log1p(STARS_FULL));
  return Math.max(u, s);
}

/**
 * Recency in [0, 1]: 1 for a paper from `now` or later, halving every week before. 0 when undated.
 * `time` is the paper's paperTime when the caller has it already.
 */
export function recency(paper: Paper, now: number, time = paperTime(paper)): number {
  const t = time;
  if (t === 0) return 0;
  const days = Math.max(0, (now - t) / DAY_MS);
  return Math.pow(0.5, days / RECENCY_HALF_LIFE_DAYS);
}
