// The interactive path: a slow answer gets a visible placeholder at once and is edited into it;
// an answer past the deadline ends with a clear message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { createLlmAnswerer } from '../../src/qa/llm-answerer.js';
import { createExtractiveAnswerer } from '../../src/qa/extractive.js';
import { tempCorpus } from '../support/corpus.js';
import { FakeChatAdapter } from '../fakes/fake-chat-adapter.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { paperbotResponder } from '../llm/support/responder.js';
import { clientFor } from '../llm/support/setup.js';
import { STORED } from './sample-papers.js';
import { makeBot } from './harness.js';

const SLOW_MODEL_MS = 1500;

describe('thread answers with a slow model', () => {
  let server: FakeOpenAiServer;
  beforeAll(async () => {
    const answer = paperbotResponder();
    server = await startFakeOpenAiServer({ chat: async (req) => ({ ...(await answer(req)), delayMs: SLOW_MODEL_MS }) });
  });
  afterAll(() => server.close());

  async function slowBot(answerTimeoutMs?: number) {
    const corpus = await tempCorpus(STORED);
    const { llm } = clientFor(server);
    const answerer = createLlmAnswerer({ llm, corpus, fallback: (reason) => createExtractiveAnswerer({ corpus, reason }) });
    return makeBot({ answerer, overrides: answerTimeoutMs ? { answerTimeoutMs } : {} });
  }

  it('shows a placeholder within a second, then edits the answer into it', async () => {
    const h = await slowBot();
    const { papers } = await h.postDigest();
    const asked = performance.now();
    const out = await h.chat.threadMessage(papers[0]!, 'Which dataset do they evaluate on?');
    const answered = performance.now();
    expect(h.chat.placeholderAt).toHaveLength(1);
    expect(h.chat.placeholderAt[0]! - asked).toBeLessThan(1000);
    expect(answered - asked).toBeGreaterThanOrEqual(SLOW_MODEL_MS - 50);
    const replies = h.chat.repliesIn(papers[0]!.key);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.message).toEqual({ kind: 'text', text: '⏳ Reading the paper to answer…' });
    expect(replies[0]!.edits).toEqual([out]);
    expect(FakeChatAdapter.shown(replies[0]!)).toMatchObject({ kind: 'answer', extractive: false });
  });

  it('ends with a clear message when the answer misses the deadline', async () => {
    const h = await slowBot(700);
    const { papers } = await h.postDigest();
    const out = await h.chat.threadMessage(papers[0]!, 'Which dataset do they evaluate on?');
    expect(out).toEqual({ kind: 'text', text: "I could not finish an answer within 1 s. Please ask again in a minute: the paper's text will be ready by then." });
    expect(FakeChatAdapter.shown(h.chat.repliesIn(papers[0]!.key)[0]!)).toEqual(out);
  });

  it('a quick answer is replied directly, without a placeholder', async () => {
    const h = await makeBot();
    const { papers } = await h.postDigest();
    await h.chat.threadMessage(papers[0]!, 'Which dataset do they evaluate on?');
    expect(h.chat.placeholderAt).toHaveLength(0);
    expect(h.chat.repliesIn(papers[0]!.key)[0]!.edits).toEqual([]);
  });
});
