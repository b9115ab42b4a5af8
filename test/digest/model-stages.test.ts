import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmServices } from '../../src/llm/index.js';
import { createLlmStages, modelStagesFor } from '../../src/digest/model-stages.js';
import type { InterestProfile, RankedPaper } from '../../src/types.js';
import { silentLogger } from '../../src/logger.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { makePaper } from '../llm/support/papers.js';
import { paperbotResponder } from '../llm/support/responder.js';
import { clientFor } from '../llm/support/setup.js';
import { memoryKv } from '../llm/support/memory-kv.js';

const profile: InterestProfile = { interests: 'diffusion models for video', include: [], exclude: [], follow: [], feedback: [] };
const ranked: RankedPaper[] = Array.from({ length: 20 }, (_, i) => ({
  paper: makePaper(`2604.000${String(i).padStart(2, '0')}`, {
    title: i % 4 === 0 ? `Video diffusion models at scale ${i}` : `Tabular data cleaning ${i}`,
    abstract: i % 4 === 0 ? 'Diffusion models generate video.' : 'We clean tables.',
  }),
  score: 1 - i / 20,
  why: `lexical ${i}`,
}));
const ctx = { channelKey: 'console:c1', date: '2026-08-03' };

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

describe('createLlmStages', () => {
  it('reranks, summarizes with a themes line and reports the run tokens; a second run costs no tokens', async () => {
    const { llm, kv } = clientFor(server);
    const stages = createLlmStages({ llm, kv, logger: silentLogger, shortlistSize: 8 });
    const r = await stages.rerank!(ranked, profile, ctx);
    expect(r.notes).toEqual([]);
    expect(r.ranked[0]!.paper.title).toMatch(/^Video diffusion/);
    const shown = r.ranked.slice(0, 3).map((x) => x.paper);
    const s = await stages.summarize!(shown);
    expect(s.summaries.size).toBe(3);
    expect(s.themes).toBe('Themes across 3 papers');
    expect(stages.tokens!()).toEqual({ prompt: server.usage.prompt, completion: server.usage.completion });
    expect(stages.figures().calls).toBe(server.usage.calls);

    const before = server.usage.prompt;
    const again = createLlmStages({ llm, kv, logger: silentLogger, shortlistSize: 8 });
    const r2 = await again.rerank!(ranked, profile, ctx);
    const s2 = await again.summarize!(r2.ranked.slice(0, 3).map((x) => x.paper));
    expect(server.usage.prompt).toBe(before);
    expect(again.tokens!()).toBeUndefined();
    expect([...s2.summaries.values()]).toEqual([...s.summaries.values()]);
    expect(s2.themes).toBe(s.themes);
  });

  it('degrades both stages at the run deadline, with notes, and never throws', async () => {
    server.setChat(() => ({ json: {}, delayMs: 2_000 }));
    const { llm, kv } = clientFor(server);
    const stages = createLlmStages({ llm, kv, logger: silentLogger, shortlistSize: 8, deadlineMs: 60 });
    const r = await stages.rerank!(ranked, profile, ctx);
    expect(r.ranked).toEqual(ranked);
    expect(r.notes[0]!.text).toMatch(/deadline/);
    const s = await stages.summarize!(ranked.slice(0, 3).map((x) => x.paper));
    expect(s.summaries.size).toBe(0);
    expect(s.themes).toBeUndefined();
    expect(s.notes).toHaveLength(1);
  });

  it('says "budget reached" once per digest when the day is spent', async () => {
    const kv = memoryKv();
    const { llm, ledger } = clientFor(server, { kv, dailyBudget: 5 });
    await ledger.record({ prompt: 5, completion: 0 }, 'chat');
    const stages = createLlmStages({ llm, kv, logger: silentLogger, shortlistSize: 8 });
    const r = await stages.rerank!(ranked, profile, ctx);
    const s = await stages.summarize!(ranked.slice(0, 3).map((x) => x.paper));
    expect([...r.notes, ...s.notes]).toEqual([
      { kind: 'budget', text: 'Daily model token budget reached: ranked by keywords and popularity only.' },
    ]);
    expect(server.chatRequests).toHaveLength(0);
  });
});

describe('createLlmServices', () => {
  it('wires one client, the ledger and the summary model from config into the digest stages', async () => {
    const kv = memoryKv();
    const services = createLlmServices(
      {
        apiKey: 'k',
        baseURL: server.baseURL,
        model: 'big',
        summaryModel: 'small',
        timeoutMs: 5000,
        shortlistSize: 4,
        dailyTokenBudget: 1_000_000,
      },
      { kv, logger: silentLogger, clock: { now: () => new Date('2026-08-03T09:00:00Z') } },
    );
    const stages = modelStagesFor(services);
    await stages.rerank!(ranked, profile, ctx);
    await stages.summarize!(ranked.slice(0, 2).map((x) => x.paper));
    const models = server.chatRequests.map((r) => `${r.schemaName}:${r.model}`);
    expect(models).toContain('judge:big');
    expect(models).toContain('summarize:small');
    expect(models).toContain('themes:small');
    expect(server.chatRequests.filter((r) => r.schemaName === 'judge').flatMap((r) => r.user.match(/<paper id=/g))).toHaveLength(4);
    const totals = services.ledger.totals();
    expect(totals.prompt).toBe(server.usage.prompt);
    expect(totals.calls).toBe(server.usage.calls);
    expect((await services.ledger.today()).prompt).toBe(server.usage.prompt);
    expect(kv.map.has('tokens:2026-08-03')).toBe(true);
  });
});
