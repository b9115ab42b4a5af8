// The model-backed Answerer: thread answers (src/qa/answer-thread.ts) and corpus answers
// (src/qa/ask-corpus.ts) with checked quotes and section citations. Any model failure falls back
// to the extractive answerer, saying why.
import type { Answer, Answerer, FullTexts, Llm, Logger, PaperCorpus, Store } from '../ports.js';
import type { Paper, ThreadTurn } from '../types.js';
import { errorMessage } from '../errors.js';
import { silentLogger } from '../logger.js';
import { promptVersion } from '../llm/prompts.js';
import { summaryKey } from '../llm/cache-keys.js';
import type { LlmSummary } from '../digest/summaries.js';
import type { LlmServices } from '../llm/index.js';
import { answerAboutThread } from './answer-thread.js';
import { askAcrossCorpus } from './ask-corpus.js';
import type { ChunkEmbeddings } from './embed-chunks.js';

export { trimHistory, DEFAULT_HISTORY_TOKENS } from './answer-thread.js';
export { CORPUS_PAPERS } from './ask-corpus.js';

/** What createLlmAnswerer needs. */
export interface LlmAnswererDeps {
  llm: Llm;
  /**
   * Used when the model fails. A function gets the reason (e.g. "the language model is unavailable
   * (daily token budget reached)") so the extractive answerer can say it; a plain Answerer's text
   * gets that reason prepended.
   */
  fallback: Answerer | ((reason: string) => Answerer);
  /** Full texts, fetched on the first question about a paper; without it answers rest on abstracts. */
  fullTexts?: FullTexts;
  /** The corpus: papers, their search, stored full texts and their chunk search. */
  corpus: Pick<PaperCorpus, 'search' | 'getPapers' | 'getFullText' | 'searchChunks'>;
  /** Approximate tokens (chars/4) of the thread's latest turns kept as history (default 1000). */
  budget?: number;
  /** Approximate tokens of evidence sent per question (default 2400). */
  evidenceTokens?: number;
  /** Embedding similarity for evidence retrieval (PAPERBOT_EMBEDDING_MODEL). */
  embeddings?: ChunkEmbeddings;
  /** Where cached model TL;DRs live (the store's kv) and which model made them; else HF's ai_summary is used. */
  summaries?: { kv: Store; model: string };
  logger?: Logger;
  /** How many papers askCorpus retrieves (default 5). */
  corpusPapers?: number;
}

/**
 * Creates the model-backed Answerer. `answerAboutPapers` answers from passages of the papers'
 * full texts (the TL;DR shown labelled as a summary), keeping only claims whose quote is found in
 * what was sent, each cited `[n §section]`; it says "the paper does not say" only when the full
 * text was read. `askCorpus` does the same over the best-matching stored papers. Model failures
 * fall back to `fallback`, saying why. Never throws for model failures.
 */
export function createLlmAnswerer(deps: LlmAnswererDeps): Answerer {
  const log = (deps.logger ?? silentLogger).child({ component: 'answerer' });

  function fallbackFor(err: unknown): { answerer: Answerer; prefix?: string } {
    const reason = `the language model could not answer (${errorMessage(err).replace(/\s+/g, ' ').slice(0, 120)})`;
    if (typeof deps.fallback === 'function') return { answerer: deps.fallback(reason.charAt(0).toUpperCase() + reason.slice(1)) };
    return { answerer: deps.fallback, prefix: `_Note: ${reason}._\n` };
  }

  async function withFallback(err: unknown, run: (a: Answerer) => Promise<Answer>): Promise<Answer> {
    log.warn('model answer failed; falling back to extracts', { error: errorMessage(err) });
    const { answerer, prefix } = fallbackFor(err);
    const answer = await run(answerer);
    return prefix ? { ...answer, text: `${prefix}${answer.text}` } : answer;
  }

  async function summariesOf(papers: Paper[]): Promise<Array<string | undefined>> {
    if (!deps.summaries) return papers.map((p) => p.aiSummary);
    try {
      const version = promptVersion('summarize');
      const hits = await deps.summaries.kv.getMany<LlmSummary>(papers.map((p) => summaryKey(p.id, version, deps.summaries!.model)));
      return papers.map((p, i) => hits[i]?.text ?? p.aiSummary);
    } catch {
      return papers.map((p) => p.aiSummary);
    }
  }

  return {
    async answerAboutPapers(question: string, papers: Paper[], history: ThreadTurn[]): Promise<Answer> {
      if (papers.length === 0) return { text: 'I have no paper to answer from.', citations: [], extractive: false };
      try {
        return await answerAboutThread(
          { llm: deps.llm, fullTexts: deps.fullTexts, corpus: deps.corpus, summariesOf, historyTokens: deps.budget, evidenceTokens: deps.evidenceTokens, embeddings: deps.embeddings },
          question,
          papers,
          history,
        );
      } catch (err) {
        return withFallback(err, (a) => a.answerAboutPapers(question, papers, history));
      }
    },

    async askCorpus(question: string): Promise<Answer> {
      try {
        return await askAcrossCorpus(
          { llm: deps.llm, corpus: deps.corpus, papers: deps.corpusPapers, evidenceTokens: deps.evidenceTokens, embeddings: deps.embeddings },
          question,
        );
      } catch (err) {
        return withFallback(err, (a) => a.askCorpus(question));
      }
    },
  };
}

/**
 * The model-backed Answerer from the app's LLM services: answers on the answer client (which may
 * spend the questions' share of the budget), the summary model's cached TL;DRs, and embeddings
 * when PAPERBOT_EMBEDDING_MODEL is set. Falls back to `options.fallback` on model failures.
 */
export function llmAnswererFor(
  services: LlmServices,
  options: Pick<LlmAnswererDeps, 'corpus' | 'fallback' | 'budget' | 'fullTexts'>,
): Answerer {
  return createLlmAnswerer({
    llm: services.answerLlm,
    embeddings: services.embeddingModel ? { embedder: services.answerLlm, model: services.embeddingModel, kv: services.kv } : undefined,
    fallback: options.fallback,
    budget: options.budget,
    fullTexts: options.fullTexts,
    corpus: options.corpus,
    summaries: { kv: services.kv, model: services.summaryLlm.model },
    logger: services.logger,
  });
}
