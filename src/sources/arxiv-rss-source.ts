// The `arxiv:<cat>[+<cat>…]` source: today's arXiv listing from the RSS feed, paced like the API.
import type { PaperSource } from '../ports.js';
import type { SourceQuery, SourceResult } from '../types.js';
import { arxivHttp, type SourceDeps } from './deps.js';
import { requireOk } from './http.js';
import { mergePapers } from './merge.js';

/**
 * A source for one or more arXiv categories (joined with "+" in one request). The feed only knows
 * the current announcement day, so `query.date` is not sent; papers carry their real `listedOn`.
 * An empty channel (weekends, holidays) or a day of only replacements resolves `quiet: true`.
 */
export function createArxivRssSource(name: string, categories: string[], deps: SourceDeps): PaperSource {
  const http = arxivHttp(deps, name);
  const url = `${deps.config.urls.arxivRss.replace(/\/+$/, '')}/${categories.join('+')}`;
  const log = deps.logger.child({ source: name });
  return {
    name,
    async fetch(query: SourceQuery): Promise<SourceResult> {
      const res = requireOk(await http.get(url), name);
      // The XML parser loads on the first listing, not at start-up (~35 ms of every serve start).
      const { parseArxivRssText } = await import('./arxiv-rss.js');
      const listing = parseArxivRssText(res.body, name);
      const unique = mergePapers(listing.papers);
      const papers = query.maxResults ? unique.slice(0, query.maxResults) : unique;
      log.debug('arxiv listing fetched', {
        listedOn: listing.listedOn,
        items: listing.itemCount,
        kept: papers.length,
        requestedDate: query.date,
      });
      return { source: name, papers, quiet: papers.length === 0 };
    },
  };
}
