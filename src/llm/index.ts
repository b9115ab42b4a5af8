// The LLM layer's public surface, and one factory that builds its clients from configuration.
// Which use case gets which client is decided by the use cases' own factories
// (src/digest/model-stages.ts modelStagesFor, src/qa/llm-answerer.ts llmAnswererFor), wired in createApp.
import type { LlmConfig } from '../types.js';
import type { Clock, Logger, Store } from '../ports.js';
import { createOpenAiLlm, type OpenAiLlm } from './openai-llm.js';
import { createTokenLedger, type TokenLedger } from './token-ledger.js';

export { createOpenAiLlm, type OpenAiLlm, type OpenAiLlmDeps, type LlmMeter } from './openai-llm.js';
export {
  createTokenLedger,
  BudgetExhaustedError,
  tokensBetween,
  totalTokens,
  noTokens,
  type TokenLedger,
  type TokenFigures,
} from './token-ledger.js';
export { renderPrompt, loadPrompt, promptVersion, PromptError } from './prompts.js';
export { approxTokens } from './tokens.js';

/** The LLM layer's clients, sharing one token ledger. */
export interface LlmServices {
  /** The judge model (PAPERBOT_MODEL), metered against the digests' part of the daily budget. */
  llm: OpenAiLlm;
  /** The summary model (PAPERBOT_SUMMARY_MODEL, default PAPERBOT_MODEL), metered like `llm`. */
  summaryLlm: OpenAiLlm;
  /** The answer model (PAPERBOT_MODEL), metered against the whole budget including the questions' share. */
  answerLlm: OpenAiLlm;
  /** Counts every call per process and per UTC day; caps the day at PAPERBOT_DAILY_TOKEN_BUDGET. */
  ledger: TokenLedger;
  /** PAPERBOT_EMBEDDING_MODEL, when set. */
  embeddingModel?: string;
  /** PAPERBOT_SHORTLIST_SIZE: how many papers the judge reads per digest. */
  shortlistSize: number;
  /** The store's kv, where model outputs are cached. */
  kv: Store;
  /** The layer's logger (component "llm"). */
  logger: Logger;
}

/** What createLlmServices needs besides configuration. */
export interface LlmServicesDeps {
  /** The store's kv (caches and daily token counters). */
  kv: Store;
  logger: Logger;
  clock?: Clock;
  fetch?: typeof fetch;
  maxRetries?: number;
}

/**
 * Builds the LLM layer from `config.llm` (only call it when a key is configured): OpenAI-compatible
 * clients for judging, summaries and answers over one token ledger on the store.
 */
export function createLlmServices(config: LlmConfig, deps: LlmServicesDeps): LlmServices {
  const logger = deps.logger.child({ component: 'llm' });
  const ledger = createTokenLedger({
    kv: deps.kv,
    clock: deps.clock,
    dailyBudget: config.dailyTokenBudget,
    questionShare: config.questionBudgetShare,
    logger,
  });
  const llm = createOpenAiLlm(config, { logger, fetch: deps.fetch, maxRetries: deps.maxRetries, meter: ledger });
  // Answers draw on the whole budget, digests stop short of the share kept for questions.
  const answerLlm = createOpenAiLlm(config, { logger, fetch: deps.fetch, maxRetries: deps.maxRetries, meter: ledger.questions });
  return {
    llm,
    summaryLlm: llm.withModel(config.summaryModel),
    answerLlm,
    ledger,
    embeddingModel: config.embeddingModel,
    shortlistSize: config.shortlistSize,
    kv: deps.kv,
    logger,
  };
}
