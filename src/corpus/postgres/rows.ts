// How a paper becomes a corpus_papers row, and how stored rows become API values again.
import type { FullText } from '../../ports.js';
import type { Paper } from '../../types.js';
import { catalogDate } from '../merge.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `day` when it is a real calendar day in YYYY-MM-DD form, else undefined. */
export function validDay(day: string | undefined): string | undefined {
  if (!day || !ISO_DAY.test(day)) return undefined;
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day ? undefined : day;
}

/** The day a paper counts as new (as every corpus computes it), when it is a real date. */
export function announcementDay(p: Paper): string | undefined {
  return validDay(catalogDate(p));
}

/**
 * The paper without NUL characters anywhere: Postgres text and jsonb reject them, and one bad
 * character from a source must not fail a whole batch.
 */
export function withoutNul<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? v.replace(/\0/g, '') : v))) as T;
}

/** Column arrays for one multi-row `unnest` upsert. */
export interface PaperColumns {
  ids: string[];
  listedOn: Array<string | null>;
  titles: string[];
  authors: string[];
  abstracts: string[];
  json: string[];
}

/** Splits papers into the parallel arrays the upsert statement unnests. */
export function paperColumns(papers: Paper[]): PaperColumns {
  const cols: PaperColumns = { ids: [], listedOn: [], titles: [], authors: [], abstracts: [], json: [] };
  for (const p of papers) {
    cols.ids.push(p.id);
    cols.listedOn.push(announcementDay(p) ?? null);
    cols.titles.push(p.title ?? '');
    cols.authors.push((p.authors ?? []).join(', '));
    cols.abstracts.push(p.abstract ?? '');
    cols.json.push(JSON.stringify(p));
  }
  return cols;
}

/** A corpus_full_texts row as pg returns it. */
export interface FullTextRow {
  paper_id: string;
  version: number | null;
  origin: FullText['origin'];
  note: string | null;
  fetched_at: string;
  sections: FullText['sections'];
}

/** The stored full text, with absent optional fields left out. */
export function fullTextFromRow(row: FullTextRow): FullText {
  return {
    paperId: row.paper_id,
    ...(row.version !== null ? { version: row.version } : {}),
    origin: row.origin,
    ...(row.note !== null ? { note: row.note } : {}),
    sections: row.sections,
    fetchedAt: row.fetched_at,
  };
}
