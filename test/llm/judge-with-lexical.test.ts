// The judge on top of the real lexical ranker and recorded papers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankLexical } from '../../src/rank/lexical.js';
import type { InterestProfile } from '../../src/types.js';
import { rankWithJudge } from '../../src/rank/rank-with-judge.js';
import { silentLogger } from '../../src/logger.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { loadFixturePapers } from '../rank/fixture-papers.js';
import { paperbotResponder, papersIn } from './support/responder.js';
import { clientFor } from './support/setup.js';

let server: FakeOpenAiServer;
beforeAll(async () => {
  server = await startFakeOpenAiServer({ chat: paperbotResponder() });
});
afterAll(async () => {
  await server.close();
});

describe('rankWithJudge over rankLexical', () => {
  it('never sends excluded papers to the judge (with or without embeddings) and returns every paper', async () => {
    const papers = loadFixturePapers();
    const profile: InterestProfile = {
      interests: 'language models, reasoning, agents',
      include: [],
      exclude: ['reinforcement'],
      follow: [],
      feedback: [],
    };
    const lexical = rankLexical(papers, profile);
    const excluded = new Set(lexical.filter((r) => r.parts?.excluded).map((r) => r.paper.id));
    expect(excluded.size).toBeGreaterThan(0);
    for (const embeddings of [undefined, 'emb'] as const) {
      server.reset();
      const { llm, kv } = clientFor(server);
      const result = await rankWithJudge(lexical, profile, {
        llm,
        kv,
        logger: silentLogger,
        shortlistSize: 30,
        embeddings: embeddings ? { embedder: llm, model: embeddings } : undefined,
      });
      const judged = server.chatRequests.flatMap((r) => papersIn(r).map((p) => p.id));
      expect(judged).toHaveLength(Math.min(30, lexical.length - excluded.size));
      expect(judged.filter((id) => excluded.has(id))).toEqual([]);
      expect(result.ranked.map((r) => r.paper.id).sort()).toEqual(lexical.map((r) => r.paper.id).sort());
      expect(result.ranked.filter((r) => excluded.has(r.paper.id)).every((r) => r.score === 0)).toBe(true);
    }
  });
});
