import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createOpenAiLlm, type OpenAiLlmDeps } from '../../src/llm/openai-llm.js';
import { createTokenLedger, BudgetExhaustedError } from '../../src/llm/token-ledger.js';
import { LlmOutputError, LlmUnavailableError } from '../../src/errors.js';
import type { LlmConfig } from '../../src/types.js';
import type { RenderedPrompt } from '../../src/ports.js';
import { silentLogger } from '../../src/logger.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { memoryKv } from './support/memory-kv.js';

const Schema = z.object({ title: z.string(), score: z.number() });
const prompt: RenderedPrompt = { name: 'probe', version: '1', system: 'You are a probe.', user: 'Say something.' };

let server: FakeOpenAiServer;
const config = (over: Partial<LlmConfig> = {}): LlmConfig => ({
  apiKey: 'test-key',
  baseURL: server.baseURL,
  model: 'fake-model',
  summaryModel: 'fake-model',
  timeoutMs: 5_000,
  shortlistSize: 30,
  ...over,
});
const make = (over: Partial<LlmConfig> = {}, deps: Partial<OpenAiLlmDeps> = {}) =>
  createOpenAiLlm(config(over), { logger: silentLogger, maxRetries: 2, ...deps });

beforeAll(async () => {
  server = await startFakeOpenAiServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  server.setRejectJsonSchema(false);
});

describe('createOpenAiLlm().generate', () => {
  it('asks for json_schema structured output named after the prompt and returns parsed data with usage', async () => {
    server.setChat(() => ({ json: { title: 'T', score: 0.9 } }));
    const llm = make();
    const result = await llm.generate({ prompt, schema: Schema, maxOutputTokens: 100 });
    expect(result.data).toEqual({ title: 'T', score: 0.9 });
    expect(result.usage).toEqual({ prompt: server.usage.prompt, completion: server.usage.completion });
    expect(result.usage.prompt).toBeGreaterThan(0);
    const req = server.chatRequests[0]!;
    expect(req.responseFormat?.type).toBe('json_schema');
    expect(req.schemaName).toBe('probe');
    expect(req.responseFormat?.json_schema?.strict).toBe(true);
    expect(req.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(req.system).toBe('You are a probe.');
    expect(req.maxTokens).toBe(100);
    expect(req.model).toBe('fake-model');
  });

  it('falls back to json_object with the schema in the system message when json_schema is rejected, and stays there', async () => {
    server.setRejectJsonSchema(true);
    server.setChat(() => ({ json: { title: 'fallback', score: 1 } }));
    const llm = make();
    const result = await llm.generate({ prompt, schema: Schema });
    expect(result.data).toEqual({ title: 'fallback', score: 1 });
    expect(server.chatRequests.map((r) => r.responseFormat?.type)).toEqual(['json_schema', 'json_object']);
    expect(server.chatRequests[1]!.system).toContain('JSON Schema');
    expect(server.chatRequests[1]!.system).toContain('"score"');
    expect(llm.outputMode).toBe('json_object');

    await llm.generate({ prompt, schema: Schema });
    expect(server.chatRequests.map((r) => r.responseFormat?.type)).toEqual(['json_schema', 'json_object', 'json_object']);
  });

  it('switches to max_completion_tokens when a model rejects max_tokens, and remembers it', async () => {
    server.setChat((req) =>
      'max_tokens' in req.body
        ? {
            status: 400,
            error: {
              message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
              type: 'invalid_request_error',
              param: 'max_tokens',
            },
          }
        : { json: { title: 'T', score: 1 } },
    );
    const llm = make();
    await llm.generate({ prompt, schema: Schema, maxOutputTokens: 50 });
    await llm.generate({ prompt, schema: Schema, maxOutputTokens: 50 });
    expect(server.chatRequests.map((r) => Object.keys(r.body).filter((k) => k.startsWith('max_')))).toEqual([
      ['max_tokens'],
      ['max_completion_tokens'],
      ['max_completion_tokens'],
    ]);
    expect(server.chatRequests[1]!.body.max_completion_tokens).toBe(50);
  });

  it('repairs invalid JSON once by sending the error back, and sums usage of both calls', async () => {
    server.setChat((req) => (req.index === 0 ? { content: 'Sure! {title: T' } : { json: { title: 'fixed', score: 2 } }));
    const result = await make().generate({ prompt, schema: Schema });
    expect(result.data).toEqual({ title: 'fixed', score: 2 });
    expect(server.chatRequests).toHaveLength(2);
    const repair = server.chatRequests[1]!;
    expect(repair.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(repair.messages[2]!.content).toBe('Sure! {title: T');
    expect(repair.user).toMatch(/not valid JSON/);
    expect(result.usage.prompt).toBe(server.usage.prompt);
  });

  it('repairs a schema mismatch in json_object mode too', async () => {
    server.setRejectJsonSchema(true);
    server.setChat((req) =>
      req.messages.length === 2 ? { json: { title: 'no score' } } : { json: { title: 'ok', score: 3 } },
    );
    const result = await make().generate({ prompt, schema: Schema });
    expect(result.data).toEqual({ title: 'ok', score: 3 });
    const repair = server.chatRequests.at(-1)!;
    expect(repair.user).toMatch(/does not match the schema/);
    expect(repair.user).toMatch(/score/);
  });

  it('throws LlmOutputError when output is still invalid after one repair (two calls only)', async () => {
    server.setChat(() => ({ content: 'not json at all' }));
    await expect(make().generate({ prompt, schema: Schema })).rejects.toThrow(LlmOutputError);
    expect(server.chatRequests).toHaveLength(2);
  });

  it('accepts JSON wrapped in a Markdown code fence', async () => {
    server.setChat(() => ({ content: '```json\n{"title":"fenced","score":4}\n```' }));
    const result = await make().generate({ prompt, schema: Schema });
    expect(result.data.title).toBe('fenced');
    expect(server.chatRequests).toHaveLength(1);
  });

  it('turns a refusal into LlmOutputError without a repair', async () => {
    server.setChat(() => ({ refusal: "I can't help with that." }));
    const err = await make().generate({ prompt, schema: Schema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmOutputError);
    expect(String((err as Error).message)).toMatch(/refused/);
    expect(server.chatRequests).toHaveLength(1);
  });

  it('turns a reply cut at the token limit into LlmOutputError', async () => {
    server.setChat(() => ({ content: '{"title":"T"', finishReason: 'length' }));
    await expect(make().generate({ prompt, schema: Schema })).rejects.toThrow(/cut off/);
  });

  it('retries a 429 honoring retry-after-ms, then succeeds', async () => {
    server.setChat((req) =>
      req.index === 0
        ? { status: 429, error: { message: 'slow down', type: 'rate_limit_error' }, headers: { 'retry-after-ms': '10' } }
        : { json: { title: 'after retry', score: 5 } },
    );
    const result = await make().generate({ prompt, schema: Schema });
    expect(result.data.title).toBe('after retry');
    expect(server.chatRequests).toHaveLength(2);
  });

  it('gives up on 429 after the SDK retries with LlmUnavailableError', async () => {
    server.setChat(() => ({
      status: 429,
      error: { message: 'quota', type: 'rate_limit_error' },
      headers: { 'retry-after-ms': '5' },
    }));
    const err = await make({}, { maxRetries: 2 }).generate({ prompt, schema: Schema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmUnavailableError);
    expect((err as Error).message).toMatch(/429/);
    expect(server.chatRequests).toHaveLength(3);
  });

  it('maps a 500 {error} body to LlmUnavailableError', async () => {
    server.setChat(() => ({
      status: 500,
      error: { message: 'upstream exploded' },
      headers: { 'x-should-retry': 'false' },
    }));
    const err = await make().generate({ prompt, schema: Schema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmUnavailableError);
    expect((err as Error).message).toMatch(/500.*upstream exploded/);
    expect(server.chatRequests).toHaveLength(1);
  });

  it('times out a slow server (delay > timeout) with LlmUnavailableError', async () => {
    server.setChat(() => ({ json: { title: 'late', score: 0 }, delayMs: 1_000 }));
    const err = await make({ timeoutMs: 100 }, { maxRetries: 0 }).generate({ prompt, schema: Schema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmUnavailableError);
    expect((err as Error).message).toMatch(/timed out after 100 ms/);
  });

  it('stops at the run deadline (an aborted signal), before or during a call', async () => {
    const llm = make();
    await expect(llm.generate({ prompt, schema: Schema, signal: AbortSignal.abort() })).rejects.toThrow(/deadline/);
    expect(server.chatRequests).toHaveLength(0);

    server.setChat(() => ({ json: { title: 'late', score: 0 }, delayMs: 2_000 }));
    const err = await llm.generate({ prompt, schema: Schema, signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmUnavailableError);
    expect((err as Error).message).toMatch(/deadline/);
  });

  it('does not pile abort listeners on a long-lived run signal', async () => {
    server.setChat(() => ({ json: { title: 'T', score: 1 } }));
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const llm = make();
      const run = new AbortController();
      for (let i = 0; i < 15; i++) await llm.generate({ prompt, schema: Schema, signal: run.signal });
      await new Promise((r) => setTimeout(r, 10));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('maps a body that is not JSON to LlmUnavailableError', async () => {
    server.setChat(() => ({ rawBody: '<html>bad gateway</html>' }));
    const err = await make().generate({ prompt, schema: Schema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmUnavailableError);
    expect((err as Error).message).toMatch(/not valid JSON/);
  });

  it('estimates usage when a server omits it', async () => {
    server.setChat(() => ({
      rawBody: JSON.stringify({
        id: 'x',
        object: 'chat.completion',
        created: 0,
        model: 'm',
        choices: [{ index: 0, message: { role: 'assistant', content: '{"title":"t","score":1}', refusal: null }, finish_reason: 'stop' }],
      }),
    }));
    const result = await make().generate({ prompt, schema: Schema });
    expect(result.usage.prompt).toBe(Math.ceil((prompt.system.length + prompt.user.length) / 4));
    expect(result.usage.completion).toBeGreaterThan(0);
  });

  it('withModel() calls another model on the same connection', async () => {
    server.setChat(() => ({ json: { title: 'x', score: 1 } }));
    const summary = make().withModel('small-model');
    expect(summary.model).toBe('small-model');
    await summary.generate({ prompt, schema: Schema });
    expect(server.chatRequests[0]!.model).toBe('small-model');
  });
});

describe('createOpenAiLlm().embed', () => {
  it("always sends encoding_format 'float' and returns vectors in input order", async () => {
    server.setEmbeddings((req) => ({ vectors: req.input.map((t) => [t.length, 0.5, -1]) }));
    const { vectors, usage } = await make().embed(['a', 'bbb'], 'emb-model');
    expect(server.embeddingRequests[0]!.encodingFormat).toBe('float');
    expect(server.embeddingRequests[0]!.model).toBe('emb-model');
    expect(vectors).toEqual([
      [1, 0.5, -1],
      [3, 0.5, -1],
    ]);
    expect(usage.prompt).toBe(server.embeddingUsage.prompt);
  });

  it('decodes base64 vectors when a server sends them anyway', async () => {
    server.setEmbeddings((req) => ({ vectors: req.input.map(() => [0.25, -2, 8]), encoding: 'base64' }));
    const { vectors } = await make().embed(['x'], 'emb-model');
    expect(vectors).toEqual([[0.25, -2, 8]]);
  });

  it('maps an embeddings 500 to LlmUnavailableError', async () => {
    server.setEmbeddings(() => ({ status: 500, error: { message: 'boom' }, headers: { 'x-should-retry': 'false' } }));
    await expect(make().embed(['x'], 'emb-model')).rejects.toThrow(LlmUnavailableError);
  });
});

describe('token ledger hooked into the client', () => {
  it('counts usage per run and per day, and refuses calls once the daily budget is spent', async () => {
    server.setChat(() => ({ json: { title: 'T', score: 1 } }));
    const kv = memoryKv();
    const now = new Date('2026-08-03T10:00:00Z');
    const ledger = createTokenLedger({ kv, clock: { now: () => now }, dailyBudget: 40 });
    const llm = make({}, { meter: ledger });
    await llm.generate({ prompt, schema: Schema });
    const first = ledger.totals();
    expect(first.calls).toBe(1);
    expect(first.prompt).toBe(server.usage.prompt);
    expect(first.completion).toBe(server.usage.completion);
    expect(await ledger.today()).toEqual(first);
    expect([...kv.map.keys()]).toContain('tokens:2026-08-03');

    // Spend past the budget, then no more HTTP calls are made.
    while (!(await ledger.exhausted())) await llm.generate({ prompt, schema: Schema });
    const calls = server.chatRequests.length;
    const err = await llm.generate({ prompt, schema: Schema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BudgetExhaustedError);
    expect(err).toBeInstanceOf(LlmUnavailableError);
    expect((err as Error).message).toMatch(/daily token budget reached/);
    expect(server.chatRequests.length).toBe(calls);

    // A new UTC day starts with a fresh budget; a second ledger on the same store sees the same day.
    const other = createTokenLedger({ kv, clock: { now: () => now }, dailyBudget: 40 });
    expect(await other.exhausted()).toBe(true);
    now.setUTCDate(now.getUTCDate() + 1);
    expect(await ledger.exhausted()).toBe(false);
  });
});
