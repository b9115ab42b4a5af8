// The one-line "why it matched" shown under each paper in a digest.
import type { Paper } from '../types.js';

/** Reasons collected while ranking one paper. Every field is optional. */
export interface WhyParts {
  excluded?: string;
  matches?: string[];
  includes?: string[];
  followed?: string;
  /** The example paper (from `/papers like` or a 👍) a paper resembles. */
  likedExample?: string;
  /** The 👍 / 👎 paper a paper resembles. */
  likedId?: string;
  likedAuthor?: string;
  dislikedId?: string;
  upvotes?: number;
  noInterests?: boolean;
}

const MAX_MATCHES = 4;

/**
 * Formats reasons as a short line, most telling first: "matches: diffusion, video generation;
 * follows Yann LeCun; like 2401.01234 you 👍'd; ▲118". An excluded paper says only which phrase
 * excluded it.
 */
export function formatWhy(parts: WhyParts): string {
  if (parts.excluded) return `excluded: ${parts.excluded}`;
  const out: string[] = [];
  if (parts.matches?.length) out.push(`matches: ${dedupe(parts.matches).slice(0, MAX_MATCHES).join(', ')}`);
  if (parts.includes?.length) out.push(`includes: ${dedupe(parts.includes).slice(0, MAX_MATCHES).join(', ')}`);
  if (parts.followed) out.push(`follows ${parts.followed}`);
  if (parts.likedExample) out.push(`like ${parts.likedExample} you 👍'd`);
  if (parts.likedAuthor) out.push(`by ${parts.likedAuthor}, author of a 👍 paper`);
  else if (parts.likedId && parts.likedId !== parts.likedExample) out.push(`like ${parts.likedId} you 👍'd`);
  if (parts.dislikedId) out.push(`close to ${parts.dislikedId} you 👎'd`);
  if (out.length === 0) out.push(parts.noInterests ? 'no interests set' : 'no match to this channel’s interests');
  if (parts.upvotes && parts.upvotes > 0) out.push(`▲${parts.upvotes}`);
  return out.join('; ');
}

function dedupe(labels: string[]): string[] {
  const seen = new Set<string>();
  return labels.filter((l) => {
    const k = l.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The upvote count worth showing for a paper, if any. */
export function upvotesOf(paper: Paper): number | undefined {
  const up = paper.signals.upvotes;
  return up && up > 0 ? up : undefined;
}
