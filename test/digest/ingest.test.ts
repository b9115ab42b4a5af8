import { describe, expect, it } from 'vitest';
import type { PaperSource } from '../../src/ports.js';
import { ManualClock } from '../../src/clock.js';
import { silentLogger } from '../../src/logger.js';
import { createMemoryBotStore } from '../../src/store/index.js';
import { ingest, type DigestDeps } from '../../src/digest/prepare-digest.js';
import { loadSourceStatuses } from '../../src/digest/source-status.js';
import { SourceError } from '../../src/errors.js';
import { makePaper } from '../store/helpers.js';
import { tempCorpus } from '../support/corpus.js';
import { currentVocabulary } from '../../src/rank/vocabulary.js';

async function depsWith(sources: Record<string, PaperSource>): Promise<DigestDeps> {
  return {
    store: createMemoryBotStore(),
    corpus: await tempCorpus(),
    sourceFor: (name) => {
      const s = sources[name];
      if (!s) throw new Error(`unknown source ${name}`);
      return s;
    },
    defaultSources: Object.keys(sources),
    clock: new ManualClock('2026-06-12T09:00:00Z'),
    logger: silentLogger,
  };
}

const failing = (name: string): PaperSource => ({
  name,
  fetch: async () => {
    throw new SourceError(name, 'HTTP 503');
  },
});

describe('ingest', () => {
  it('stores fetched papers in the corpus and records each source status', async () => {
    let papers = [makePaper('2606.00001'), makePaper('2606.00002')];
    const hf: PaperSource = { name: 'hf', fetch: async () => ({ source: 'hf', papers: structuredClone(papers) }) };
    const deps = await depsWith({ hf, 'arxiv:cs.LG': failing('arxiv:cs.LG') });
    const first = await ingest(deps, ['hf', 'arxiv:cs.LG'], '2026-06-12');
    expect(first).toMatchObject({ added: 2, failedSources: ['arxiv:cs.LG'], allFailed: false });
    expect(await deps.corpus.count()).toBe(2);

    papers = papers.map((p) => (p.id === '2606.00001' ? { ...p, signals: { upvotes: 50 } } : p));
    const again = await ingest(deps, ['hf'], '2026-06-12');
    expect(again.added).toBe(0);
    expect((await deps.corpus.getPaper('2606.00001'))?.signals.upvotes).toBe(50);

    const [hfStatus, arxivStatus] = await loadSourceStatuses(deps.store.kv, ['hf', 'arxiv:cs.LG']);
    expect(hfStatus).toMatchObject({ failures: 0, lastSuccessDate: '2026-06-12', lastPapers: 2 });
    expect(arxivStatus).toMatchObject({ failures: 1 });
    expect(arxivStatus!.lastError).toMatch(/HTTP 503/);
  });

  it('analyzes the fetched papers for ranking, so the first channel ranked does not pay for it', async () => {
    const paper = { ...makePaper('2606.00003'), abstract: 'We study zorblaxification of quantum lattices.' };
    const hf: PaperSource = { name: 'hf', fetch: async () => ({ source: 'hf', papers: [structuredClone(paper)] }) };
    expect(currentVocabulary().find('zorblaxific')).toBe(-1);
    await ingest(await depsWith({ hf }), ['hf'], '2026-06-12');
    expect(currentVocabulary().find('zorblaxific')).toBeGreaterThanOrEqual(0);
  });

  it('says allFailed only when every source asked failed', async () => {
    const deps = await depsWith({ hf: failing('hf'), 'arxiv:cs.LG': failing('arxiv:cs.LG') });
    const result = await ingest(deps, ['hf', 'arxiv:cs.LG', 'nope'], '2026-06-12');
    expect(result.allFailed).toBe(true);
    expect(result.failedSources.sort()).toEqual(['arxiv:cs.LG', 'hf', 'nope']);
  });

  it('skips a source another process holds the lock of, and releases the locks it took', async () => {
    let fetched = 0;
    const hf: PaperSource = { name: 'hf', fetch: async () => (fetched++, { source: 'hf', papers: [makePaper('2606.00009')] }) };
    const deps = await depsWith({ hf });
    const released: string[] = [];
    let busy = true;
    deps.sourceLock = async (name) => (busy ? undefined : { release: async () => void released.push(name) });
    const skipped = await ingest(deps, ['hf'], '2026-06-12');
    expect(skipped).toMatchObject({ busySources: ['hf'], allFailed: false });
    expect(fetched).toBe(0);
    busy = false;
    await ingest(deps, ['hf'], '2026-06-12');
    expect(fetched).toBe(1);
    expect(released).toEqual(['hf']);
  });
});
