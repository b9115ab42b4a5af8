// The single place papers are assembled, so no source ever emits an undefined-valued key.
import type { Paper, PaperLinks, PaperSignals } from '../types.js';
import { capField, capList, FIELD_LIMITS as L } from './field-limits.js';

/**
 * Paper fields as sources produce them. Without `exactOptionalPropertyTypes` optional keys accept
 * undefined, which is exactly what makePaper strips.
 */
export type PaperDraft = Paper;

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function capOptional(text: string | undefined, max: number): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? capField(trimmed, max) : undefined;
}

/** A link kept only when it fits FIELD_LIMITS.link (a cut URL would point somewhere else). */
function cleanLink(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && trimmed.length <= L.link ? trimmed : undefined;
}

/**
 * Builds a Paper from a draft: drops undefined optional fields (also inside links and signals),
 * empty optional strings and links, an empty `aiKeywords` list, and de-duplicates categories and
 * sources. Every text field is capped (FIELD_LIMITS) and a cut one ends with a truncation note.
 */
export function makePaper(draft: PaperDraft): Paper {
  const aiKeywords = draft.aiKeywords?.length ? capList(draft.aiKeywords, L.aiKeywords, L.aiKeyword) : undefined;
  const cleaned = compact({
    ...draft,
    id: capField(draft.id, L.id),
    title: capField(draft.title, L.title),
    abstract: capField(draft.abstract, L.abstract),
    authors: capList(draft.authors, L.authors, L.author, (n) => `… and ${n} more`),
    aiSummary: capOptional(draft.aiSummary, L.aiSummary),
    aiKeywords,
    comment: capOptional(draft.comment, L.comment),
    journalRef: capOptional(draft.journalRef, L.journalRef),
    doi: capOptional(draft.doi, L.doi),
    primaryCategory: draft.primaryCategory ? capField(draft.primaryCategory, L.category) : undefined,
  });
  return {
    ...cleaned,
    categories: capList([...new Set(draft.categories)], L.categories, L.category),
    sources: [...new Set(draft.sources)],
    links: compact<PaperLinks>(
      Object.fromEntries(Object.entries(draft.links).map(([k, v]) => [k, cleanLink(v as string | undefined)])),
    ),
    signals: compact<PaperSignals>(draft.signals),
  };
}
