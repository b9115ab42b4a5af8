// A fake OpenAI-compatible server: real HTTP on 127.0.0.1, scriptable per request, recording
// every request. Speaks the shapes the openai SDK v6 expects (PROTOCOLS.md §3).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One chat message as the client sent it (content flattened to text). */
export interface FakeChatMessage {
  role: string;
  content: string;
}

/** A chat completion request, parsed, with conveniences for scripting. */
export interface FakeChatRequest {
  model: string;
  messages: FakeChatMessage[];
  /** The request's `response_format`, as sent. */
  responseFormat?: { type: string; json_schema?: { name?: string; schema?: unknown; strict?: boolean } };
  /** `json_schema.name` when structured output was asked for (paperbot uses the prompt name). */
  schemaName?: string;
  stream: boolean;
  maxTokens?: number;
  /** The whole request body. */
  body: Record<string, unknown>;
  /** The system message text ('' when none). */
  system: string;
  /** The last user message text ('' when none). */
  user: string;
  /** 0-based index of this chat request on the server. */
  index: number;
}

/** An error body the way OpenAI sends it. */
export interface FakeErrorBody {
  message: string;
  type?: string;
  param?: string | null;
  code?: string | null;
}

/** What a scripted handler answers. `delayMs` waits before answering (for timeouts). */
export type FakeChatReply = { delayMs?: number; headers?: Record<string, string> } & (
  | { content: string; finishReason?: 'stop' | 'length' | 'content_filter' }
  /** Shorthand for `content: JSON.stringify(json)`. */
  | { json: unknown }
  | { refusal: string }
  | { status: number; error: FakeErrorBody }
  /** A raw HTTP body (e.g. not JSON at all) with a status and content type. */
  | { rawBody: string; status?: number; contentType?: string }
  /** For streaming requests: send some content then an `{error}` frame. */
  | { streamError: FakeErrorBody; partialContent?: string }
);

/** Scripts the chat endpoint. May be async. */
export type FakeChatHandler = (req: FakeChatRequest) => FakeChatReply | Promise<FakeChatReply>;

/** An embeddings request, parsed. */
export interface FakeEmbeddingRequest {
  model: string;
  input: string[];
  encodingFormat?: string;
  index: number;
}

/** Scripts the embeddings endpoint: vectors, or a failure. */
export type FakeEmbeddingReply =
  /** `encoding` forces a format whatever the request asked (servers that ignore encoding_format). */
  | { vectors: number[][]; delayMs?: number; encoding?: 'float' | 'base64' }
  | { status: number; error: FakeErrorBody; headers?: Record<string, string> };

/** Scripts the embeddings endpoint. */
export type FakeEmbeddingHandler = (req: FakeEmbeddingRequest) => FakeEmbeddingReply | Promise<FakeEmbeddingReply>;

/** Every request the server saw, in order. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** Options of the fake. */
export interface FakeOpenAiOptions {
  chat?: FakeChatHandler;
  embeddings?: FakeEmbeddingHandler;
  /** Answer 400 to every `response_format: json_schema` request, like a server without structured outputs. */
  rejectJsonSchema?: boolean;
  /** Models listed by GET /v1/models. */
  models?: string[];
}

/** A running fake. `baseURL` ends in /v1, as the SDK expects. */
export interface FakeOpenAiServer {
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  readonly chatRequests: FakeChatRequest[];
  readonly embeddingRequests: FakeEmbeddingRequest[];
  /** Sum of the usage the server reported for chat completions. */
  readonly usage: { prompt: number; completion: number; calls: number };
  /** Sum of the usage the server reported for embeddings. */
  readonly embeddingUsage: { prompt: number; calls: number };
  setChat(handler: FakeChatHandler): void;
  setEmbeddings(handler: FakeEmbeddingHandler): void;
  setRejectJsonSchema(reject: boolean): void;
  /** Forgets recorded requests and usage. */
  reset(): void;
  close(): Promise<void>;
}

/** The same approximation paperbot uses: about four characters per token. */
export function fakeTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** A deterministic bag-of-words vector (64 dims, unit length): similar texts get similar vectors. */
export function hashEmbedding(text: string, dims = 64): number[] {
  const v = new Array<number>(dims).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []) {
    let h = 2166136261;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
    v[(h >>> 0) % dims]! += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

function floatsToBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((part) => (part && typeof part === 'object' && 'text' in part ? String(part.text) : '')).join('');
  }
  return '';
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sleep(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    // A client that gave up (timeout/abort) closes the socket: stop waiting.
    res.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const defaultChat: FakeChatHandler = () => ({ content: '{}' });
const defaultEmbeddings: FakeEmbeddingHandler = (req) => ({ vectors: req.input.map((t) => hashEmbedding(t)) });

/** Starts a fake OpenAI-compatible server on 127.0.0.1 with an OS-chosen port. */
export async function startFakeOpenAiServer(options: FakeOpenAiOptions = {}): Promise<FakeOpenAiServer> {
  let chat = options.chat ?? defaultChat;
  let embeddings = options.embeddings ?? defaultEmbeddings;
  let rejectJsonSchema = options.rejectJsonSchema ?? false;
  const requests: RecordedRequest[] = [];
  const chatRequests: FakeChatRequest[] = [];
  const embeddingRequests: FakeEmbeddingRequest[] = [];
  const usage = { prompt: 0, completion: 0, calls: 0 };
  const embeddingUsage = { prompt: 0, calls: 0 };
  let seq = 0;

  async function handleChat(body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const messages = (Array.isArray(body.messages) ? body.messages : []).map((m: { role?: unknown; content?: unknown }) => ({
      role: String(m.role),
      content: contentText(m.content),
    }));
    const responseFormat = body.response_format as FakeChatRequest['responseFormat'];
    const req: FakeChatRequest = {
      model: String(body.model),
      messages,
      responseFormat,
      schemaName: responseFormat?.type === 'json_schema' ? responseFormat.json_schema?.name : undefined,
      stream: body.stream === true,
      maxTokens: (body.max_tokens ?? body.max_completion_tokens) as number | undefined,
      body,
      system: messages.filter((m) => m.role === 'system').map((m) => m.content).join('\n'),
      user: [...messages].reverse().find((m) => m.role === 'user')?.content ?? '',
      index: chatRequests.length,
    };
    chatRequests.push(req);

    if (rejectJsonSchema && responseFormat?.type === 'json_schema') {
      sendJson(res, 400, {
        error: {
          message: "response_format type 'json_schema' is not supported by this server",
          type: 'invalid_request_error',
          param: 'response_format',
          code: null,
        },
      });
      return;
    }

    const reply = await chat(req);
    if (reply.delayMs) await sleep(reply.delayMs, res);
    if (res.destroyed) return;
    const headers = reply.headers ?? {};
    if ('status' in reply && 'error' in reply) {
      sendJson(res, reply.status, { error: { type: 'server_error', param: null, code: null, ...reply.error } }, headers);
      return;
    }
    if ('rawBody' in reply) {
      res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json', ...headers });
      res.end(reply.rawBody);
      return;
    }

    const id = `chatcmpl-fake-${++seq}`;
    const created = Math.floor(Date.now() / 1000);
    const promptTokens = messages.reduce((n, m) => n + fakeTokens(m.content), 0);
    let content: string | null = null;
    let refusal: string | null = null;
    let finishReason = 'stop';
    if ('json' in reply) content = JSON.stringify(reply.json);
    else if ('content' in reply) {
      content = reply.content;
      finishReason = reply.finishReason ?? 'stop';
    } else if ('refusal' in reply) refusal = reply.refusal;
    else if ('streamError' in reply) content = reply.partialContent ?? '';
    const completionTokens = fakeTokens(content ?? refusal ?? '');
    const usageBody = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
    usage.prompt += promptTokens;
    usage.completion += completionTokens;
    usage.calls += 1;

    if (req.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers });
      const frame = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
      const chunk = (delta: object, finish: string | null) =>
        frame({ id, object: 'chat.completion.chunk', created, model: req.model, choices: [{ index: 0, delta, finish_reason: finish }] });
      chunk({ role: 'assistant', content: '' }, null);
      const text = content ?? '';
      for (let i = 0; i < text.length; i += 16) chunk({ content: text.slice(i, i + 16) }, null);
      if ('streamError' in reply) {
        frame({ error: reply.streamError });
        res.end();
        return;
      }
      if (refusal) chunk({ refusal }, null);
      chunk({}, finishReason);
      const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
      if (streamOptions?.include_usage) {
        frame({ id, object: 'chat.completion.chunk', created, model: req.model, choices: [], usage: usageBody });
      }
      res.write('data: [DONE]\n\n');
      res.end();
      return;
    }

    sendJson(
      res,
      200,
      {
        id,
        object: 'chat.completion',
        created,
        model: req.model,
        choices: [
          { index: 0, message: { role: 'assistant', content, refusal }, finish_reason: finishReason, logprobs: null },
        ],
        usage: usageBody,
      },
      headers,
    );
  }

  async function handleEmbeddings(body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const input = Array.isArray(body.input) ? body.input.map(String) : [String(body.input)];
    const req: FakeEmbeddingRequest = {
      model: String(body.model),
      input,
      encodingFormat: body.encoding_format as string | undefined,
      index: embeddingRequests.length,
    };
    embeddingRequests.push(req);
    const reply = await embeddings(req);
    if ('status' in reply) {
      sendJson(res, reply.status, { error: { type: 'server_error', param: null, code: null, ...reply.error } }, reply.headers);
      return;
    }
    if (reply.delayMs) await sleep(reply.delayMs, res);
    const base64 = reply.encoding ? reply.encoding === 'base64' : req.encodingFormat === 'base64';
    const promptTokens = input.reduce((n, t) => n + fakeTokens(t), 0);
    embeddingUsage.prompt += promptTokens;
    embeddingUsage.calls += 1;
    sendJson(res, 200, {
      object: 'list',
      model: req.model,
      data: reply.vectors.map((v, index) => ({ object: 'embedding', index, embedding: base64 ? floatsToBase64(v) : v })),
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
    });
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        // keep the raw text: recorded as sent
      }
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
      if (req.method === 'POST' && path === '/v1/chat/completions') return handleChat(body as Record<string, unknown>, res);
      if (req.method === 'POST' && path === '/v1/embeddings') return handleEmbeddings(body as Record<string, unknown>, res);
      if (req.method === 'GET' && path === '/v1/models') {
        return sendJson(res, 200, {
          object: 'list',
          data: (options.models ?? ['fake-model']).map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })),
        });
      }
      sendJson(res, 404, { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } });
    })().catch((err: unknown) => {
      sendJson(res, 500, { error: { message: `fake server bug: ${String(err)}`, type: 'server_error' } }, { 'x-should-retry': 'false' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests,
    embeddingRequests,
    usage,
    embeddingUsage,
    setChat(handler) {
      chat = handler;
    },
    setEmbeddings(handler) {
      embeddings = handler;
    },
    setRejectJsonSchema(reject) {
      rejectJsonSchema = reject;
    },
    reset() {
      requests.length = 0;
      chatRequests.length = 0;
      embeddingRequests.length = 0;
      usage.prompt = usage.completion = usage.calls = 0;
      embeddingUsage.prompt = embeddingUsage.calls = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
