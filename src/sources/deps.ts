// What every source is built from, and the two HTTP clients derived from it.
import type { Config } from '../types.js';
import type { Logger } from '../ports.js';
import { sharedArxivPacer, type Pacer } from './arxiv-pacer.js';
import { createHttpClient, type HttpClient, type RetryPolicy } from './http.js';

/**
 * Dependencies of the sources layer. `fetch`, `pacer`, `retry` and `now` are seams for tests:
 * by default the global fetch, the process-wide arXiv pacer for `config.arxivDelayMs`,
 * DEFAULT_RETRY and the system clock are used.
 */
export interface SourceDeps {
  config: Config;
  logger: Logger;
  fetch?: typeof fetch;
  /** Overrides the shared arXiv pacer (one request at a time, `config.arxivDelayMs` apart). */
  pacer?: Pacer;
  /** Overrides parts of the retry policy (tests use tiny delays). */
  retry?: Partial<RetryPolicy>;
  /** Clock for "today" when a query has no date. */
  now?: () => Date;
}

/** An HTTP client for arXiv (RSS and API): paced process-wide, retried. */
export function arxivHttp(deps: SourceDeps, source: string): HttpClient {
  return createHttpClient({
    source,
    fetch: deps.fetch,
    timeoutMs: deps.config.httpTimeoutMs,
    retry: deps.retry,
    pacer: deps.pacer ?? sharedArxivPacer(deps.config.arxivDelayMs),
    logger: deps.logger,
  });
}

/** An HTTP client for Hugging Face: retried, not paced. */
export function hfHttp(deps: SourceDeps, source: string): HttpClient {
  return createHttpClient({
    source,
    fetch: deps.fetch,
    timeoutMs: deps.config.httpTimeoutMs,
    retry: deps.retry,
    logger: deps.logger,
    headers: { accept: 'application/json' },
  });
}
