// Hand-written paper lists (JSON) → Papers. Lenient about field names, strict about having a title.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Paper } from '../types.js';
import { makePaper } from './build-paper.js';
import { arxivAbsUrl, arxivPdfUrl, parseArxivId } from './ids.js';
import { isoDay, normalizeAbstract, oneLine, slugify, splitAuthors, toIsoTimestamp } from './text.js';

const optString = z.string().nullish();
const optCount = z.number().nonnegative().nullish();
const stringList = z.union([z.array(z.string()), z.string()]).nullish();

const FilePaper = z.object({
  id: z.union([z.string(), z.number()]).nullish(),
  title: z.string().trim().min(1, { message: 'is required' }),
  abstract: optString,
  summary: optString,
  authors: z.union([z.array(z.union([z.string(), z.object({ name: z.string() })])), z.string()]).nullish(),
  categories: stringList,
  primaryCategory: optString,
  published: optString,
  publishedAt: optString,
  updated: optString,
  updatedAt: optString,
  listedOn: optString,
  url: optString,
  pdf: optString,
  code: optString,
  project: optString,
  upvotes: optCount,
  githubStars: optCount,
  comments: optCount,
  aiSummary: optString,
  ai_summary: optString,
  aiKeywords: z.array(z.string()).nullish(),
  ai_keywords: z.array(z.string()).nullish(),
  comment: optString,
  journalRef: optString,
  doi: optString,
});

type FilePaper = z.infer<typeof FilePaper>;

/** Papers read from a list, plus one line per entry that did not validate. */
export interface FileParsed {
  papers: Paper[];
  invalid: string[];
}

/**
 * True when `value` is an array of plain objects, none of them an HF `{paper}` wrapper, and at
 * least one with a string `title` (entries missing theirs are reported by parsePaperList).
 */
export function looksLikePaperList(value: unknown): value is unknown[] {
  if (!Array.isArray(value)) return false;
  const objects = value.filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null && !Array.isArray(p));
  return objects.length === value.length && !objects.some((p) => 'paper' in p) && objects.some((p) => typeof p.title === 'string');
}

/**
 * Maps `{id?, title, abstract|summary, authors?, categories?, published?/publishedAt?, url?, …}`
 * entries to Papers. The id is the canonical arXiv id when `id` or `url` is an arXiv id or URL;
 * otherwise `file:` + a slug of the given id, else of the title (stable across runs).
 */
export function parsePaperList(entries: unknown[], source: string): FileParsed {
  const parsed: FileParsed = { papers: [], invalid: [] };
  entries.forEach((entry, index) => {
    const result = FilePaper.safeParse(entry);
    if (result.success) parsed.papers.push(toPaper(result.data, source));
    else {
      const issue = result.error.issues[0];
      parsed.invalid.push(`entry ${index}: ${issue ? `${issue.path.join('.') || 'value'} ${issue.message}` : 'invalid'}`);
    }
  });
  return parsed;
}

function toPaper(f: FilePaper, source: string): Paper {
  const givenId = f.id === undefined || f.id === null ? undefined : String(f.id).trim();
  const arxiv = parseArxivId(givenId ?? '') ?? parseArxivId(f.url ?? '');
  const title = oneLine(f.title);
  const categories = typeof f.categories === 'string' ? f.categories.split(/[\s,]+/) : (f.categories ?? []);
  const cats = categories.map((c) => c.trim()).filter(Boolean);
  return makePaper({
    id: arxiv?.id ?? `file:${fileSlug(givenId || title)}`,
    version: arxiv?.version,
    title,
    abstract: normalizeAbstract(f.abstract ?? f.summary ?? ''),
    authors: toAuthors(f.authors),
    categories: cats,
    primaryCategory: f.primaryCategory ?? cats[0],
    publishedAt: toIsoTimestamp(f.publishedAt ?? f.published),
    updatedAt: toIsoTimestamp(f.updatedAt ?? f.updated),
    listedOn: isoDay(f.listedOn),
    links: {
      abs: arxiv ? arxivAbsUrl(arxiv.id) : (f.url ?? undefined),
      pdf: f.pdf ?? (arxiv ? arxivPdfUrl(arxiv.id) : undefined),
      code: f.code ?? undefined,
      project: f.project ?? undefined,
    },
    signals: {
      upvotes: f.upvotes ?? undefined,
      githubStars: f.githubStars ?? undefined,
      comments: f.comments ?? undefined,
    },
    aiSummary: f.aiSummary ?? f.ai_summary ?? undefined,
    aiKeywords: f.aiKeywords ?? f.ai_keywords ?? undefined,
    comment: f.comment ?? undefined,
    journalRef: f.journalRef ?? undefined,
    doi: f.doi ?? undefined,
    sources: [source],
  });
}

function toAuthors(value: FilePaper['authors']): string[] {
  if (!value) return [];
  if (typeof value === 'string') return splitAuthors(value);
  return value.map((a) => oneLine(typeof a === 'string' ? a : a.name)).filter(Boolean);
}

// A title made only of symbols slugifies to nothing but still needs a stable id.
function fileSlug(text: string): string {
  return slugify(text) || createHash('sha256').update(text).digest('hex').slice(0, 12);
}
