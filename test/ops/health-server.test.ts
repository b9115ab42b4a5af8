import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { postDigest } from '../../src/digest/post-digest.js';
import {
  createAdapterStates,
  healthCheckFrom,
  startHealthServer,
  type HealthReport,
  type HealthServer,
} from '../../src/ops/health-server.js';
import { FakePlatform, makeDigest, makeSub, memoryLogger, newStore } from '../scheduler/support.js';

let server: HealthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const healthy: HealthReport = { ok: true, adapters: { slack: 'connected' }, store: 'ok', lastRuns: {} };

describe('GET /healthz', () => {
  it('answers 200 with the JSON report when ok', async () => {
    server = await startHealthServer({ port: 0, host: '127.0.0.1', check: async () => healthy });
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual(healthy);
  });

  it('answers 503 when not ok, and when the check itself fails', async () => {
    let fail = false;
    server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      check: async () => {
        if (fail) throw new Error('boom');
        return { ...healthy, ok: false, adapters: { slack: 'disconnected' } };
      },
    });
    const res = await fetch(server.url);
    expect(res.status).toBe(503);
    expect(((await res.json()) as HealthReport).adapters).toEqual({ slack: 'disconnected' });
    fail = true;
    const broken = await fetch(server.url);
    expect(broken.status).toBe(503);
    expect(await broken.json()).toMatchObject({ ok: false, error: 'boom' });
  });

  it('answers 404 elsewhere', async () => {
    server = await startHealthServer({ port: 0, host: '127.0.0.1', check: async () => healthy });
    expect((await fetch(server.url.replace('/healthz', '/other'))).status).toBe(404);
  });
});

describe('healthCheckFrom', () => {
  it('reports adapters, a reachable store and the last run of each channel', async () => {
    const store = await newStore();
    const clock = new ManualClock('2026-04-27T09:00:00Z');
    const sub = makeSub('c1');
    await store.saveSubscription(sub);
    await store.saveSubscription(makeSub('never'));
    await postDigest({ store, adapter: new FakePlatform().adapter(), sub, digest: makeDigest('2026-04-27', 1), logger: memoryLogger(), clock });
    const adapters = createAdapterStates();
    adapters.mark('slack', 'connected');
    adapters.mark('discord', 'connecting');

    const check = healthCheckFrom({ store, adapters: adapters.snapshot });
    const report = await check();
    expect(report).toEqual({
      ok: false,
      adapters: { slack: 'connected', discord: 'connecting' },
      store: 'ok',
      lastRuns: { 'console:c1': { date: '2026-04-27', status: 'done', at: '2026-04-27T09:00:00.000Z' } },
    });
    adapters.mark('discord', 'connected');
    expect((await check()).ok).toBe(true);
  });

  it('reports store: error (and not ok) when the store does not answer', async () => {
    const store = await newStore();
    const broken = { ...store, kv: { ...store.kv, get: async () => Promise.reject(new Error('ECONNREFUSED')) } };
    const report = await healthCheckFrom({ store: broken, adapters: () => ({ slack: 'connected' }) })();
    expect(report).toMatchObject({ ok: false, store: 'error' });
  });

  it('reports store: error when the store hangs past the timeout', async () => {
    const store = await newStore();
    const hanging = { ...store, kv: { ...store.kv, get: () => new Promise<never>(() => undefined) } };
    const report = await healthCheckFrom({ store: hanging, adapters: () => ({}), storeTimeoutMs: 30 })();
    expect(report.store).toBe('error');
  });
});
