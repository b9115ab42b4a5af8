import { describe, expect, it } from 'vitest';
import type { PaperSource } from '../../src/ports.js';
import type { SourceQuery, SourceResult } from '../../src/types.js';
import { ManualClock } from '../../src/clock.js';
import { SourceError } from '../../src/errors.js';
import { shareFetches } from '../../src/sources/shared-fetches.js';

function countingSource(answers: Array<SourceResult | Error>): PaperSource & { calls: SourceQuery[] } {
  const calls: SourceQuery[] = [];
  return {
    name: 'arxiv:cs.LG',
    calls,
    async fetch(query) {
      calls.push(query);
      const next = answers[Math.min(calls.length - 1, answers.length - 1)]!;
      if (next instanceof Error) throw next;
      return structuredClone(next);
    },
  };
}

const ok: SourceResult = { source: 'arxiv:cs.LG', papers: [{ id: '2606.00001', title: 'A', abstract: 'x', authors: [], categories: [], links: {}, signals: {}, sources: ['arxiv:cs.LG'] } as never] };

describe('shareFetches', () => {
  it('serves concurrent and repeated fetches of one day from one request, each caller its own copy', async () => {
    const inner = countingSource([ok]);
    const shared = shareFetches(inner, new ManualClock('2026-06-12T09:00:00Z'));
    const [a, b] = await Promise.all([shared.fetch({ date: '2026-06-12' }), shared.fetch({ date: '2026-06-12' })]);
    const c = await shared.fetch({ date: '2026-06-12' });
    expect(inner.calls).toHaveLength(1);
    expect(a.papers[0]!.id).toBe('2606.00001');
    (b.papers[0] as { title: string }).title = 'changed by one channel';
    expect(c.papers[0]!.title).toBe('A');
    await shared.fetch({ date: '2026-06-13' });
    expect(inner.calls).toHaveLength(2);
  });

  it('fetches again after the time to live, and never keeps failures or partial results', async () => {
    const clock = new ManualClock('2026-06-12T09:00:00Z');
    const inner = countingSource([new SourceError('arxiv:cs.LG', 'HTTP 503'), { ...ok, partial: 'page 2 failed' }, ok]);
    const shared = shareFetches(inner, clock, 60_000);
    await expect(shared.fetch({ date: '2026-06-12' })).rejects.toThrow(/503/);
    expect((await shared.fetch({ date: '2026-06-12' })).partial).toBe('page 2 failed');
    expect((await shared.fetch({ date: '2026-06-12' })).partial).toBeUndefined();
    await shared.fetch({ date: '2026-06-12' });
    expect(inner.calls).toHaveLength(3);
    clock.advance(61_000);
    await shared.fetch({ date: '2026-06-12' });
    expect(inner.calls).toHaveLength(4);
  });
});
