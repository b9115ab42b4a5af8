// arXiv API lookups (export.arxiv.org/api/query) by id list and by search query, paced with RSS.
import type { PaperLookup } from '../ports.js';
import type { Paper, SourceResult } from '../types.js';
import { SourceError } from '../errors.js';
import { arxivHttp, type SourceDeps } from './deps.js';
import { requireOk, type HttpClient } from './http.js';
import { parseArxivId } from './ids.js';
import type { AtomFeed } from './arxiv-atom.js';

/** Source name used in errors and in `Paper.sources` for API results. */
export const ARXIV_API_SOURCE = 'arxiv-api';
/** Ids per request: keeps URLs short and well under the API's 2,000-result page limit. */
const ID_BATCH = 100;
const MAX_QUERY_RESULTS = 200;
const FIELD_PREFIX = /\b(ti|au|abs|co|jr|cat|rn|id|all|submittedDate):/i;

/** The API lookup, plus a variant of byIds that reports dropped ids. */
export interface ArxivApi extends PaperLookup {
  /** Like byIds, but as a SourceResult whose `partial` lists ids arXiv did not return. */
  fetchIds(ids: string[]): Promise<SourceResult>;
}

/**
 * Creates the arXiv lookup. Ids that do not parse as arXiv ids are never sent (arXiv would reject
 * the whole request) and, like ids arXiv silently drops, are simply absent from the result.
 * An arXiv error entry (`/api/errors#…`) rejects with SourceError carrying the server's message.
 */
export function createArxivLookup(deps: SourceDeps): ArxivApi {
  const http = arxivHttp(deps, ARXIV_API_SOURCE);
  const base = deps.config.urls.arxivApi;
  const log = deps.logger.child({ source: ARXIV_API_SOURCE });

  const fetchIds = async (ids: string[]): Promise<SourceResult> => {
    const wanted = [...new Set(ids.map((raw) => parseArxivId(raw)?.id).filter((id): id is string => Boolean(id)))];
    const found = new Map<string, Paper>();
    for (let i = 0; i < wanted.length; i += ID_BATCH) {
      const batch = wanted.slice(i, i + ID_BATCH);
      const feed = await query(http, base, { id_list: batch.join(','), start: '0', max_results: String(batch.length) });
      for (const paper of feed.papers) if (batch.includes(paper.id)) found.set(paper.id, paper);
    }
    const papers = wanted.flatMap((id) => found.get(id) ?? []);
    const missing = ids.filter((raw) => !found.has(parseArxivId(raw)?.id ?? ''));
    if (missing.length) log.debug('ids not returned by arXiv', { missing });
    const result: SourceResult = { source: ARXIV_API_SOURCE, papers };
    if (missing.length) result.partial = `not found on arXiv: ${missing.join(', ')}`;
    return result;
  };

  return {
    fetchIds,
    async byIds(ids: string[]): Promise<Paper[]> {
      return (await fetchIds(ids)).papers;
    },
    async byQuery(text: string, maxResults = 10): Promise<Paper[]> {
      const searchQuery = toSearchQuery(text);
      if (!searchQuery) return [];
      const max = Math.min(Math.max(1, Math.floor(maxResults)), MAX_QUERY_RESULTS);
      const feed = await query(http, base, {
        search_query: searchQuery,
        start: '0',
        max_results: String(max),
        sortBy: 'relevance',
        sortOrder: 'descending',
      });
      return feed.papers;
    },
  };
}

/**
 * Turns free text into an arXiv search: every word must appear (`all:w1 AND all:w2`). Text that
 * already uses field prefixes (`ti:`, `au:`, `cat:` …) is passed through untouched.
 */
export function toSearchQuery(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (FIELD_PREFIX.test(trimmed)) return trimmed;
  const words = trimmed
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}.-]/gu, ''))
    .filter(Boolean);
  return words.length ? words.map((w) => `all:${w}`).join(' AND ') : undefined;
}

async function query(http: HttpClient, base: string, params: Record<string, string>): Promise<AtomFeed> {
  const url = `${base}?${new URLSearchParams(params).toString()}`;
  const res = await http.get(url);
  const ok = res.status >= 200 && res.status < 300;
  // The XML parser loads on the first query, not at start-up.
  const { parseArxivAtomText } = await import('./arxiv-atom.js');
  let feed: AtomFeed;
  try {
    feed = parseArxivAtomText(res.body, ARXIV_API_SOURCE);
  } catch (err) {
    // A non-2xx with an unreadable body: report the HTTP error, not the parse failure.
    if (!ok) requireOk(res, ARXIV_API_SOURCE);
    throw err;
  }
  if (feed.error) throw new SourceError(ARXIV_API_SOURCE, feed.error, { status: res.status });
  requireOk(res, ARXIV_API_SOURCE);
  return feed;
}
