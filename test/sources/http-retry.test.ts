import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createArxivLookup, createSource } from '../../src/sources/registry.js';
import { SourceError } from '../../src/errors.js';
import { startFakeHttpServer, type FakeHttpServer } from '../fakes/fake-http-server.js';
import { fixtureBytes, JSON_TYPE, testDeps, XML } from './helpers.js';

const HF = '/api/daily_papers';
const HF_BODY = fixtureBytes('hf-daily-papers-2026-07-31-trimmed.json');
let server: FakeHttpServer;

beforeAll(async () => {
  server = await startFakeHttpServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const gaps = () => server.requests.slice(1).map((r, i) => r.receivedAt - server.requests[i]!.receivedAt);

describe('retries', () => {
  it('waits as long as Retry-After (seconds) asks on 429, then succeeds', async () => {
    server.route('GET', HF, { status: 429, headers: { 'retry-after': '1' }, body: 'Too Many Requests' }, { headers: JSON_TYPE, body: HF_BODY });
    const result = await createSource('hf', testDeps(server.url)).fetch({ date: '2026-07-31' });
    expect(result.papers).toHaveLength(5);
    expect(server.requests).toHaveLength(2);
    // Correctness bound, not speed: the second try must not come before the server allowed it.
    expect(gaps()[0]).toBeGreaterThanOrEqual(1000 - 5);
  });

  it('retries 503 with backoff and succeeds', async () => {
    server.route('GET', HF, { status: 503, body: 'busy' }, { status: 503, body: 'busy' }, { headers: JSON_TYPE, body: HF_BODY });
    const result = await createSource('hf', testDeps(server.url)).fetch({ date: '2026-07-31' });
    expect(result.papers).toHaveLength(5);
    expect(server.requests).toHaveLength(3);
  });

  it('gives up on a permanent 500 after the attempt cap with a SourceError carrying the status', async () => {
    server.route('GET', HF, { status: 500, body: 'Internal Server Error' });
    const err = await createSource('hf', testDeps(server.url, { retry: { attempts: 3, baseDelayMs: 2 } }))
      .fetch({ date: '2026-07-31' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).status).toBe(500);
    expect((err as Error).message).toMatch(/^hf: HTTP 500 .*Internal Server Error \(gave up after 3 attempts\)$/);
    expect(server.requests).toHaveLength(3);
  });

  it('does not wait for a Retry-After longer than it is willing to', async () => {
    server.route('GET', HF, { status: 429, headers: { 'retry-after': '3600' }, body: 'Rate exceeded.' });
    const err = await createSource('hf', testDeps(server.url)).fetch({ date: '2026-07-31' }).catch((e: unknown) => e);
    expect((err as SourceError).status).toBe(429);
    expect((err as Error).message).toMatch(/Rate exceeded\.; the server asked to retry after 3600 s/);
    expect(server.requests).toHaveLength(1);
  });

  it('times out a hanging request per attempt and reports it', async () => {
    server.route('GET', HF, { delayMs: 400, headers: JSON_TYPE, body: '[]' });
    const deps = testDeps(server.url, { env: { PAPERBOT_HTTP_TIMEOUT_MS: '50' }, retry: { attempts: 2, baseDelayMs: 1 } });
    const err = await createSource('hf', deps).fetch({ date: '2026-07-31' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as Error).message).toMatch(/timed out after 50 ms .*\(gave up after 2 attempts\)/);
    expect(server.requests).toHaveLength(2);
  });

  it('reports a refused connection as a SourceError naming the source', async () => {
    const closed = await startFakeHttpServer();
    const url = closed.url;
    await closed.close();
    const err = await createArxivLookup(testDeps(url, { retry: { attempts: 2, baseDelayMs: 1 } }))
      .byQuery('transformer')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as Error).message).toMatch(/^arxiv-api: network error/);
  });

  it('retries arXiv API 503s too', async () => {
    server.route(
      'GET',
      '/api/query',
      { status: 503, body: 'Rate exceeded.' },
      { headers: XML, body: fixtureBytes('arxiv-api-idlist-astro-ph-0601001-2026-05-11.xml') },
    );
    const papers = await createArxivLookup(testDeps(server.url)).byIds(['astro-ph/0601001']);
    expect(papers.map((p) => p.id)).toEqual(['astro-ph/0601001']);
    expect(server.requests).toHaveLength(2);
  });
});
