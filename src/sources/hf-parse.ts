// Hugging Face Daily Papers JSON (current 2025–26 shape and the 2024 legacy shape) → Papers.
// Everything paper-related lives under `paper`; the wrapper adds thumbnail and numComments.
import { z } from 'zod';
import type { Paper } from '../types.js';
import { makePaper } from './build-paper.js';
import { arxivAbsUrl, arxivPdfUrl, parseArxivId } from './ids.js';
import { isoDay, normalizeAbstract, oneLine, toIsoTimestamp } from './text.js';

const optString = z.string().nullish();
const optCount = z.number().int().nonnegative().nullish();

const HfPaper = z.object({
  id: z.string().min(1),
  title: z.string(),
  summary: optString,
  authors: z.array(z.object({ name: z.string(), hidden: z.boolean().nullish() })).nullish(),
  publishedAt: optString,
  submittedOnDailyAt: optString,
  upvotes: optCount,
  ai_summary: optString,
  ai_keywords: z.array(z.string()).nullish(),
  githubRepo: optString,
  githubStars: optCount,
  projectPage: optString,
});

const HfWrapper = z.object({
  paper: HfPaper,
  title: optString,
  summary: optString,
  publishedAt: optString,
  thumbnail: optString,
  numComments: optCount,
});

type HfWrapper = z.infer<typeof HfWrapper>;

/** Papers from a Daily Papers response, plus the entries that did not validate. */
export interface HfParsed {
  papers: Paper[];
  /** One line per invalid entry: its index and the first problem zod found. */
  invalid: string[];
}

/** True when `value` looks like a Daily Papers response: an array of `{paper: {...}}` wrappers. */
export function looksLikeHfDaily(value: unknown): value is unknown[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((w) => typeof w === 'object' && w !== null && typeof (w as { paper?: unknown }).paper === 'object')
  );
}

/**
 * Maps a parsed Daily Papers array to Papers. `listedOn` comes from `paper.submittedOnDailyAt`;
 * the 2024 shape lacks it, so `requestedDate`, then the wrapper's `publishedAt` day, stand in.
 * Hidden authors are kept (they are still authors). Invalid entries are reported, not thrown.
 */
export function parseHfDaily(entries: unknown[], source: string, requestedDate?: string): HfParsed {
  const parsed: HfParsed = { papers: [], invalid: [] };
  entries.forEach((entry, index) => {
    const result = HfWrapper.safeParse(entry);
    if (result.success) parsed.papers.push(toPaper(result.data, source, requestedDate));
    else {
      const issue = result.error.issues[0];
      parsed.invalid.push(`entry ${index}: ${issue ? `${issue.path.join('.') || 'value'} ${issue.message}` : 'invalid'}`);
    }
  });
  return parsed;
}

function toPaper(w: HfWrapper, source: string, requestedDate: string | undefined): Paper {
  const p = w.paper;
  const arxiv = parseArxivId(p.id);
  const id = arxiv?.id ?? `hf:${p.id}`;
  return makePaper({
    id,
    title: oneLine(p.title || w.title || ''),
    abstract: normalizeAbstract(p.summary ?? w.summary ?? ''),
    authors: (p.authors ?? []).map((a) => oneLine(a.name)).filter(Boolean),
    categories: [],
    publishedAt: toIsoTimestamp(p.publishedAt),
    listedOn: isoDay(p.submittedOnDailyAt) ?? requestedDate ?? isoDay(w.publishedAt),
    links: {
      abs: arxiv ? arxivAbsUrl(arxiv.id) : undefined,
      pdf: arxiv ? arxivPdfUrl(arxiv.id) : undefined,
      code: p.githubRepo ?? undefined,
      project: p.projectPage ?? undefined,
      thumbnail: w.thumbnail ?? undefined,
    },
    signals: {
      upvotes: p.upvotes ?? undefined,
      githubStars: p.githubStars ?? undefined,
      comments: w.numComments ?? undefined,
    },
    aiSummary: p.ai_summary ? oneLine(p.ai_summary) : undefined,
    aiKeywords: p.ai_keywords?.map(oneLine).filter(Boolean),
    sources: [source],
  });
}
