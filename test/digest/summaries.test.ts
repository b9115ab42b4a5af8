import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { summarizePapers, themesOfTheDay } from '../../src/digest/summaries.js';
import { silentLogger } from '../../src/logger.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { makePaper } from '../llm/support/papers.js';
import { paperbotResponder, papersIn } from '../llm/support/responder.js';
import { clientFor } from '../llm/support/setup.js';
import { memoryKv } from '../llm/support/memory-kv.js';

let server: FakeOpenAiServer;
beforeAll(async () => {
  server = await startFakeOpenAiServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  server.setChat(paperbotResponder());
});

const papers = Array.from({ length: 7 }, (_, i) => makePaper(`2602.0000${i}`));

describe('summarizePapers', () => {
  it('makes TL;DRs in batches, caches them, and a second run (any channel) costs no tokens', async () => {
    const { llm, kv } = clientFor(server);
    const first = await summarizePapers(papers, { llm, kv, logger: silentLogger, batchSize: 5 });
    expect(server.chatRequests).toHaveLength(2);
    expect(server.chatRequests.every((r) => r.schemaName === 'summarize')).toBe(true);
    expect(first.summaries.size).toBe(7);
    expect(first.summaries.get('2602.00003')).toEqual({ text: 'New method in 2602.00003; shown on benchmarks.', source: 'llm' });
    expect(first.generated).toBe(7);
    expect(first.notes).toEqual([]);
    expect(first.usage.prompt).toBe(server.usage.prompt);

    // Another channel showing some of the same papers, plus one new paper.
    const again = await summarizePapers([papers[2]!, papers[5]!, makePaper('2602.00099')], { llm, kv, logger: silentLogger });
    expect(again.cached).toBe(2);
    expect(again.generated).toBe(1);
    expect(papersIn(server.chatRequests[2]!).map((p) => p.id)).toEqual(['2602.00099']);

    // The same day again: zero new tokens.
    server.reset();
    const rerun = await summarizePapers(papers, { llm, kv, logger: silentLogger });
    expect(rerun.usage).toEqual({ prompt: 0, completion: 0 });
    expect(server.chatRequests).toHaveLength(0);
    expect(rerun.summaries.size).toBe(7);
  });

  it('keys the cache by model: another summary model makes its own', async () => {
    const { llm, kv } = clientFor(server);
    await summarizePapers(papers.slice(0, 2), { llm, kv, logger: silentLogger });
    await summarizePapers(papers.slice(0, 2), { llm: llm.withModel('other-model'), kv, logger: silentLogger });
    expect(server.chatRequests.map((r) => r.model)).toEqual(['judge-model', 'other-model']);
  });

  it('leaves out papers the model skipped and drops unknown ids (they use the fallback TL;DR)', async () => {
    server.setChat((req) => ({
      json: {
        summaries: [
          { id: 'not-given', tldr: 'invented' },
          ...papersIn(req)
            .slice(1)
            .map((p) => ({ id: p.id, tldr: `tldr ${p.id}` })),
        ],
      },
    }));
    const { llm, kv } = clientFor(server);
    const result = await summarizePapers(papers.slice(0, 3), { llm, kv, logger: silentLogger });
    expect([...result.summaries.keys()]).toEqual(['2602.00001', '2602.00002']);
    expect(result.notes).toEqual([]);
  });

  it('keeps what it has and adds one note when the model fails mid-way', async () => {
    const good = paperbotResponder();
    server.setChat((req) =>
      req.index === 0 ? good(req) : { status: 500, error: { message: 'down' }, headers: { 'x-should-retry': 'false' } },
    );
    const { llm, kv } = clientFor(server);
    const result = await summarizePapers(papers, { llm, kv, logger: silentLogger, batchSize: 3, concurrency: 1 });
    expect(result.summaries.size).toBe(3);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]!.kind).toBe('llm-degraded');
    expect(result.notes[0]!.text).toMatch(/some TL;DRs come from Hugging Face or the abstract/);
    expect(server.chatRequests).toHaveLength(2); // no batch starts after the failure
  });

  it('makes no calls and notes the budget when the day is spent', async () => {
    const kv = memoryKv();
    const { llm, ledger } = clientFor(server, { kv, dailyBudget: 10 });
    await ledger.record({ prompt: 10, completion: 0 }, 'chat');
    const result = await summarizePapers(papers, { llm, kv, logger: silentLogger });
    expect(server.chatRequests).toHaveLength(0);
    expect(result.summaries.size).toBe(0);
    expect(result.notes).toEqual([
      { kind: 'budget', text: 'Daily model token budget reached: some TL;DRs come from Hugging Face or the abstract.' },
    ]);
  });
});

describe('themesOfTheDay', () => {
  it('writes one line from titles and TL;DRs, cached for the same set of papers', async () => {
    const { llm, kv } = clientFor(server);
    const items = papers.slice(0, 3).map((paper) => ({ paper, tldr: `short ${paper.id}` }));
    const first = await themesOfTheDay(items, { llm, kv, logger: silentLogger });
    expect(first.themes).toBe('Themes across 3 papers');
    expect(server.chatRequests[0]!.schemaName).toBe('themes');
    expect(server.chatRequests[0]!.user).toContain('short 2602.00001');
    const again = await themesOfTheDay([...items].reverse(), { llm, kv, logger: silentLogger });
    expect(again.themes).toBe('Themes across 3 papers');
    expect(again.usage.prompt).toBe(0);
    expect(server.chatRequests).toHaveLength(1);
  });

  it('skips a single paper and fails soft with a note', async () => {
    const { llm, kv } = clientFor(server);
    expect((await themesOfTheDay([{ paper: papers[0]! }], { llm, kv, logger: silentLogger })).themes).toBeUndefined();
    expect(server.chatRequests).toHaveLength(0);
    server.setChat(() => ({ refusal: 'no' }));
    const failed = await themesOfTheDay(papers.slice(0, 2).map((paper) => ({ paper })), { llm, kv, logger: silentLogger });
    expect(failed.themes).toBeUndefined();
    expect(failed.notes[0]!.text).toMatch(/refused.*no themes line today/);
  });
});
