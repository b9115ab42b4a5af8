// `digest --date <past day>`: which sources can still answer for that day.
import type { DigestNote } from '../types.js';

/** How a digest for `date` fetches, given that arXiv's RSS feed only ever lists its current day. */
export interface PastDayPlan {
  /** Sources to fetch (all of them for today or a later day). */
  fetch: string[];
  /** True when nothing is left to fetch: the digest uses stored papers only. */
  offline: boolean;
  /** Stored papers listed after this day are left out; unset for today. */
  until?: string;
  /** What the digest says about the arXiv sources it did not fetch. */
  note?: DigestNote;
}

/**
 * For a day before `today`, leaves out `arxiv:` sources (their feed would return today's listing
 * under the past date) and says that the day's arXiv papers come from those stored in the corpus.
 */
export function pastDayPlan(sources: string[], date: string, today: string): PastDayPlan {
  if (date >= today) return { fetch: sources, offline: false };
  const arxiv = sources.filter((s) => s.toLowerCase().startsWith('arxiv:'));
  const fetch = sources.filter((s) => !arxiv.includes(s));
  if (arxiv.length === 0) return { fetch, offline: false, until: date };
  return {
    fetch,
    offline: fetch.length === 0,
    until: date,
    note: {
      kind: 'info',
      text: `arXiv's RSS feed only lists today's announcements, so ${arxiv.join(', ')} for ${date} uses the papers stored in the corpus for that day (by earlier digests or \`paperbot ingest\`).`,
    },
  };
}
