// Starts a fake server and a real client (with a ledger) wired to it.
import { createOpenAiLlm, type OpenAiLlm } from '../../../src/llm/openai-llm.js';
import { createTokenLedger, type TokenLedger } from '../../../src/llm/token-ledger.js';
import type { LlmConfig } from '../../../src/types.js';
import type { Logger, Store } from '../../../src/ports.js';
import { silentLogger } from '../../../src/logger.js';
import type { FakeOpenAiServer } from '../../fakes/fake-openai-server.js';
import { memoryKv } from './memory-kv.js';

/** A client on `server` with a fresh in-memory kv and ledger. */
export function clientFor(
  server: FakeOpenAiServer,
  options: { config?: Partial<LlmConfig>; maxRetries?: number; kv?: Store; logger?: Logger; dailyBudget?: number } = {},
): { llm: OpenAiLlm; kv: ReturnType<typeof memoryKv> | Store; ledger: TokenLedger } {
  const kv = options.kv ?? memoryKv();
  const ledger = createTokenLedger({ kv, dailyBudget: options.dailyBudget });
  const config: LlmConfig = {
    apiKey: 'test-key',
    baseURL: server.baseURL,
    model: 'judge-model',
    summaryModel: 'judge-model',
    timeoutMs: 5_000,
    shortlistSize: 30,
    ...options.config,
  };
  const llm = createOpenAiLlm(config, { logger: options.logger ?? silentLogger, maxRetries: options.maxRetries ?? 1, meter: ledger });
  return { llm, kv, ledger };
}
