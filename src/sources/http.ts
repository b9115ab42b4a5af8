// GET with a per-attempt timeout, UTF-8 decoding from bytes, optional pacing, and p-retry backoff
// on 429/5xx/network failures that honours Retry-After.
import pRetry, { AbortError } from 'p-retry';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../ports.js';
import { SourceError } from '../errors.js';
import type { Pacer } from './arxiv-pacer.js';
import { parseRetryAfter } from './retry-after.js';
import { excerpt } from './text.js';

/** Descriptive User-Agent sent with every request, as the providers ask. */
export const USER_AGENT = 'paperbot/0.1 (+https://github.com/paperbot)';

/** How hard to retry. Delays double from `baseDelayMs` up to `maxDelayMs`. */
export interface RetryPolicy {
  /** Total attempts, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Give up rather than wait past this much time spent on one request. */
  maxTotalMs: number;
  /** A Retry-After longer than this ends the request at once instead of waiting. */
  maxRetryAfterMs: number;
}

/** Production defaults: 4 attempts, 1 s → 2 s → 4 s, at most 2 minutes in all. */
export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxTotalMs: 120_000,
  maxRetryAfterMs: 60_000,
};

/** A fetched response whose status was final (2xx or a non-retryable error status). */
export interface HttpResponse {
  status: number;
  statusText: string;
  url: string;
  headers: Headers;
  /** The body decoded as UTF-8 from bytes, whatever charset the server claimed. */
  body: string;
}

/** What a client needs: who it speaks for (error messages), how, and how patiently. */
export interface HttpClientOptions {
  /** Source name used in SourceError messages. */
  source: string;
  fetch?: typeof fetch;
  timeoutMs: number;
  retry?: Partial<RetryPolicy>;
  /** Serialises attempts (arXiv etiquette); each attempt is scheduled separately. */
  pacer?: Pacer;
  logger: Logger;
  headers?: Record<string, string>;
  /** Largest response body accepted, in bytes (default MAX_RESPONSE_BYTES); larger ones fail the request. */
  maxBytes?: number;
}

/**
 * Default cap on one response body: 32 MiB. A normal day is well under 5 MiB; without a cap one
 * hostile or broken response could take the process's memory.
 */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** The response body was larger than the client accepts. Not retried: it would be as large again. */
export class ResponseTooLargeError extends SourceError {
  constructor(source: string, url: string, maxBytes: number) {
    super(source, `response from ${url} is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB; refused`);
  }
}

/** Reads the body as UTF-8, stopping (and cancelling the download) once it passes `maxBytes`. */
async function readCapped(res: Response, maxBytes: number, onTooLarge: () => Error): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw onTooLarge();
  }
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw onTooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks, size));
}

/** Fetches text over HTTP with the client's timeout, pacing and retry policy. */
export interface HttpClient {
  /**
   * GETs `url`. Resolves with 2xx and non-retryable statuses (e.g. 400, 404) so callers can read
   * error bodies; rejects with SourceError once retries on 429/5xx/timeouts/network errors run out.
   */
  get(url: string): Promise<HttpResponse>;
}

class RetryableError extends SourceError {
  constructor(
    source: string,
    readonly detail: string,
    options: { status?: number; cause?: unknown; retryAfterMs?: number },
  ) {
    super(source, detail, options);
    this.retryAfterMs = options.retryAfterMs;
  }
  readonly retryAfterMs: number | undefined;
}

const RETRYABLE_STATUS = new Set([408, 425, 429]);

/** True for statuses worth retrying: timeouts, throttling and server errors (501 is permanent). */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status) || (status >= 500 && status !== 501);
}

/** Creates a client; see HttpClient.get for what it promises. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const doFetch = options.fetch ?? globalThis.fetch;
  const { source, logger } = options;
  const maxBytes = options.maxBytes ?? MAX_RESPONSE_BYTES;

  const attemptOnce = async (url: string): Promise<HttpResponse> => {
    let res: Response;
    let body: string;
    try {
      res = await doFetch(url, {
        headers: { 'user-agent': USER_AGENT, ...options.headers },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      body = await readCapped(res, maxBytes, () => new ResponseTooLargeError(source, url, maxBytes));
    } catch (err) {
      if (err instanceof ResponseTooLargeError) throw err;
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      const reason = timedOut ? `timed out after ${options.timeoutMs} ms` : networkReason(err);
      throw new RetryableError(source, `${reason} (GET ${url})`, { cause: err });
    }
    if (isRetryableStatus(res.status)) {
      throw new RetryableError(source, `HTTP ${res.status} ${res.statusText} from ${url}: ${excerpt(body)}`, {
        status: res.status,
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
      });
    }
    return { status: res.status, statusText: res.statusText, url, headers: res.headers, body };
  };

  return {
    async get(url: string): Promise<HttpResponse> {
      const started = Date.now();
      let attempts = 0;
      const run = () => (options.pacer ? options.pacer.schedule(() => attemptOnce(url)) : attemptOnce(url));
      try {
        return await pRetry(
          async () => {
            attempts += 1;
            try {
              return await run();
            } catch (err) {
              throw err instanceof RetryableError ? err : new AbortError(toSourceError(source, err));
            }
          },
          {
            retries: Math.max(0, policy.attempts - 1),
            minTimeout: policy.baseDelayMs,
            maxTimeout: policy.maxDelayMs,
            factor: 2,
            randomize: false,
            maxRetryTime: policy.maxTotalMs,
            onFailedAttempt: async (failure) => {
              const err = failure as unknown as RetryableError;
              if (failure.retriesLeft <= 0) return;
              const backoff = Math.min(policy.baseDelayMs * 2 ** (failure.attemptNumber - 1), policy.maxDelayMs);
              const asked = err.retryAfterMs ?? 0;
              if (asked > policy.maxRetryAfterMs) {
                throw new SourceError(
                  source,
                  `${err.detail}; the server asked to retry after ${Math.ceil(asked / 1000)} s, longer than paperbot waits`,
                  { status: err.status, cause: err },
                );
              }
              if (Date.now() - started + Math.max(asked, backoff) > policy.maxTotalMs) throw finalError(err, attempts);
              logger.info('retrying request', { source, url, attempt: failure.attemptNumber, status: err.status });
              // p-retry then waits `backoff` itself; only top that up to what the server asked for.
              if (asked > backoff) await sleep(asked - backoff);
            },
          },
        );
      } catch (err) {
        throw err instanceof RetryableError ? finalError(err, attempts) : err;
      }
    },
  };

  function finalError(err: RetryableError, attempts: number): SourceError {
    const tries = attempts > 1 ? ` (gave up after ${attempts} attempts)` : '';
    return new SourceError(source, `${err.detail}${tries}`, { status: err.status, cause: err });
  }
}

function networkReason(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `network error${err instanceof Error ? `: ${err.message}` : ''}${cause}`;
}

function toSourceError(source: string, err: unknown): SourceError {
  if (err instanceof SourceError) return err;
  return new SourceError(source, err instanceof Error ? err.message : String(err), { cause: err });
}

/** Throws SourceError (with the status and an excerpt of the body) unless the response is 2xx. */
export function requireOk(res: HttpResponse, source: string): HttpResponse {
  if (res.status >= 200 && res.status < 300) return res;
  throw new SourceError(source, `HTTP ${res.status} ${res.statusText} from ${res.url}: ${excerpt(res.body)}`, {
    status: res.status,
  });
}
