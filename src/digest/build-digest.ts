import type { Digest, DigestItem, DigestNote, RankedPaper } from '../types.js';
import { tldrFor } from './tldr.js';
import { redact } from '../redact.js';

/** Everything a digest is made from. `ranked` holds only papers new to the channel, best first. */
export interface BuildDigestInput {
  date: string;
  channelKey?: string;
  interests: string;
  ranked: RankedPaper[];
  /** Most papers to show. */
  size: number;
  /** Minimum score (0–1) to be shown. */
  threshold: number;
  /** Notes gathered while fetching and ranking (failed sources, degraded model, …). */
  notes: DigestNote[];
  /** Model-written TL;DRs by paper id; missing ones fall back to HF or the abstract. */
  summaries?: ReadonlyMap<string, string>;
  themes?: string;
  tokens?: Digest['tokens'];
  /** Why a day with nothing new is quiet (e.g. "arXiv does not announce on weekends"). */
  quietReason?: string;
}

/** A judge score (0–10) below this means "not for this channel", whatever the blend says. */
const MIN_JUDGE_SCORE = 3;
/**
 * Without a judge, lexical relevance below this is a stray word ("generation" alone for "video
 * generation"): such papers rank, but are not worth a channel's attention.
 */
const MIN_RELEVANCE = 0.25;

/**
 * True when a ranked paper may be shown at `threshold`: its score reaches the threshold, and it
 * actually matched the channel. Popularity and recency alone never put an unrelated paper in a
 * digest (a paper with no real match, or one the judge scored below 3/10, stays out).
 */
export function isShowable(r: RankedPaper, threshold: number): boolean {
  if (!(r.score >= threshold && r.score > 0)) return false;
  const judge = r.parts?.judge;
  if (typeof judge === 'number') return judge >= MIN_JUDGE_SCORE;
  return r.parts?.relevance === undefined || r.parts.relevance >= MIN_RELEVANCE;
}

/**
 * Papers an exclude filter hid that would have made the digest: their score without the filter
 * reaches the threshold and the lowest score shown (when the digest was full), at most `size`.
 */
function hiddenByFilter(ranked: RankedPaper[], threshold: number, size: number): DigestItem[] {
  const shown = ranked.filter((r) => isShowable(r, threshold)).slice(0, size);
  const bar = shown.length >= size && shown.length ? shown[shown.length - 1]!.score : 0;
  return ranked
    .filter((r) => r.parts?.excluded === 1 && typeof r.parts.unfilteredScore === 'number')
    .filter((r) => {
      const unfiltered = { ...r, score: r.parts!.unfilteredScore!, parts: { ...r.parts, relevance: r.parts!.unfilteredRelevance ?? 0 } };
      return isShowable(unfiltered, threshold) && unfiltered.score >= bar;
    })
    .sort((a, b) => b.parts!.unfilteredScore! - a.parts!.unfilteredScore!)
    .slice(0, size)
    .map((r) => ({ paper: r.paper, ...tldrFor(r.paper), why: r.why, score: r.parts!.unfilteredScore! }));
}

/**
 * Builds a digest: applies the threshold and the size cap and writes the header notes a reader
 * needs (quiet day, nothing relevant enough). Pure: same input, same digest.
 */
export function buildDigest(input: BuildDigestInput): Digest {
  const size = Math.max(0, Math.floor(input.size));
  const shown = input.ranked.filter((r) => isShowable(r, input.threshold)).slice(0, size);
  const items: DigestItem[] = shown.map((r) => ({
    paper: r.paper,
    ...tldrFor(r.paper, input.summaries?.get(r.paper.id)),
    why: r.why,
    score: r.score,
  }));
  // Notes carry error texts from sources and the model: the last exit before a channel.
  const notes = input.notes.map((n) => ({ ...n, text: redact(n.text) }));
  const sourceFailed = notes.some((n) => n.kind === 'source-failed');
  if (input.ranked.length === 0 && !notes.some((n) => n.kind === 'quiet-day')) {
    if (sourceFailed && !input.quietReason) {
      notes.push({ kind: 'quiet-day', text: 'No new papers to show: the sources above could not be read.' });
    } else {
      const reason = input.quietReason ?? 'the sources listed nothing new';
      notes.push({ kind: 'quiet-day', text: `Quiet day: no new papers since the last digest (${reason}).` });
    }
  } else if (input.ranked.length > 0 && items.length === 0) {
    notes.push({
      kind: 'info',
      text: `${input.ranked.length} new papers today, none close enough to this channel's interests (threshold ${input.threshold}).`,
    });
  }
  const hidden = hiddenByFilter(input.ranked, input.threshold, size);
  if (hidden.length) {
    const n = hidden.length;
    notes.push({
      kind: 'info',
      text: `${n} paper${n === 1 ? '' : 's'} that would have been shown ${n === 1 ? 'was' : 'were'} hidden by this channel's exclude filter (/papers today hidden shows ${n === 1 ? 'it' : 'them'}).`,
    });
  }
  const digest: Digest = {
    date: input.date,
    interests: input.interests,
    totalNew: input.ranked.length,
    items,
    notes,
  };
  if (hidden.length) digest.hidden = hidden;
  if (input.channelKey) digest.channelKey = input.channelKey;
  if (input.themes) digest.themes = input.themes;
  if (input.tokens) digest.tokens = input.tokens;
  return digest;
}
