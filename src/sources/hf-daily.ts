// The `hf` source: one listing day of Hugging Face Daily Papers, paged until a short page.
import type { PaperSource } from '../ports.js';
import type { Paper, SourceQuery, SourceResult } from '../types.js';
import { InputError, SourceError, errorMessage } from '../errors.js';
import { hfHttp, type SourceDeps } from './deps.js';
import { requireOk } from './http.js';
import { parseHfDaily } from './hf-parse.js';
import { excerpt } from './text.js';

/** Page size asked of the API (the documented maximum). */
export const HF_PAGE_SIZE = 100;
// A server that ignores `p` would otherwise be paged forever.
const MAX_PAGES = 20;

/**
 * Creates the HF Daily Papers source. `query.date` (default: today in UTC) selects the listing
 * day; pages `p=0,1,…` are fetched until one has fewer than HF_PAGE_SIZE entries. An empty day
 * resolves `quiet: true`. A failure on the first page rejects; on a later page the papers so far
 * come back with `partial` set.
 */
export function createHfDailySource(name: string, deps: SourceDeps): PaperSource {
  const http = hfHttp(deps, name);
  const base = `${deps.config.urls.hf.replace(/\/+$/, '')}/api/daily_papers`;
  const log = deps.logger.child({ source: name });

  const fetchPage = async (date: string, page: number) => {
    const url = `${base}?${new URLSearchParams({ date, limit: String(HF_PAGE_SIZE), p: String(page) })}`;
    const res = requireOk(await http.get(url), name);
    let json: unknown;
    try {
      json = JSON.parse(res.body);
    } catch (err) {
      throw new SourceError(name, `expected JSON from ${url} but got: ${excerpt(res.body)} (${errorMessage(err)})`, {
        status: res.status,
      });
    }
    if (!Array.isArray(json)) {
      throw new SourceError(name, `expected a JSON array from ${url} but got: ${excerpt(res.body)}`, {
        status: res.status,
      });
    }
    const parsed = parseHfDaily(json, name, date);
    if (parsed.invalid.length > 0 && parsed.papers.length === 0) {
      throw new SourceError(name, `unexpected Daily Papers shape from ${url}: ${parsed.invalid[0]}`);
    }
    return { size: json.length, papers: parsed.papers, invalid: parsed.invalid };
  };

  return {
    name,
    async fetch(query: SourceQuery): Promise<SourceResult> {
      const date = query.date ?? (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new InputError(`${name}: date must be YYYY-MM-DD, got "${date}"`);
      const byId = new Map<string, Paper>();
      const problems: string[] = [];
      for (let page = 0; page < MAX_PAGES; page += 1) {
        let result: Awaited<ReturnType<typeof fetchPage>>;
        try {
          result = await fetchPage(date, page);
        } catch (err) {
          if (page === 0) throw err;
          problems.push(`page ${page} failed: ${errorMessage(err)}`);
          break;
        }
        if (result.invalid.length) problems.push(`skipped ${result.invalid.length} malformed entries (${result.invalid[0]})`);
        const before = byId.size;
        for (const paper of result.papers) if (!byId.has(paper.id)) byId.set(paper.id, paper);
        const full = result.size >= HF_PAGE_SIZE;
        const enough = query.maxResults !== undefined && byId.size >= query.maxResults;
        // A full page with nothing new means the server ignores `p`: stop instead of looping.
        if (!full || enough || byId.size === before) break;
      }
      const papers = [...byId.values()].slice(0, query.maxResults);
      log.debug('daily papers fetched', { date, papers: papers.length });
      const out: SourceResult = { source: name, papers, quiet: papers.length === 0 };
      if (problems.length) out.partial = problems.join('; ');
      return out;
    },
  };
}
