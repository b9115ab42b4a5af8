// The digest's model stages (ModelStages of src/digest/prepare-digest.ts) over the LLM layer:
// shortlist judge for ranking, shared TL;DRs and a themes line, under one run deadline.
import type { Embedder, Llm, Logger, ModelStages, Store } from '../ports.js';
import type { Paper } from '../types.js';
import type { LlmServices } from '../llm/index.js';
import { rankWithJudge } from '../rank/rank-with-judge.js';
import { summarizePapers, themesOfTheDay } from './summaries.js';

/** Default deadline of one digest run's model work. */
export const DEFAULT_RUN_DEADLINE_MS = 5 * 60_000;

/** What createLlmStages needs. */
export interface LlmStagesDeps {
  /** The judge model. */
  llm: Llm;
  /** The summary model (default: `llm`). */
  summaryLlm?: Llm;
  /** The store's kv: summaries, verdicts and vectors are cached there. */
  kv: Store;
  logger: Logger;
  shortlistSize: number;
  embeddings?: { embedder: Embedder; model: string };
  /** Model work stops (and degrades) this long after the stages are created (default 5 min). */
  deadlineMs?: number;
  /** An outer signal (e.g. shutdown) that also stops model work. */
  signal?: AbortSignal;
}

/** ModelStages plus the run's figures including embedding tokens. */
export interface LlmStages extends ModelStages {
  /** Tokens this stages object spent: chat prompt/completion, embedding input, calls. */
  figures(): { prompt: number; completion: number; embedding: number; calls: number };
}

/**
 * Creates the model stages for ONE digest run (create a new one per run: the deadline and the
 * token figures start at creation). Stages never throw: failures become digest notes.
 */
export function createLlmStages(deps: LlmStagesDeps): LlmStages {
  const deadline = AbortSignal.timeout(deps.deadlineMs ?? DEFAULT_RUN_DEADLINE_MS);
  const signal = deps.signal ? AbortSignal.any([deps.signal, deadline]) : deadline;
  const spent = { prompt: 0, completion: 0, embedding: 0, calls: 0 };
  const summaryLlm = deps.summaryLlm ?? deps.llm;
  // One "budget reached" line per digest: rerank's note covers the summaries that follow it.
  let rerankHitBudget = false;

  return {
    async rerank(ranked, profile, context) {
      const log = deps.logger.child({ channel: context.channelKey, date: context.date });
      const result = await rankWithJudge(ranked, profile, {
        llm: deps.llm,
        kv: deps.kv,
        logger: log,
        shortlistSize: deps.shortlistSize,
        embeddings: deps.embeddings,
        signal,
        expandInterests: true,
      });
      spent.prompt += result.usage.prompt;
      spent.completion += result.usage.completion;
      spent.embedding += result.usage.embedding;
      spent.calls += result.calls;
      rerankHitBudget = result.notes.some((n) => n.kind === 'budget');
      return { ranked: result.ranked, notes: result.notes };
    },

    async summarize(papers: Paper[]) {
      const sdeps = { llm: summaryLlm, kv: deps.kv, logger: deps.logger, signal };
      const s = await summarizePapers(papers, sdeps);
      spent.prompt += s.usage.prompt;
      spent.completion += s.usage.completion;
      spent.calls += s.calls;
      const notes = [...s.notes];
      let themes: string | undefined;
      if (!notes.length) {
        const t = await themesOfTheDay(
          papers.map((paper) => ({ paper, tldr: s.summaries.get(paper.id)?.text ?? paper.aiSummary })),
          sdeps,
        );
        spent.prompt += t.usage.prompt;
        spent.completion += t.usage.completion;
        spent.calls += t.calls;
        themes = t.themes;
        notes.push(...t.notes);
      }
      const kept = rerankHitBudget ? notes.filter((n) => n.kind !== 'budget') : notes;
      rerankHitBudget = false;
      return { summaries: new Map([...s.summaries].map(([id, v]) => [id, v.text])), themes, notes: kept };
    },

    tokens() {
      return spent.prompt || spent.completion ? { prompt: spent.prompt, completion: spent.completion } : undefined;
    },

    figures() {
      return { ...spent };
    },
  };
}

/**
 * The digest's model stages for ONE run from the app's LLM services: the judge on PAPERBOT_MODEL,
 * TL;DRs and themes on PAPERBOT_SUMMARY_MODEL, embeddings when PAPERBOT_EMBEDDING_MODEL is set.
 */
export function modelStagesFor(services: LlmServices, options: { deadlineMs?: number; signal?: AbortSignal } = {}): LlmStages {
  return createLlmStages({
    llm: services.llm,
    summaryLlm: services.summaryLlm,
    kv: services.kv,
    logger: services.logger,
    shortlistSize: services.shortlistSize,
    embeddings: services.embeddingModel ? { embedder: services.llm, model: services.embeddingModel } : undefined,
    deadlineMs: options.deadlineMs,
    signal: options.signal,
  });
}
