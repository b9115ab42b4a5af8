// How a newly fetched snapshot of a paper combines with the stored one. Pure.
import type { Paper, PaperLinks, PaperSignals } from '../types.js';

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];
const nonEmpty = (s: string | undefined): s is string => typeof s === 'string' && s.length > 0;
const pick = <T>(first: T | undefined, second: T | undefined): T | undefined => (first !== undefined ? first : second);
const pickText = (first: string | undefined, second: string | undefined): string | undefined =>
  nonEmpty(first) ? first : second;

function maxOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a >= b ? a : b;
}

function minOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a <= b ? a : b;
}

/** Drops undefined values and sorts keys, so equal objects serialize equally. */
function tidy<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj).sort()) {
    const value = (obj as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

/**
 * The paper with a fixed key order, no undefined fields and de-duplicated lists. Two equal
 * papers have equal JSON once canonical, which is how upserts tell "updated" from "unchanged".
 */
export function canonicalPaper(p: Paper): Paper {
  return tidy({
    id: p.id,
    version: p.version,
    title: p.title ?? '',
    abstract: p.abstract ?? '',
    authors: [...(p.authors ?? [])],
    categories: union(p.categories ?? [], []),
    primaryCategory: p.primaryCategory,
    publishedAt: p.publishedAt,
    updatedAt: p.updatedAt,
    listedOn: p.listedOn,
    links: tidy<PaperLinks>({ ...p.links }),
    signals: tidy<PaperSignals>({ ...p.signals }),
    aiSummary: p.aiSummary,
    aiKeywords: p.aiKeywords ? [...p.aiKeywords] : undefined,
    comment: p.comment,
    journalRef: p.journalRef,
    doi: p.doi,
    announceType: p.announceType,
    sources: union(p.sources ?? [], []),
  });
}

/**
 * True when `incoming` holds the later text: a higher arXiv version wins; a snapshot with a
 * version beats one without; same or unknown versions → the later `updatedAt`, else the newer fetch.
 */
export function incomingTextIsNewer(existing: Paper, incoming: Paper): boolean {
  const [ev, iv] = [existing.version, incoming.version];
  if (ev !== undefined && iv !== undefined && ev !== iv) return iv > ev;
  if (ev !== undefined && iv === undefined) return false;
  if (existing.updatedAt && incoming.updatedAt && existing.updatedAt !== incoming.updatedAt) {
    return incoming.updatedAt > existing.updatedAt;
  }
  return true;
}

function mergeSignals(a: PaperSignals, b: PaperSignals): PaperSignals {
  const out: Record<string, number> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const values = [(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]].filter(
      (v): v is number => typeof v === 'number' && Number.isFinite(v),
    );
    if (values.length > 0) out[key] = Math.max(...values);
  }
  return out;
}

function definedOnly<T extends object>(obj: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(obj ?? {}).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

/**
 * Merges a new snapshot into the stored paper (same id): the latest version's text wins
 * (title, abstract, authors, version, comment, …, falling back to the other side when empty);
 * sources and categories are unioned; each signal takes the larger value; AI summary/keywords
 * and links are kept when the new snapshot lacks them; `listedOn` is the latest listing,
 * `publishedAt` the earliest (v1), `updatedAt` the latest.
 */
export function mergePaper(existing: Paper, incoming: Paper): Paper {
  const newer = incomingTextIsNewer(existing, incoming);
  const [win, lose] = newer ? [incoming, existing] : [existing, incoming];
  return canonicalPaper({
    id: existing.id,
    version: pick(win.version, lose.version),
    title: pickText(win.title, lose.title) ?? '',
    abstract: pickText(win.abstract, lose.abstract) ?? '',
    authors: win.authors?.length ? win.authors : (lose.authors ?? []),
    categories: union(existing.categories ?? [], incoming.categories ?? []),
    primaryCategory: pickText(win.primaryCategory, lose.primaryCategory),
    publishedAt: minOf(existing.publishedAt, incoming.publishedAt),
    updatedAt: maxOf(existing.updatedAt, incoming.updatedAt),
    listedOn: maxOf(existing.listedOn, incoming.listedOn),
    links: { ...definedOnly(existing.links), ...definedOnly(incoming.links) },
    signals: mergeSignals(existing.signals ?? {}, incoming.signals ?? {}),
    aiSummary: pickText(incoming.aiSummary, existing.aiSummary),
    aiKeywords: incoming.aiKeywords?.length ? incoming.aiKeywords : existing.aiKeywords,
    comment: pickText(win.comment, lose.comment),
    journalRef: pickText(win.journalRef, lose.journalRef),
    doi: pickText(win.doi, lose.doi),
    announceType: pick(incoming.announceType, existing.announceType),
    sources: union(existing.sources ?? [], incoming.sources ?? []),
  });
}

/** The day a paper counts as new for `listPapersSince`: the later of listedOn and publishedAt's date. */
export function catalogDate(p: Paper): string | undefined {
  return maxOf(p.listedOn?.slice(0, 10) || undefined, p.publishedAt?.slice(0, 10) || undefined);
}
