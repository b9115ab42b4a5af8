// One paper per canonical id, whichever sources and versions listed it.
import type { Paper, PaperSignals } from '../types.js';
import { makePaper } from './build-paper.js';

/**
 * Merges papers with the same id (HF + arXiv, v1 + v2, two category feeds) into one, keeping
 * first-seen order. The text (title, abstract, authors, version, updatedAt) comes from the latest
 * version: the higher `version` (a version-less HF entry counts as older than any arXiv version),
 * else the later `updatedAt`, else the first seen. Sources and categories are unioned (the
 * winner's first); each signal is the maximum; an announce type of `new` beats `cross`;
 * the earliest `publishedAt` and `listedOn` are kept; HF's TL;DR and keywords, links and other
 * optional fields are filled from whichever paper has them. Inputs are not modified.
 */
export function mergePapers(papers: Paper[]): Paper[] {
  const byId = new Map<string, Paper>();
  for (const paper of papers) {
    const seen = byId.get(paper.id);
    byId.set(paper.id, seen ? mergeTwo(seen, paper) : paper);
  }
  return [...byId.values()];
}

function mergeTwo(a: Paper, b: Paper): Paper {
  const [win, lose] = isNewer(b, a) ? [b, a] : [a, b];
  return makePaper({
    ...lose,
    ...win,
    title: win.title || lose.title,
    abstract: win.abstract || lose.abstract,
    authors: win.authors.length ? win.authors : lose.authors,
    categories: [...win.categories, ...lose.categories],
    primaryCategory: win.primaryCategory ?? lose.primaryCategory,
    publishedAt: earliest(win.publishedAt, lose.publishedAt),
    // Another version's date would misdate the text held here.
    updatedAt: win.updatedAt ?? (win.version === lose.version ? lose.updatedAt : undefined),
    listedOn: earliest(win.listedOn, lose.listedOn),
    links: { ...lose.links, ...win.links },
    signals: maxSignals(win.signals, lose.signals),
    aiSummary: win.aiSummary ?? lose.aiSummary,
    aiKeywords: win.aiKeywords ?? lose.aiKeywords,
    comment: win.comment ?? lose.comment,
    journalRef: win.journalRef ?? lose.journalRef,
    doi: win.doi ?? lose.doi,
    announceType: a.announceType === 'new' || b.announceType === 'new' ? 'new' : (win.announceType ?? lose.announceType),
    sources: [...a.sources, ...b.sources],
  });
}

/** Whether `a` holds a later version of the text than `b`. Ties keep `b` (the first seen). */
function isNewer(a: Paper, b: Paper): boolean {
  const va = a.version ?? 0;
  const vb = b.version ?? 0;
  if (va !== vb) return va > vb;
  if (a.updatedAt && b.updatedAt && a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt;
  return false;
}

function earliest(x: string | undefined, y: string | undefined): string | undefined {
  if (!x) return y;
  if (!y) return x;
  return y < x ? y : x;
}

function maxSignals(x: PaperSignals, y: PaperSignals): PaperSignals {
  const out: PaperSignals = {};
  for (const key of ['upvotes', 'githubStars', 'comments'] as const) {
    const values = [x[key], y[key]].filter((v): v is number => typeof v === 'number');
    if (values.length) out[key] = Math.max(...values);
  }
  return out;
}
