import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rankWithJudge } from '../../src/rank/rank-with-judge.js';
import { rankLexical } from '../../src/rank/lexical.js';
import type { InterestProfile, RankedPaper } from '../../src/types.js';
import { silentLogger } from '../../src/logger.js';
import { hashEmbedding, startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { makePaper } from '../llm/support/papers.js';
import { paperbotResponder, papersIn } from '../llm/support/responder.js';
import { clientFor } from '../llm/support/setup.js';
import { captureLogger } from '../llm/support/capture-logger.js';
import { memoryKv } from '../llm/support/memory-kv.js';

const profile: InterestProfile = {
  interests: 'reinforcement learning for language model reasoning',
  include: [],
  exclude: ['robotics'],
  follow: [],
  feedback: [],
};

/** 40 papers ranked lexically: p00 best … p34 weakest with score > 0, then five at 0. */
function lexicalRanking(): RankedPaper[] {
  return Array.from({ length: 40 }, (_, i) => {
    const id = `2601.${String(i).padStart(5, '0')}`;
    const onTopic = i % 7 === 3; // a few papers the judge will love, spread through the list
    const paper = makePaper(id, {
      title: onTopic ? `Reinforcement learning improves language model reasoning (${i})` : `A study of graph coloring (${i})`,
      abstract: onTopic
        ? 'We apply reinforcement learning to language model reasoning and show gains on math benchmarks.'
        : 'We study graph coloring heuristics on sparse graphs.',
    });
    return { paper, score: i < 35 ? 1 - i / 40 : 0, why: `lexical ${i}`, parts: (i >= 35 ? { excluded: 1 } : {}) as Record<string, number> };
  });
}

let server: FakeOpenAiServer;
beforeAll(async () => {
  server = await startFakeOpenAiServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  server.setRejectJsonSchema(false);
  server.setChat(paperbotResponder());
});

const ids = (ranked: RankedPaper[]) => ranked.map((r) => r.paper.id);

describe('rankWithJudge', () => {
  it('judges only the shortlist, in batches, and blends the judge into the final order', async () => {
    const { llm, kv } = clientFor(server);
    const lexical = lexicalRanking();
    const result = await rankWithJudge(lexical, profile, { llm, kv, logger: silentLogger, shortlistSize: 12, batchSize: 5 });

    expect(server.chatRequests).toHaveLength(3); // 12 papers in batches of 5
    const judged = server.chatRequests.flatMap((r) => papersIn(r).map((p) => p.id));
    expect(judged.sort()).toEqual(ids(lexical.slice(0, 12)).sort());
    expect(server.chatRequests.every((r) => r.schemaName === 'judge')).toBe(true);

    expect(result.degraded).toBe(false);
    expect(result.notes).toEqual([]);
    expect(result.judged).toBe(12);
    expect(result.ranked).toHaveLength(40);
    expect(new Set(ids(result.ranked)).size).toBe(40);
    // The on-topic papers in the shortlist (3 and 10) now lead, with the judge's reason as why.
    expect(ids(result.ranked.slice(0, 2))).toEqual(['2601.00003', '2601.00010']);
    expect(result.ranked[0]!.why).toMatch(/^On topic for 2601.00003 \(judge \d+\/10/);
    // Unjudged papers follow in lexical order, never above a judged one.
    expect(ids(result.ranked.slice(12))).toEqual(ids(lexical.slice(12)));
    const minJudged = Math.min(...result.ranked.slice(0, 12).map((r) => r.score));
    expect(Math.max(...result.ranked.slice(12).map((r) => r.score))).toBeLessThan(minJudged);
    expect(result.usage.prompt).toBe(server.usage.prompt);
    expect(result.usage.completion).toBe(server.usage.completion);
  });

  it('reuses cached verdicts for the same profile: a re-run makes no calls', async () => {
    const { llm, kv } = clientFor(server);
    const first = await rankWithJudge(lexicalRanking(), profile, { llm, kv, logger: silentLogger, shortlistSize: 10 });
    const calls = server.chatRequests.length;
    const again = await rankWithJudge(lexicalRanking(), profile, { llm, kv, logger: silentLogger, shortlistSize: 10 });
    expect(server.chatRequests.length).toBe(calls);
    expect(again.calls).toBe(0);
    expect(again.usage.prompt).toBe(0);
    expect(ids(again.ranked)).toEqual(ids(first.ranked));
    // Another channel's interests are judged afresh.
    await rankWithJudge(lexicalRanking(), { ...profile, interests: 'graph coloring' }, { llm, kv, logger: silentLogger, shortlistSize: 10 });
    expect(server.chatRequests.length).toBeGreaterThan(calls);
  });

  it('degrades to the lexical order with a note when the server answers 500', async () => {
    server.setChat(() => ({ status: 500, error: { message: 'upstream exploded' }, headers: { 'retry-after-ms': '1' } }));
    const { llm, kv } = clientFor(server, { maxRetries: 1 });
    const lexical = lexicalRanking();
    const result = await rankWithJudge(lexical, profile, { llm, kv, logger: silentLogger, shortlistSize: 10 });
    expect(result.degraded).toBe(true);
    expect(result.ranked).toEqual(lexical);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]!.kind).toBe('llm-degraded');
    expect(result.notes[0]!.text).toMatch(/500.*ranked by keywords and popularity only/);
  });

  it('degrades with a note on 429 after retries', async () => {
    server.setChat(() => ({ status: 429, error: { message: 'rate limited' }, headers: { 'retry-after-ms': '1' } }));
    const { llm, kv } = clientFor(server, { maxRetries: 2 });
    const result = await rankWithJudge(lexicalRanking(), profile, { llm, kv, logger: silentLogger, shortlistSize: 10, batchSize: 10 });
    expect(result.degraded).toBe(true);
    expect(ids(result.ranked)).toEqual(ids(lexicalRanking()));
    expect(result.notes[0]!.text).toMatch(/429/);
    expect(server.chatRequests).toHaveLength(3); // one batch: 1 try + 2 retries, then no more batches
  });

  it('repairs invalid JSON once and still judges', async () => {
    const good = paperbotResponder();
    server.setChat((req) => (req.index === 0 ? { content: '{"judgements": [ oops' } : good(req)));
    const { llm, kv } = clientFor(server);
    const result = await rankWithJudge(lexicalRanking(), profile, { llm, kv, logger: silentLogger, shortlistSize: 10, batchSize: 10 });
    expect(result.degraded).toBe(false);
    expect(result.judged).toBe(10);
    expect(server.chatRequests).toHaveLength(2);
    expect(server.chatRequests[1]!.user).toMatch(/not valid JSON/);
  });

  it('degrades when output stays invalid after the repair', async () => {
    server.setChat(() => ({ json: { judgements: [{ id: 'x', score: 'high' }] } }));
    const { llm, kv } = clientFor(server);
    const result = await rankWithJudge(lexicalRanking(), profile, { llm, kv, logger: silentLogger, shortlistSize: 10, batchSize: 10 });
    expect(result.degraded).toBe(true);
    expect(ids(result.ranked)).toEqual(ids(lexicalRanking()));
    expect(result.notes[0]!.text).toMatch(/invalid output after one repair/);
  });

  it('degrades on a refusal', async () => {
    server.setChat(() => ({ refusal: 'I cannot rank papers.' }));
    const { llm, kv } = clientFor(server);
    const result = await rankWithJudge(lexicalRanking(), profile, { llm, kv, logger: silentLogger, shortlistSize: 10 });
    expect(result.degraded).toBe(true);
    expect(result.notes[0]!.text).toMatch(/refused/);
  });

  it('degrades on a timeout (server slower than the timeout)', async () => {
    server.setChat(() => ({ json: { judgements: [] }, delayMs: 1_000 }));
    const { llm, kv } = clientFor(server, { config: { timeoutMs: 80 }, maxRetries: 0 });
    const result = await rankWithJudge(lexicalRanking(), profile, { llm, kv, logger: silentLogger, shortlistSize: 10 });
    expect(result.degraded).toBe(true);
    expect(ids(result.ranked)).toEqual(ids(lexicalRanking()));
    expect(result.notes[0]!.text).toMatch(/timed out/);
  });

  it('stops at the run deadline without calling the server', async () => {
    const { llm, kv } = clientFor(server);
    const result = await rankWithJudge(lexicalRanking(), profile, {
      llm,
      kv,
      logger: silentLogger,
      shortlistSize: 10,
      signal: AbortSignal.abort(),
    });
    expect(result.degraded).toBe(true);
    expect(result.notes[0]!.text).toMatch(/deadline/);
    expect(server.chatRequests).toHaveLength(0);
  });

  it('makes no calls once the daily budget is spent, and says so with a budget note', async () => {
    const kv = memoryKv();
    const { llm, ledger } = clientFor(server, { kv, dailyBudget: 1 });
    await ledger.record({ prompt: 5, completion: 0 }, 'chat');
    const result = await rankWithJudge(lexicalRanking(), profile, { llm, kv, logger: silentLogger, shortlistSize: 10 });
    expect(server.chatRequests).toHaveLength(0);
    expect(result.degraded).toBe(true);
    expect(ids(result.ranked)).toEqual(ids(lexicalRanking()));
    expect(result.notes).toEqual([
      { kind: 'budget', text: 'Daily model token budget reached: ranked by keywords and popularity only.' },
    ]);
  });

  it('sends at most 10 papers per call, shuffled the same way every time, at temperature 0 with a fixed seed', async () => {
    const { llm } = clientFor(server);
    await rankWithJudge(lexicalRanking(), profile, { llm, logger: silentLogger, shortlistSize: 25, batchSize: 50 });
    const first = server.chatRequests.map((r) => papersIn(r).map((p) => p.id));
    expect(first.map((b) => b.length)).toEqual([10, 10, 5]);
    expect(first.flat().sort()).toEqual(ids(lexicalRanking().slice(0, 25)).sort());
    // Positions do not follow the lexical order …
    expect(first.flat()).not.toEqual(ids(lexicalRanking().slice(0, 25)));
    for (const r of server.chatRequests) expect(r.body).toMatchObject({ temperature: 0, seed: expect.any(Number) });
    // … but are the same on a re-run (no cache here).
    server.reset();
    await rankWithJudge(lexicalRanking(), profile, { llm, logger: silentLogger, shortlistSize: 25, batchSize: 50 });
    expect(server.chatRequests.map((r) => papersIn(r).map((p) => p.id))).toEqual(first);
  });

  it('keeps the verdicts of the batches that succeeded when another fails', async () => {
    const respond = paperbotResponder();
    server.setChat((req) => (req.index === 0 ? { status: 400, error: { message: 'bad batch' } } : respond(req)));
    const { llm } = clientFor(server);
    const result = await rankWithJudge(lexicalRanking(), profile, { llm, logger: silentLogger, shortlistSize: 20, batchSize: 10 });
    expect(result.degraded).toBe(false);
    expect(result.judged).toBe(10);
    expect(result.notes).toEqual([
      { kind: 'llm-degraded', text: 'The model judged 10 of 20 shortlisted papers; the rest are ranked by keywords and popularity.' },
    ]);
  });

  it('drops and logs unknown ids; papers the judge skipped follow the judged ones in lexical order', async () => {
    server.setChat((req) => {
      const papers = papersIn(req);
      return {
        json: {
          judgements: [
            { id: 'made-up-id', score: 10, reason: 'invented' },
            // The judge skips the two lexically best papers and scores the rest.
            ...papers.filter((p) => p.id !== '2601.00000' && p.id !== '2601.00001').map((p) => ({ id: p.id, score: p.id === '2601.00009' ? 10 : 3, reason: `ok ${p.id}` })),
          ],
        },
      };
    });
    const logger = captureLogger();
    const { llm, kv } = clientFor(server);
    const result = await rankWithJudge(lexicalRanking(), profile, { llm, kv, logger, shortlistSize: 10, batchSize: 10 });
    expect(result.degraded).toBe(false);
    expect(result.judged).toBe(8);
    expect(ids(result.ranked)).not.toContain('made-up-id');
    expect(result.ranked).toHaveLength(40);
    expect(result.ranked[0]!.paper.id).toBe('2601.00009');
    expect(ids(result.ranked.slice(8, 12))).toEqual(['2601.00000', '2601.00001', '2601.00010', '2601.00011']);
    expect(result.ranked[8]!.why).toBe('lexical 0');
    expect(result.ranked[8]!.score).toBeLessThan(result.ranked[7]!.score);
    const warn = logger.lines.filter((l) => l.level === 'warn').map((l) => [l.msg, l.fields.ids]);
    expect(warn).toContainEqual(['judge returned unknown paper ids; dropped', ['made-up-id']]);
    expect(warn).toContainEqual(['judge skipped papers; they keep their lexical rank', ['2601.00000', '2601.00001']]);
  });

  it('degrades when the judge returns only unknown ids', async () => {
    server.setChat(() => ({ json: { judgements: [{ id: 'nope', score: 9, reason: 'x' }] } }));
    const { llm, kv } = clientFor(server);
    const result = await rankWithJudge(lexicalRanking(), profile, { llm, kv, logger: silentLogger, shortlistSize: 5 });
    expect(result.degraded).toBe(true);
    expect(ids(result.ranked)).toEqual(ids(lexicalRanking()));
    expect(result.notes[0]!.kind).toBe('llm-degraded');
  });

  it('works against a server without json_schema (json_object fallback)', async () => {
    server.setRejectJsonSchema(true);
    const { llm, kv } = clientFor(server);
    const result = await rankWithJudge(lexicalRanking(), profile, { llm, kv, logger: silentLogger, shortlistSize: 10, batchSize: 10 });
    expect(result.degraded).toBe(false);
    expect(result.ranked[0]!.paper.id).toBe('2601.00003');
    expect(server.chatRequests.map((r) => r.responseFormat?.type)).toEqual(['json_schema', 'json_object']);
  });

  it('fuses embedding similarity into the shortlist and caches vectors per paper', async () => {
    const lexical = lexicalRanking();
    // A paper the keywords missed (score 0, not excluded) but whose text is close to the interests.
    const hidden = makePaper('2601.99999', {
      title: 'Reinforcement learning for language model reasoning',
      abstract: 'reinforcement learning language model reasoning',
    });
    lexical.push({ paper: hidden, score: 0, why: 'no keyword match', parts: {} });
    const { llm, kv } = clientFor(server);
    const embeddings = { embedder: llm, model: 'emb-model' };
    const result = await rankWithJudge(lexical, profile, { llm, kv, logger: silentLogger, shortlistSize: 15, embeddings });

    expect(server.embeddingRequests.every((r) => r.encodingFormat === 'float')).toBe(true);
    const embedded = server.embeddingRequests.flatMap((r) => r.input);
    // Interests once, then every candidate except the excluded ones (35 + the hidden paper).
    expect(embedded).toHaveLength(1 + 36);
    const judged = server.chatRequests.flatMap((r) => papersIn(r).map((p) => p.id));
    expect(judged).toHaveLength(15);
    expect(judged).toContain('2601.99999');
    expect(judged).not.toContain('2601.00036'); // excluded by the lexical ranker
    expect(result.usage.embedding).toBe(server.embeddingUsage.prompt);
    // Judged on topic, it now ranks above every off-topic paper.
    const pos = ids(result.ranked).indexOf('2601.99999');
    expect(result.ranked.slice(0, pos).every((r) => r.paper.title.startsWith('Reinforcement'))).toBe(true);

    // Vectors are cached per paper: another channel embeds only its interests.
    server.reset();
    await rankWithJudge(lexical, { ...profile, interests: 'graph coloring heuristics' }, {
      llm,
      kv,
      logger: silentLogger,
      shortlistSize: 10,
      embeddings,
    });
    expect(server.embeddingRequests.flatMap((r) => r.input)).toEqual(['graph coloring heuristics']);
    expect(hashEmbedding('x')).toHaveLength(64);
  });

  it('expands the interests once per interest text and ranks with the expansion before shortlisting', async () => {
    const respond = paperbotResponder();
    server.setChat((req) =>
      req.schemaName === 'expand-interests'
        ? { json: { terms: ['grazing herbivores', 'kelp'], longForms: [{ short: 'SOC', long: 'soil organic carbon' }] } }
        : respond(req),
    );
    const papers = [
      makePaper('2601.70001', { title: 'Sea urchin grazing herbivores and kelp', abstract: 'Grazing herbivores thin kelp forests.' }),
      makePaper('2601.70002', { title: 'Tilling and soil organic carbon', abstract: 'No-till farming keeps soil organic carbon.' }),
      makePaper('2601.70003', { title: 'Galaxy rotation curves', abstract: 'Dark matter halos.' }),
    ];
    const typed: InterestProfile = { interests: 'what eats seaweed, SOC', include: [], exclude: [], follow: [], feedback: [] };
    const lexical = rankLexical(papers, typed);
    expect(lexical[0]!.parts?.relevance ?? 0).toBeLessThan(0.25);
    const { llm, kv } = clientFor(server);
    const result = await rankWithJudge(lexical, typed, { llm, kv, logger: silentLogger, shortlistSize: 2, expandInterests: true });
    const expansionCalls = () => server.chatRequests.filter((r) => r.schemaName === 'expand-interests');
    expect(expansionCalls()).toHaveLength(1);
    expect(expansionCalls()[0]!.body).toMatchObject({ temperature: 0 });
    const judged = server.chatRequests.filter((r) => r.schemaName === 'judge').flatMap((r) => papersIn(r).map((p) => p.id));
    expect(judged.sort()).toEqual(['2601.70001', '2601.70002']);
    expect(result.ranked.map((r) => r.paper.id).at(-1)).toBe('2601.70003');
    server.reset();
    await rankWithJudge(lexical, typed, { llm, kv, logger: silentLogger, shortlistSize: 2, expandInterests: true });
    expect(expansionCalls()).toHaveLength(0);
  });

  it('example papers join the shortlist through their embeddings', async () => {
    const lexical = lexicalRanking();
    const example = makePaper('2601.88888', { title: 'Glacier basal sliding over meltwater', abstract: 'subglacial meltwater drainage controls basal sliding of glaciers' });
    const twin = makePaper('2601.88889', { title: 'Glacier basal sliding over meltwater', abstract: 'subglacial meltwater drainage controls basal sliding of glaciers' });
    lexical.push({ paper: twin, score: 0, why: 'no keyword match', parts: {} });
    const { llm, kv } = clientFor(server);
    const embeddings = { embedder: llm, model: 'emb-model' };
    await rankWithJudge(lexical, { ...profile, interests: 'graph coloring heuristics', examples: [example] }, {
      llm, kv, logger: silentLogger, shortlistSize: 15, embeddings,
    });
    expect(server.embeddingRequests.flatMap((r) => r.input).some((t) => t.startsWith('Glacier basal sliding'))).toBe(true);
    expect(server.chatRequests.flatMap((r) => papersIn(r).map((p) => p.id))).toContain('2601.88889');
  });

  it('falls back to the lexical shortlist when embeddings fail, and still judges', async () => {
    server.setEmbeddings(() => ({ status: 500, error: { message: 'no embeddings here' }, headers: { 'x-should-retry': 'false' } }));
    const { llm, kv } = clientFor(server);
    const result = await rankWithJudge(lexicalRanking(), profile, {
      llm,
      kv,
      logger: silentLogger,
      shortlistSize: 10,
      embeddings: { embedder: llm, model: 'emb-model' },
    });
    server.setEmbeddings((req) => ({ vectors: req.input.map((t) => hashEmbedding(t)) }));
    expect(result.degraded).toBe(false);
    const judged = server.chatRequests.flatMap((r) => papersIn(r).map((p) => p.id));
    expect(judged.sort()).toEqual(ids(lexicalRanking().slice(0, 10)).sort());
  });
});
