import { describe, expect, it } from 'vitest';
import type { PaperIndex, PaperSource } from '../../src/ports.js';
import type { Paper } from '../../src/types.js';
import { ManualClock } from '../../src/clock.js';
import { silentLogger } from '../../src/logger.js';
import { createMemoryBotStore } from '../../src/store/index.js';
import { createPaperIndex } from '../../src/search/paper-index.js';
import { ingest, type DigestDeps } from '../../src/digest/prepare-digest.js';
import { makePaper } from '../store/helpers.js';

function countingIndex(): PaperIndex & { added: string[] } {
  const inner = createPaperIndex();
  const added: string[] = [];
  return {
    added,
    add(batch: Paper[]) {
      added.push(...batch.map((p) => p.id));
      inner.add(batch);
    },
    has: (id) => inner.has(id),
    get size() {
      return inner.size;
    },
    search: (q, o) => inner.search(q, o),
  };
}

describe('ingest', () => {
  it('indexes a shared fetch once: later channels re-ingesting unchanged papers re-analyze nothing', async () => {
    let papers = [makePaper('2606.00001'), makePaper('2606.00002')];
    const source: PaperSource = { name: 'hf', fetch: async () => ({ source: 'hf', papers: structuredClone(papers) }) };
    const index = countingIndex();
    const deps: DigestDeps = {
      store: createMemoryBotStore(),
      index,
      sourceFor: () => source,
      defaultSources: ['hf'],
      clock: new ManualClock('2026-06-12T09:00:00Z'),
      logger: silentLogger,
    };
    await ingest(deps, ['hf'], '2026-06-12');
    await ingest(deps, ['hf'], '2026-06-12');
    expect(index.added.sort()).toEqual(['2606.00001', '2606.00002']);

    // A new paper is indexed alone; a changed one (new upvotes) gets the stored, merged version.
    papers = [...papers, makePaper('2606.00003')];
    await ingest(deps, ['hf'], '2026-06-12');
    expect(index.added.filter((id) => id === '2606.00003')).toHaveLength(1);
    expect(index.added).toHaveLength(3);
    papers = papers.map((p) => (p.id === '2606.00001' ? { ...p, signals: { upvotes: 50 } } : p));
    const result = await ingest(deps, ['hf'], '2026-06-12');
    expect(result.updated).toBe(1);
    expect(index.added.filter((id) => id === '2606.00001')).toHaveLength(2);
  });
});
