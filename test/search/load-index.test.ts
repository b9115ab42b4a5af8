import { describe, expect, it } from 'vitest';
import { loadIndexFromStore, type IndexLoadReport } from '../../src/search/load-index.js';
import { createPaperIndex } from '../../src/search/paper-index.js';
import { createMemoryBotStore, storeKeys } from '../../src/store/index.js';
import type { BotStore, PaperIndex } from '../../src/ports.js';
import type { Paper } from '../../src/types.js';
import { makeCorpus, makeQueries } from '../../bench/corpus.js';

const corpus = makeCorpus(800);
const queries = [...makeQueries(corpus, 40), 'quant', 'quantizaton', 'language models'];
const results = (index: PaperIndex) => queries.map((q) => index.search(q, { limit: 10 }));

async function load(store: Pick<BotStore, 'allPaperIds' | 'getPapers' | 'papersInBatches'>) {
  const index = createPaperIndex();
  let report: IndexLoadReport | undefined;
  const count = await loadIndexFromStore(store, index, 100, { onReport: (r) => (report = r) });
  return { index, count, report: report! };
}

async function allStored(store: BotStore): Promise<Paper[]> {
  return store.getPapers(await store.allPaperIds());
}

describe('loadIndexFromStore', () => {
  it('builds from every paper, saves a snapshot, and restores it on the next start', async () => {
    const store = createMemoryBotStore();
    await store.upsertPapers(corpus);
    const first = await load(store);
    expect(first.count).toBe(corpus.length);
    expect(first.report).toMatchObject({ source: 'rebuilt', saved: true, reason: 'no snapshot saved' });
    const second = await load(store);
    expect(second.report).toMatchObject({ source: 'snapshot', changed: 0, saved: false, papers: corpus.length });
    expect(results(second.index)).toEqual(results(first.index));
    await store.close();
  });

  it('brings the snapshot up to date with papers written since, as a fresh build would be', async () => {
    const store = createMemoryBotStore();
    await store.upsertPapers(corpus.slice(0, 700));
    await load(store);
    const edited = corpus.slice(0, 40).map((p) => ({ ...p, version: (p.version ?? 1) + 1, title: `${p.title} xylophonic`, abstract: 'Rewritten.' }));
    await store.upsertPapers([...edited, ...corpus.slice(700)]);
    await store.upsertPapers(corpus.slice(100, 120)); // unchanged: nothing to replay
    const next = await load(store);
    expect(next.report).toMatchObject({ source: 'snapshot', changed: 140, saved: true, papers: corpus.length });
    expect(results(next.index)).toEqual(results(createPaperIndex(await allStored(store))));
    expect(next.index.search('xylophonic', { limit: 50 })).toHaveLength(40);
    // The saved snapshot now includes those changes.
    expect((await load(store)).report).toMatchObject({ source: 'snapshot', changed: 0 });
    await store.close();
  });

  it('rebuilds when the change log has a gap, or the snapshot does not match the store', async () => {
    const store = createMemoryBotStore();
    await store.upsertPapers(corpus.slice(0, 300));
    await load(store);
    await store.upsertPapers(corpus.slice(300, 400));
    await store.kv.delete(storeKeys.paperChange(await store.papersRevision()));
    const gap = await load(store);
    expect(gap.report).toMatchObject({ source: 'rebuilt', saved: true, papers: 400 });
    expect(gap.report.reason).toMatch(/no longer known/);
    expect(results(gap.index)).toEqual(results(createPaperIndex(await allStored(store))));

    // A paper written by code that kept no change log: the counts disagree.
    const revision = await store.papersRevision();
    await store.upsertPapers([{ ...corpus[500]!, id: 'stray' }]);
    await store.kv.delete(storeKeys.paperChange(revision + 1));
    await store.kv.set(storeKeys.papersRevision(), revision);
    const mismatch = await load(store);
    expect(mismatch.report.source).toBe('rebuilt');
    expect(mismatch.report.reason).toMatch(/holds 400 papers, the store 401/);
    expect(mismatch.count).toBe(401);
    await store.close();
  });

  it('ignores a damaged snapshot and still loads every paper', async () => {
    const store = createMemoryBotStore();
    await store.upsertPapers(corpus.slice(0, 200));
    await store.saveIndexSnapshot('papers', new Uint8Array([9, 9, 9, 9, 9, 9, 9, 9, 9, 9]));
    const { report, index } = await load(store);
    expect(report).toMatchObject({ source: 'rebuilt', papers: 200, saved: true });
    expect(index.size).toBe(200);
    await store.close();
  });

  it('adds to an index that already holds papers instead of replacing it', async () => {
    const store = createMemoryBotStore();
    await store.upsertPapers(corpus.slice(0, 100));
    await load(store);
    const index = createPaperIndex([corpus[700]!]);
    let report: IndexLoadReport | undefined;
    await loadIndexFromStore(store, index, 100, { onReport: (r) => (report = r) });
    expect(report).toMatchObject({ source: 'rebuilt', reason: 'index not empty', papers: 101 });
    await store.close();
  });

  it('loads stores without snapshot support in full', async () => {
    const store = createMemoryBotStore();
    await store.upsertPapers(corpus.slice(0, 150));
    const plain = { allPaperIds: () => store.allPaperIds(), getPapers: (ids: string[]) => store.getPapers(ids) };
    const { count, report } = await load(plain);
    expect(count).toBe(150);
    expect(report).toMatchObject({ source: 'rebuilt', saved: false });
    await store.close();
  });
});
