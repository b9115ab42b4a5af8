// The Llm port over the openai SDK (v6), for any OpenAI-compatible server. Structured outputs
// first (json_schema via chat.completions.parse); a server that rejects json_schema is switched
// to json_object plus a local zod parse. Either way an unusable reply gets one repair retry.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ContentFilterFinishReasonError, LengthFinishReasonError } from 'openai/core/error';
import { zodResponseFormat } from 'openai/helpers/zod';
import { makeParseableResponseFormat } from 'openai/lib/parser';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { LlmConfig } from '../types.js';
import { BotError, LlmOutputError, LlmUnavailableError, errorMessage } from '../errors.js';
import type { Embedder, EmbeddingResult, Llm, LlmUsage, Logger, RenderedPrompt, Sampling } from '../ports.js';
import { approxTokens } from './tokens.js';

/** Hooks a token ledger into every HTTP call: a budget check before, usage after. */
export interface LlmMeter {
  /** Throws LlmUnavailableError when no more calls may be made (e.g. the daily budget is spent). */
  beforeCall(): Promise<void>;
  /** Records what one HTTP call used. */
  record(usage: LlmUsage, kind: 'chat' | 'embedding'): Promise<void>;
}

/** The Llm port plus embeddings and a way to call another model on the same connection. */
export interface OpenAiLlm extends Llm, Embedder {
  /**
   * Embeds `texts` with `model`, always asking for `encoding_format: 'float'` (and decoding base64
   * should a server send it anyway). Throws LlmUnavailableError / LlmOutputError.
   */
  embed(texts: string[], model: string, options?: { signal?: AbortSignal }): Promise<EmbeddingResult>;
  /** The same client, meter and structured-output state, answering with another model. */
  withModel(model: string): OpenAiLlm;
  /** How structured output is currently asked for (switches to json_object after a rejection). */
  readonly outputMode: 'json_schema' | 'json_object';
}

/** What createOpenAiLlm needs besides configuration. */
export interface OpenAiLlmDeps {
  logger: Logger;
  /** A fetch to use instead of the global one (tests, proxies). */
  fetch?: typeof fetch;
  /** SDK retries on 408/409/429/5xx and connection errors (default 2), with retry-after honored. */
  maxRetries?: number;
  /** Token ledger hooks; without one nothing is counted or capped. */
  meter?: LlmMeter;
}

type ParseOutcome<T> = { ok: true; data: T } | { ok: false; error: string };

/** Local models like to wrap JSON in a Markdown fence; accept that. */
function stripFences(text: string): string {
  const m = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(text);
  return m ? m[1]! : text;
}

function tryParse<T>(schema: z.ZodType<T>, content: string | null | undefined): ParseOutcome<T> {
  if (!content || !content.trim()) return { ok: false, error: 'the reply was empty' };
  let json: unknown;
  try {
    json = JSON.parse(stripFences(content));
  } catch (err) {
    return { ok: false, error: `the reply is not valid JSON (${errorMessage(err)})` };
  }
  const result = schema.safeParse(json);
  if (!result.success) return { ok: false, error: `the reply does not match the schema:\n${z.prettifyError(result.error)}` };
  return { ok: true, data: result.data };
}

function repairInstruction(error: string): string {
  return `Your previous reply could not be used: ${error}\nReply again with only the JSON object, exactly in the shape the instructions describe, and nothing else.`;
}

/** A 400-ish error that says the server does not do `response_format: json_schema`. */
function isSchemaRejection(err: unknown): boolean {
  if (!(err instanceof APIError) || err.status === undefined) return false;
  if (![400, 404, 415, 422, 501].includes(err.status)) return false;
  const text = `${err.message} ${err.param ?? ''} ${JSON.stringify(err.error ?? {})}`;
  return /response_format|json_schema|structured output|schema/i.test(text);
}

function usageOf(
  usage: { prompt_tokens?: number; completion_tokens?: number } | undefined | null,
  messages: ChatCompletionMessageParam[],
  reply: string,
): LlmUsage {
  // Some local servers omit usage; estimate so budgets still hold.
  if (usage && typeof usage.prompt_tokens === 'number') {
    return { prompt: usage.prompt_tokens, completion: usage.completion_tokens ?? 0 };
  }
  const promptChars = messages.reduce((n, m) => n + (typeof m.content === 'string' ? m.content.length : 0), 0);
  return { prompt: Math.ceil(promptChars / 4), completion: approxTokens(reply) };
}

function decodeVector(embedding: unknown): number[] {
  if (Array.isArray(embedding)) return embedding.map(Number);
  if (typeof embedding === 'string') {
    const bytes = Buffer.from(embedding, 'base64');
    const floats = new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4));
    return Array.from(floats);
  }
  throw new LlmOutputError('embedding: the server returned a vector that is neither numbers nor base64');
}

/**
 * Runs one SDK call with a per-call signal linked to the run's `outer` one. The SDK adds an abort
 * listener to the signal it is given and never removes it, so handing it a long-lived run signal
 * would pile up listeners over hundreds of calls.
 */
async function linked<T>(outer: AbortSignal | undefined, fn: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
  if (!outer) return fn(undefined);
  const controller = new AbortController();
  const abort = () => controller.abort(outer.reason);
  outer.addEventListener('abort', abort, { once: true });
  try {
    return await fn(controller.signal);
  } finally {
    outer.removeEventListener('abort', abort);
  }
}

/** Most inputs per embeddings request (servers cap batch sizes). */
const EMBED_BATCH = 64;

interface Shared {
  client: OpenAI;
  deps: OpenAiLlmDeps;
  config: LlmConfig;
  mode: 'json_schema' | 'json_object';
  /** Newer OpenAI models reject `max_tokens` and want `max_completion_tokens`; local servers know the former. */
  tokenParam: 'max_tokens' | 'max_completion_tokens';
}

/** A 400 saying `max_tokens` is not supported for this model (use `max_completion_tokens`). */
function isTokenParamRejection(err: unknown): boolean {
  return err instanceof APIError && err.status === 400 && /max_tokens/.test(`${err.message} ${err.param ?? ''}`);
}

/**
 * Creates the Llm over `openai@6`. `generate` validates output against the zod schema (root must be
 * a z.object), retries once with the validation error on an unusable reply, and throws:
 * LlmOutputError on a refusal, a truncated or filtered reply, or invalid output after the repair;
 * LlmUnavailableError on timeouts, connection errors, 429/5xx after the SDK's retries, other HTTP
 * errors, an aborted `signal` (the run's deadline) or a meter refusal (budget).
 */
export function createOpenAiLlm(config: LlmConfig, deps: OpenAiLlmDeps): OpenAiLlm {
  const log = deps.logger.child({ component: 'llm' });
  const sdkLog = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, ...rest: unknown[]) =>
    log[level](`openai: ${message}`, rest.length ? { detail: rest.map((r) => errorMessage(r)).join(' ') } : undefined);
  const client = new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseURL,
    timeout: config.timeoutMs,
    maxRetries: deps.maxRetries ?? 2,
    fetch: deps.fetch,
    logLevel: 'warn',
    logger: { debug: sdkLog('debug'), info: sdkLog('info'), warn: sdkLog('warn'), error: sdkLog('error') },
  });
  return build({ client, deps: { ...deps, logger: log }, config, mode: 'json_schema', tokenParam: 'max_tokens' }, config.model);
}

function build(shared: Shared, model: string): OpenAiLlm {
  const { client, deps, config } = shared;
  const log = deps.logger;
  const maxRetries = deps.maxRetries ?? 2;

  function unavailable(err: unknown, signal: AbortSignal | undefined, what: string): BotError {
    if (err instanceof BotError) return err;
    if (err instanceof APIUserAbortError || signal?.aborted) {
      return new LlmUnavailableError(`${what}: the run's deadline was reached`, { cause: err });
    }
    if (err instanceof APIConnectionTimeoutError) {
      return new LlmUnavailableError(`${what}: timed out after ${config.timeoutMs} ms`, { cause: err });
    }
    if (err instanceof APIConnectionError) {
      return new LlmUnavailableError(`${what}: cannot reach the model server (${err.message})`, { cause: err });
    }
    if (err instanceof APIError) {
      const status = err.status ?? 0;
      if (status === 429) return new LlmUnavailableError(`${what}: rate limited (429) after ${maxRetries} retries`, { cause: err });
      if (status >= 500) return new LlmUnavailableError(`${what}: server error ${status} (${err.message})`, { cause: err });
      if (status === 401 || status === 403) {
        return new LlmUnavailableError(`${what}: the server rejected the API key (${status})`, { cause: err });
      }
      return new LlmUnavailableError(`${what}: request rejected (${status}: ${err.message})`, { cause: err });
    }
    if (err instanceof LengthFinishReasonError) {
      return new LlmOutputError(`${what}: the reply was cut off at the token limit`, { cause: err });
    }
    if (err instanceof ContentFilterFinishReasonError) {
      return new LlmOutputError(`${what}: the reply was withheld by the server's content filter`, { cause: err });
    }
    return new LlmUnavailableError(`${what}: ${errorMessage(err)}`, { cause: err });
  }

  type Attempt<T> =
    | { outcome: ParseOutcome<T>; content: string; usage: LlmUsage; refusal?: undefined }
    | { refusal: string; usage: LlmUsage };

  async function attempt<T>(
    prompt: RenderedPrompt,
    schema: z.ZodType<T>,
    messages: ChatCompletionMessageParam[],
    maxTokens: number | undefined,
    signal: AbortSignal | undefined,
    sampling: Sampling = {},
  ): Promise<Attempt<T>> {
    const what = `${prompt.name}@v${prompt.version}`;
    if (signal?.aborted) throw new LlmUnavailableError(`${what}: the run's deadline was reached`);
    await deps.meter?.beforeCall();
    const base = () => ({ model, ...(maxTokens ? { [shared.tokenParam]: maxTokens } : {}), ...sampling });
    // Sends one request; a server that rejects `max_tokens` gets `max_completion_tokens` instead, once.
    const send = async <R>(fn: (params: ReturnType<typeof base>, s: AbortSignal | undefined) => Promise<R>): Promise<R> => {
      try {
        return await linked(signal, (s) => fn(base(), s));
      } catch (err) {
        if (!maxTokens || shared.tokenParam !== 'max_tokens' || !isTokenParamRejection(err)) throw err;
        shared.tokenParam = 'max_completion_tokens';
        log.warn('server rejected max_tokens; using max_completion_tokens', { model });
        return linked(signal, (s) => fn(base(), s));
      }
    };

    if (shared.mode === 'json_schema') {
      const sdkFormat = zodResponseFormat(schema, prompt.name.replace(/[^A-Za-z0-9_-]/g, '_'));
      const format = makeParseableResponseFormat({ type: 'json_schema', json_schema: sdkFormat.json_schema }, (content) =>
        tryParse(schema, content),
      );
      try {
        const completion = await send((params, s) =>
          client.chat.completions.parse({ ...params, messages, response_format: format }, { signal: s }),
        );
        const message = completion.choices[0]?.message;
        const content = message?.content ?? '';
        const usage = usageOf(completion.usage, messages, content);
        await deps.meter?.record(usage, 'chat');
        if (message?.refusal) return { refusal: message.refusal, usage };
        return { outcome: message?.parsed ?? tryParse(schema, content), content, usage };
      } catch (err) {
        if (!isSchemaRejection(err)) throw unavailable(err, signal, what);
        shared.mode = 'json_object';
        log.warn('server rejected response_format json_schema; using json_object with local validation', {
          model,
          error: errorMessage(err),
        });
      }
    }

    // json_object: the schema travels in the system message (our own text, never untrusted).
    const jsonSchema = zodResponseFormat(schema, 'reply').json_schema.schema;
    const [first, ...rest] = messages;
    const system: ChatCompletionMessageParam = {
      role: 'system',
      content: `${prompt.system}\n\nReply with one JSON object only (no prose, no code fences) matching this JSON Schema:\n${JSON.stringify(jsonSchema)}`,
    };
    const sent = first?.role === 'system' ? [system, ...rest] : [system, ...messages];
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await send((params, s) =>
        client.chat.completions.create({ ...params, messages: sent, response_format: { type: 'json_object' } }, { signal: s }),
      );
    } catch (err) {
      throw unavailable(err, signal, what);
    }
    const choice = completion.choices[0];
    const content = choice?.message?.content ?? '';
    const usage = usageOf(completion.usage, sent, content);
    await deps.meter?.record(usage, 'chat');
    if (choice?.message?.refusal) return { refusal: choice.message.refusal, usage };
    if (choice?.finish_reason === 'length') throw new LlmOutputError(`${what}: the reply was cut off at the token limit`);
    if (choice?.finish_reason === 'content_filter') {
      throw new LlmOutputError(`${what}: the reply was withheld by the server's content filter`);
    }
    return { outcome: tryParse(schema, content), content, usage };
  }

  return {
    model,
    get outputMode() {
      return shared.mode;
    },

    async generate<T>(req: {
      prompt: RenderedPrompt;
      schema: z.ZodType<T>;
      maxOutputTokens?: number;
      signal?: AbortSignal;
      sampling?: Sampling;
    }): Promise<{ data: T; usage: LlmUsage }> {
      const { prompt, schema, maxOutputTokens, signal, sampling } = req;
      const what = `${prompt.name}@v${prompt.version}`;
      const messages: ChatCompletionMessageParam[] = [
        { role: 'system', content: prompt.system },
        { role: 'user', content: prompt.user },
      ];
      const first = await attempt(prompt, schema, messages, maxOutputTokens, signal, sampling);
      if (first.refusal !== undefined) throw new LlmOutputError(`${what}: the model refused (${first.refusal})`);
      if (first.outcome.ok) return { data: first.outcome.data, usage: first.usage };

      log.warn('model reply unusable; asking once for a repair', { prompt: what, model, error: first.outcome.error });
      const repair: ChatCompletionMessageParam[] = [
        ...messages,
        { role: 'assistant', content: first.content },
        { role: 'user', content: repairInstruction(first.outcome.error) },
      ];
      const second = await attempt(prompt, schema, repair, maxOutputTokens, signal, sampling);
      const usage = {
        prompt: first.usage.prompt + second.usage.prompt,
        completion: first.usage.completion + second.usage.completion,
      };
      if (second.refusal !== undefined) throw new LlmOutputError(`${what}: the model refused (${second.refusal})`);
      if (second.outcome.ok) return { data: second.outcome.data, usage };
      throw new LlmOutputError(`${what}: invalid output after one repair: ${second.outcome.error}`);
    },

    async embed(texts: string[], embeddingModel: string, options: { signal?: AbortSignal } = {}): Promise<EmbeddingResult> {
      const vectors: number[][] = [];
      const usage: LlmUsage = { prompt: 0, completion: 0 };
      const what = `embeddings(${embeddingModel})`;
      for (let i = 0; i < texts.length; i += EMBED_BATCH) {
        const batch = texts.slice(i, i + EMBED_BATCH);
        if (options.signal?.aborted) throw new LlmUnavailableError(`${what}: the run's deadline was reached`);
        await deps.meter?.beforeCall();
        let response: OpenAI.Embeddings.CreateEmbeddingResponse;
        try {
          response = await linked(options.signal, (s) =>
            client.embeddings.create({ model: embeddingModel, input: batch, encoding_format: 'float' }, { signal: s }),
          );
        } catch (err) {
          throw unavailable(err, options.signal, what);
        }
        const data = [...(response.data ?? [])].sort((a, b) => a.index - b.index);
        if (data.length !== batch.length) {
          throw new LlmOutputError(`${what}: asked for ${batch.length} vectors, got ${data.length}`);
        }
        for (const d of data) vectors.push(decodeVector(d.embedding as unknown));
        const used = {
          prompt: response.usage?.prompt_tokens ?? batch.reduce((n, t) => n + approxTokens(t), 0),
          completion: 0,
        };
        usage.prompt += used.prompt;
        await deps.meter?.record(used, 'embedding');
      }
      return { vectors, usage };
    },

    withModel(other: string): OpenAiLlm {
      return other === model ? this : build(shared, other);
    },
  };
}
