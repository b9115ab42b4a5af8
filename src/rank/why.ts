// The one-line "why it matched" shown under each paper in a digest.
import type { Paper } from '../types.js';

/** Reasons collected while ranking one paper. Every field is optional. */
export interface WhyParts {
  excluded?: string;
  matches?: string[];
  includes?: string[];
  followed?: string;
  likedTitle?: string;
  likedAuthor?: string;
  dislikedTitle?: string;
  upvotes?: number;
  noInterests?: boolean;
}

const MAX_MATCHES = 4;
const TITLE_CHARS = 48;

function shortTitle(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  return t.length > TITLE_CHARS ? `${t.slice(0, TITLE_CHARS - 1).trimEnd()}…` : t;
}

/**
 * Formats reasons as a short line, most telling first: "matches: diffusion, video generation;
 * follows Yann LeCun; like 👍 “Title…”; ▲118". An excluded paper says only which word excluded it.
 */
export function formatWhy(parts: WhyParts): string {
  if (parts.excluded) return `excluded: ${parts.excluded}`;
  const out: string[] = [];
  if (parts.matches?.length) out.push(`matches: ${dedupe(parts.matches).slice(0, MAX_MATCHES).join(', ')}`);
  if (parts.includes?.length) out.push(`includes: ${dedupe(parts.includes).slice(0, MAX_MATCHES).join(', ')}`);
  if (parts.followed) out.push(`follows ${parts.followed}`);
  if (parts.likedAuthor) out.push(`by ${parts.likedAuthor}, author of a 👍 paper`);
  else if (parts.likedTitle) out.push(`like 👍 “${shortTitle(parts.likedTitle)}”`);
  if (parts.dislikedTitle) out.push(`close to 👎 “${shortTitle(parts.dislikedTitle)}”`);
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
