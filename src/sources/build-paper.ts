// The single place papers are assembled, so no source ever emits an undefined-valued key.
import type { Paper, PaperLinks, PaperSignals } from '../types.js';

/**
 * Paper fields as sources produce them. Without `exactOptionalPropertyTypes` optional keys accept
 * undefined, which is exactly what makePaper strips.
 */
export type PaperDraft = Paper;

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Builds a Paper from a draft: drops undefined optional fields (also inside links and signals),
 * empty optional strings and links, an empty `aiKeywords` list, and de-duplicates categories and sources.
 */
export function makePaper(draft: PaperDraft): Paper {
  const cleaned = compact({
    ...draft,
    aiSummary: draft.aiSummary?.trim() || undefined,
    aiKeywords: draft.aiKeywords?.length ? draft.aiKeywords : undefined,
    comment: draft.comment?.trim() || undefined,
    journalRef: draft.journalRef?.trim() || undefined,
    doi: draft.doi?.trim() || undefined,
    primaryCategory: draft.primaryCategory || undefined,
  });
  return {
    ...cleaned,
    categories: [...new Set(draft.categories)],
    sources: [...new Set(draft.sources)],
    links: compact<PaperLinks>(
      Object.fromEntries(Object.entries(draft.links).map(([k, v]) => [k, (v as string | undefined)?.trim() || undefined])),
    ),
    signals: compact<PaperSignals>(draft.signals),
  };
}
