import type { Paper } from '../types.js';

/**
 * The time that says how new a paper is, in ms since the epoch: arXiv v1 (`publishedAt`), else the
 * day it was listed, else its latest version; 0 when the paper carries no usable date.
 */
export function paperTime(paper: Paper): number {
  for (const s of [paper.publishedAt, paper.listedOn, paper.updatedAt]) {
    if (!s) continue;
    const t = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
    if (!Number.isNaN(t)) return t;
  }
  return 0;
}
