// The LLM layer's public surface, and one factory that wires it from configuration.
import type { LlmConfig } from '../config.js';
import type { Answerer, Clock, Logger, PaperCorpus, Store } from '../ports.js';
import type { FullTexts } from '../fulltext/full-texts.js';
import { createOpenAiLlm, type OpenAiLlm } from './openai-llm.js';
import { createTokenLedger, type TokenLedger } from './token-ledger.js';
import { createLlmStages, type LlmStages } from './model-stages.js';
import { createLlmAnswerer } from '../qa/llm-answerer.js';

export { createOpenAiLlm, type OpenAiLlm, type OpenAiLlmDeps, type LlmMeter, type EmbeddingResult } from './openai-llm.js';
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
export { rankWithJudge, type RankWithJudgeDeps, type RankWithJudgeResult } from './rank-with-judge.js';
export { summarizePapers, themesOfTheDay, type SummariesResult, type ThemesResult, type LlmSummary } from './summaries.js';
export { createLlmAnswerer, type LlmAnswererDeps } from '../qa/llm-answerer.js';
export { createLlmStages, DEFAULT_RUN_DEADLINE_MS, type LlmStages, type LlmStagesDeps } from './model-stages.js';
export { approxTokens } from './tokens.js';

/** Everything the app needs from the LLM layer, sharing one client and one token ledger. */
export interface LlmServices {
  /** The judge/answer model (PAPERBOT_MODEL). */
  llm: OpenAiLlm;
  /** The summary model (PAPERBOT_SUMMARY_MODEL, default PAPERBOT_MODEL). */
  summaryLlm: OpenAiLlm;
  /** Counts every call per process and per UTC day; caps the day at PAPERBOT_DAILY_TOKEN_BUDGET. */
  ledger: TokenLedger;
  /** PAPERBOT_EMBEDDING_MODEL, when set. */
  embeddingModel?: string;
  /** Model stages for ONE digest run (deadline and figures start now). */
  createStages(options?: { deadlineMs?: number; signal?: AbortSignal }): LlmStages;
  /** The model-backed Answerer, falling back to `fallback` on model failures. */
  createAnswerer(options: {
    /** The corpus: papers, their search, stored full texts and their chunk search. */
    corpus: Pick<PaperCorpus, 'search' | 'getPapers' | 'getFullText' | 'searchChunks'>;
    fallback: Answerer | ((reason: string) => Answerer);
    budget?: number;
    /** Full texts of papers, fetched on first use. */
    fullTexts?: FullTexts;
  }): Answerer;
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
 * Wires the LLM layer from `config.llm` (only call it when a key is configured): one OpenAI-compatible
 * client, a token ledger on the store, stages for digest runs and the answerer.
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
  const summaryLlm = llm.withModel(config.summaryModel);
  const embeddings = config.embeddingModel ? { embedder: llm, model: config.embeddingModel } : undefined;
  // Answers draw on the whole budget, digests stop short of the share kept for questions.
  const answerLlm = createOpenAiLlm(config, { logger, fetch: deps.fetch, maxRetries: deps.maxRetries, meter: ledger.questions });
  return {
    llm,
    summaryLlm,
    ledger,
    embeddingModel: config.embeddingModel,
    createStages(options = {}) {
      return createLlmStages({
        llm,
        summaryLlm,
        kv: deps.kv,
        logger,
        shortlistSize: config.shortlistSize,
        embeddings,
        deadlineMs: options.deadlineMs,
        signal: options.signal,
      });
    },
    createAnswerer(options) {
      return createLlmAnswerer({
        llm: answerLlm,
        embeddings: config.embeddingModel ? { embedder: answerLlm, model: config.embeddingModel, kv: deps.kv } : undefined,
        fallback: options.fallback,
        budget: options.budget,
        fullTexts: options.fullTexts,
        corpus: options.corpus,
        summaries: { kv: deps.kv, model: summaryLlm.model },
        logger,
      });
    },
  };
}
