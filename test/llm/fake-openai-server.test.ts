// The fake must speak the real SDK's protocol, or every other LLM test proves nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import OpenAI, { APIError } from 'openai';
import { fakeTokens, hashEmbedding, startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';

let server: FakeOpenAiServer;
let client: OpenAI;
beforeAll(async () => {
  server = await startFakeOpenAiServer({ models: ['m1', 'm2'] });
  client = new OpenAI({ apiKey: 'k', baseURL: server.baseURL, maxRetries: 0 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

describe('fake OpenAI server', () => {
  it('streams chat completions as SSE, with a usage chunk when asked', async () => {
    server.setChat(() => ({ content: 'Hello from a streaming fake server!' }));
    const stream = await client.chat.completions.create({
      model: 'm1',
      messages: [{ role: 'user', content: 'hi there' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | undefined | null;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Hello from a streaming fake server!');
    expect(finish).toBe('stop');
    expect(usage).toEqual({ prompt_tokens: fakeTokens('hi there'), completion_tokens: fakeTokens(text), total_tokens: fakeTokens('hi there') + fakeTokens(text) });
    expect(server.chatRequests[0]!.stream).toBe(true);
  });

  it('makes the SDK stream iterator throw on an {error} frame', async () => {
    server.setChat(() => ({ streamError: { message: 'overloaded mid-stream', type: 'server_error' }, partialContent: 'par' }));
    const stream = await client.chat.completions.create({ model: 'm1', messages: [{ role: 'user', content: 'x' }], stream: true });
    const read = async () => {
      for await (const _ of stream) void _;
    };
    await expect(read()).rejects.toThrow(APIError);
  });

  it('reports usage proportional to prompt length (chars/4 per message)', async () => {
    server.setChat(() => ({ json: { ok: true } }));
    const system = 's'.repeat(101);
    const user = 'u'.repeat(400);
    const res = await client.chat.completions.create({
      model: 'm1',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
    });
    expect(res.usage?.prompt_tokens).toBe(26 + 100);
    expect(res.choices[0]!.message.content).toBe('{"ok":true}');
    expect(server.usage).toEqual({ prompt: 126, completion: fakeTokens('{"ok":true}'), calls: 1 });
  });

  it('serves embeddings as base64 when the SDK defaults to it, and as floats when asked', async () => {
    const b64 = await client.embeddings.create({ model: 'e', input: ['alpha beta gamma'] });
    expect(server.embeddingRequests[0]!.encodingFormat).toBe('base64');
    const expected = hashEmbedding('alpha beta gamma');
    b64.data[0]!.embedding.forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 6));
    const floats = await client.embeddings.create({ model: 'e', input: ['alpha beta gamma'], encoding_format: 'float' });
    expect(floats.data[0]!.embedding).toEqual(expected);
  });

  it('lists models and answers 404 with an {error} body on unknown routes', async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['m1', 'm2']);
    await expect(client.completions.create({ model: 'm1', prompt: 'x' })).rejects.toMatchObject({ status: 404 });
  });
});
