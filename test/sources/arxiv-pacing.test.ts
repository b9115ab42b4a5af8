import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createArxivLookup, createSource, resetSharedArxivPacers } from '../../src/sources/registry.js';
import { startFakeHttpServer, type FakeHttpServer } from '../fakes/fake-http-server.js';
import { fixtureBytes, RSS, testDeps, XML } from './helpers.js';

const GAP = 200;
let server: FakeHttpServer;

beforeAll(async () => {
  server = await startFakeHttpServer();
  server.route('GET', /^\/rss\//, { headers: RSS, body: fixtureBytes('arxiv-rss-cs.LG-2026-04-27-trimmed.xml'), delayMs: 30 });
  server.route('GET', '/api/query', { headers: XML, body: fixtureBytes('arxiv-api-idlist-astro-ph-0601001-2026-05-11.xml'), delayMs: 30 });
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
  server.maxInFlight = 0;
  resetSharedArxivPacers();
});

/** Deps using the real process-wide pacer for the configured delay (no injected pacer). */
const pacedDeps = () => {
  const { pacer: _unused, ...deps } = testDeps(server.url, { env: { PAPERBOT_ARXIV_DELAY_MS: String(GAP) } });
  return deps;
};

describe('arXiv pacing', () => {
  it('serialises RSS and API requests from separate instances, at least the configured gap apart', async () => {
    const lg = createSource('arxiv:cs.LG', pacedDeps());
    const cl = createSource('arxiv:cs.CL', pacedDeps());
    const api = createArxivLookup(pacedDeps());
    await Promise.all([lg.fetch({}), cl.fetch({}), api.byIds(['astro-ph/0601001']), lg.fetch({})]);

    const reqs = [...server.requests].sort((a, b) => a.receivedAt - b.receivedAt);
    expect(reqs).toHaveLength(4);
    expect(server.maxInFlight).toBe(1);
    for (let i = 1; i < reqs.length; i += 1) {
      // Never concurrent, and the pause is counted from the end of the previous response.
      expect(reqs[i]!.receivedAt - reqs[i - 1]!.finishedAt!).toBeGreaterThanOrEqual(GAP);
      expect(reqs[i]!.receivedAt - reqs[i - 1]!.receivedAt).toBeGreaterThanOrEqual(GAP);
    }
  });

  it('does not pace Hugging Face requests', async () => {
    server.route('GET', '/api/daily_papers', { headers: { 'content-type': 'application/json' }, body: '[]', delayMs: 300 });
    const hf = createSource('hf', pacedDeps());
    await Promise.all([hf.fetch({ date: '2026-07-30' }), hf.fetch({ date: '2026-07-31' })]);
    expect(server.requests).toHaveLength(2);
    expect(server.maxInFlight).toBe(2);
  });
});
