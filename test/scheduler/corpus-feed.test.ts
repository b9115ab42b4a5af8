// Serve's corpus feed: each source on its rhythm, failures retried with back-off, one fetch per
// source at a time across instances sharing a store.
import { describe, expect, it } from 'vitest';
import type { PaperSource } from '../../src/ports.js';
import { ManualClock } from '../../src/clock.js';
import { silentLogger } from '../../src/logger.js';
import { SourceError } from '../../src/errors.js';
import { createMemoryBotStore } from '../../src/store/index.js';
import { ingest, type DigestDeps } from '../../src/digest/prepare-digest.js';
import { createCorpusFeed, startDates } from '../../src/scheduler/corpus-feed.js';
import { createStoreLocks } from '../../src/scheduler/lock.js';
import { createSourceLocks } from '../../src/scheduler/source-locks.js';
import { lastArxivAnnouncement, nextFetchAt } from '../../src/scheduler/source-rhythm.js';
import { makePaper } from '../store/helpers.js';
import { tempCorpus } from '../support/corpus.js';

const MIN = 60_000;

describe('source rhythm', () => {
  it('knows the last arXiv announcement: Sunday–Thursday 20:00 New York time', () => {
    // Friday 2026-06-12 10:00 UTC → Thursday 20:00 EDT = Friday 00:00 UTC.
    expect(lastArxivAnnouncement(new Date('2026-06-12T10:00:00Z')).toISOString()).toBe('2026-06-12T00:00:00.000Z');
    // Saturday and Sunday before 20:00 ET still point at Thursday's.
    expect(lastArxivAnnouncement(new Date('2026-06-14T18:00:00Z')).toISOString()).toBe('2026-06-12T00:00:00.000Z');
    // Sunday 21:00 EDT (Monday 01:00 UTC) → Sunday's announcement.
    expect(lastArxivAnnouncement(new Date('2026-06-15T01:00:00Z')).toISOString()).toBe('2026-06-15T00:00:00.000Z');
  });

  it('fetches HF hourly, arXiv right after an announcement and rarely otherwise, and backs off after failures', () => {
    const now = new Date('2026-06-12T10:00:00Z');
    const ok = (at: string) => ({ source: 'x', failures: 0, lastSuccessAt: at });
    expect(nextFetchAt('hf', { source: 'hf', failures: 0 }, now)).toBe(now.getTime());
    expect(nextFetchAt('hf', ok('2026-06-12T09:30:00Z'), now)).toBe(Date.parse('2026-06-12T10:30:00Z'));
    // The last success predates Thursday's announcement: due now.
    expect(nextFetchAt('arxiv:cs.LG', ok('2026-06-11T23:00:00Z'), now)).toBe(now.getTime());
    // Ten hours after the announcement, a success after it waits six hours.
    expect(nextFetchAt('arxiv:cs.LG', ok('2026-06-12T09:00:00Z'), now)).toBe(Date.parse('2026-06-12T15:00:00Z'));
    // Within the hours after the announcement: every half hour.
    const fresh = new Date('2026-06-12T02:00:00Z');
    expect(nextFetchAt('arxiv:cs.LG', ok('2026-06-12T01:00:00Z'), fresh)).toBe(Date.parse('2026-06-12T01:30:00Z'));
    const failing = (failures: number) => ({ source: 'hf', failures, lastFailureAt: '2026-06-12T09:59:00Z', lastSuccessAt: '2026-06-12T09:00:00Z' });
    expect(nextFetchAt('hf', failing(1), now)).toBe(Date.parse('2026-06-12T10:00:00Z'));
    expect(nextFetchAt('hf', failing(3), now)).toBe(Date.parse('2026-06-12T10:03:00Z'));
    expect(nextFetchAt('hf', failing(20), now)).toBe(Date.parse('2026-06-12T10:29:00Z'));
  });
});

describe('start-up dates', () => {
  it('backfills a week of HF listings (or since its last good day), today only for the others', () => {
    const fresh = { source: 'hf', failures: 0 };
    expect(startDates('hf', fresh, '2026-06-12')).toEqual(['2026-06-06', '2026-06-07', '2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12']);
    expect(startDates('hf', { ...fresh, lastSuccessDate: '2026-06-11' }, '2026-06-12')).toEqual(['2026-06-11', '2026-06-12']);
    expect(startDates('hf', { ...fresh, lastSuccessDate: '2026-06-12' }, '2026-06-12')).toEqual(['2026-06-12']);
    expect(startDates('arxiv:cs.LG', fresh, '2026-06-12')).toEqual(['2026-06-12']);
  });
});

describe('corpus feed', () => {
  async function setup(source: PaperSource) {
    const store = createMemoryBotStore();
    const clock = new ManualClock('2026-06-12T10:00:00Z');
    const deps: DigestDeps = {
      store,
      corpus: await tempCorpus(),
      sourceFor: () => source,
      defaultSources: [source.name],
      clock,
      logger: silentLogger,
    };
    const feed = createCorpusFeed({ store, clock, logger: silentLogger, defaultSources: [source.name], tz: 'UTC', ingest: (s, d) => ingest(deps, s, d) });
    return { store, clock, deps, feed };
  }

  it('fetches at start with no subscription, retries a failure with back-off, and shows it on health', async () => {
    let fail = true;
    let calls = 0;
    const hf: PaperSource = {
      name: 'hf',
      fetch: async () => {
        calls++;
        if (fail) throw new SourceError('hf', 'HTTP 503');
        return { source: 'hf', papers: [makePaper('2606.00001', { listedOn: '2026-06-12' })] };
      },
    };
    const { clock, deps, feed } = await setup(hf);
    await feed.start();
    expect(calls).toBe(1); // the week's backfill stops at the first failure
    expect(await feed.health()).toMatchObject({ hf: { failures: 1, lastError: expect.stringMatching(/503/) } });

    clock.advance(30_000);
    expect(await feed.tick()).toEqual([]); // backing off
    clock.advance(MIN);
    fail = false;
    expect(await feed.tick()).toEqual(['hf']); // later ticks fetch today only
    expect(calls).toBe(2);
    expect(await deps.corpus.count()).toBe(1);
    const health = await feed.health();
    expect(health.hf).toMatchObject({ failures: 0, lastSuccessAt: clock.now().toISOString() });
    expect(health.hf!.nextFetchAt).toBe(new Date(clock.now().getTime() + 60 * MIN).toISOString());
    clock.advance(10 * MIN);
    expect(await feed.tick()).toEqual([]); // HF is hourly
    await feed.stop();
    clock.advance(2 * 60 * MIN);
    expect(await feed.tick()).toEqual([]); // stopped
  });

  it('fetches each source once at a time across instances sharing a store', async () => {
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const hf: PaperSource = { name: 'hf', fetch: async () => (calls++, await gate, { source: 'hf', papers: [makePaper('2606.00001')] }) };
    const { store, deps } = await setup(hf);
    const a = { ...deps, sourceLock: (name: string) => createStoreLocks(store.kv).acquire(`source:${name}`) };
    const b = { ...deps, sourceLock: (name: string) => createStoreLocks(store.kv).acquire(`source:${name}`) };
    const first = ingest(a, ['hf'], '2026-06-12');
    await new Promise((r) => setTimeout(r, 20));
    const second = await ingest(b, ['hf'], '2026-06-12');
    expect(second.busySources).toEqual(['hf']);
    release();
    expect((await first).added).toBe(1);
    expect(calls).toBe(1);
  });
});

describe('source locks of one serve process', () => {
  it('are shared inside the process, exclusive across instances, and released by the last holder', async () => {
    const store = createMemoryBotStore();
    const here = createSourceLocks(createStoreLocks(store.kv), 0);
    const there = createSourceLocks(createStoreLocks(store.kv), 0);
    const feedHold = await here('hf');
    const digestHold = await here('hf'); // joins the feed's fetch instead of waiting
    expect(feedHold).toBeDefined();
    expect(digestHold).toBeDefined();
    expect(await there('hf')).toBeUndefined();
    await feedHold!.release();
    expect(await there('hf')).toBeUndefined(); // still held by the digest here
    await digestHold!.release();
    const other = await there('hf');
    expect(other).toBeDefined();
    await other!.release();
  });
});
