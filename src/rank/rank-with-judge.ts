// One channel's ranking with the model: shortlist (lexical, + embeddings) → judge → blend.
// Any model failure degrades to the lexical order with a note; this never throws.
import type { Embedder, Llm, LlmUsage, Logger, Store } from '../ports.js';
import type { DigestNote, InterestProfile, RankedPaper } from '../types.js';
import { pickShortlist } from './shortlist.js';
import { judgePapers } from './llm-judge.js';
import { blendJudged, type BlendWeights } from './blend.js';
import { degradedNote } from '../llm/degrade.js';
import { expandInterests } from './expand-interests.js';
import { rankLexical } from './lexical.js';

/** What rankWithJudge needs. */
export interface RankWithJudgeDeps {
  llm: Llm;
  logger: Logger;
  /** Cache for verdicts and vectors (the store's kv); none = no caching. */
  kv?: Store;
  /** Most papers sent to the judge (config.llm.shortlistSize). */
  shortlistSize: number;
  /** Papers per judge call (default 10). */
  batchSize?: number;
  /** Set when PAPERBOT_EMBEDDING_MODEL is: fuse cosine similarity into the shortlist. */
  embeddings?: { embedder: Embedder; model: string };
  /** The run's deadline. */
  signal?: AbortSignal;
  weights?: BlendWeights;
  /**
   * Expand the interest text into search words and acronym long forms first (one cached call per
   * interest text) and rank the candidates lexically again with them before shortlisting.
   */
  expandInterests?: boolean;
}

/** A judged ranking, its notes and what it cost. */
export interface RankWithJudgeResult {
  /** Every input paper, best first. */
  ranked: RankedPaper[];
  notes: DigestNote[];
  /** Chat tokens of the judge, plus `embedding` input tokens. */
  usage: LlmUsage & { embedding: number };
  /** Papers the judge scored (from the cache or a call). */
  judged: number;
  /** Judge calls made. */
  calls: number;
  /** True when the lexical order was kept because the model failed. */
  degraded: boolean;
}

/**
 * Re-ranks a channel's lexical ranking (best first, every paper): only the shortlist goes to the
 * judge, in batches; the judged shortlist is blended with lexical score, popularity and feedback
 * and comes first, the rest follow in lexical order. On any model failure (timeout, 429 after
 * retries, invalid output, refusal, budget, deadline) the lexical order is returned unchanged with
 * one note. Never throws.
 */
export async function rankWithJudge(
  lexical: RankedPaper[],
  profile: InterestProfile,
  deps: RankWithJudgeDeps,
): Promise<RankWithJudgeResult> {
  const log = deps.logger.child({ stage: 'rank' });
  const usage = { prompt: 0, completion: 0, embedding: 0 };
  const base = { ranked: lexical, notes: [] as DigestNote[], usage, judged: 0, calls: 0, degraded: false };
  if (lexical.length === 0 || deps.shortlistSize <= 0) return base;

  if (deps.expandInterests && profile.interests.trim() && !profile.expansion) {
    try {
      const { expansion, usage: used } = await expandInterests(profile.interests, { llm: deps.llm, logger: log, kv: deps.kv, signal: deps.signal });
      usage.prompt += used.prompt;
      usage.completion += used.completion;
      profile = { ...profile, expansion };
      lexical = rankLexical(lexical.map((r) => r.paper), profile);
      base.ranked = lexical;
    } catch (err) {
      log.warn('interest expansion failed; ranking with the typed interests', { error: String(err) });
    }
  }

  const picked = await pickShortlist(lexical, profile, {
    size: deps.shortlistSize,
    logger: log,
    embeddings:
      deps.embeddings && deps.kv
        ? { ...deps.embeddings, kv: deps.kv, signal: deps.signal }
        : undefined,
  });
  usage.embedding += picked.usage.prompt;
  if (picked.shortlist.length === 0) return base;

  try {
    const result = await judgePapers(
      picked.shortlist.map((r) => r.paper),
      profile,
      { llm: deps.llm, kv: deps.kv, logger: log, signal: deps.signal, batchSize: deps.batchSize },
    );
    usage.prompt += result.usage.prompt;
    usage.completion += result.usage.completion;
    if (result.judgements.size === 0) {
      return {
        ...base,
        calls: result.calls,
        degraded: true,
        notes: [{ kind: 'llm-degraded', text: 'The model judged none of the shortlisted papers: ranked by keywords and popularity.' }],
      };
    }
    log.info('judged shortlist', {
      shortlisted: picked.shortlist.length,
      judged: result.judgements.size,
      cached: result.cached,
      calls: result.calls,
      unknownIds: result.unknownIds.length,
      missingIds: result.missingIds.length,
    });
    const notes: DigestNote[] = result.failedBatches
      ? [{ kind: 'llm-degraded', text: `The model judged ${result.judgements.size} of ${picked.shortlist.length} shortlisted papers; the rest are ranked by keywords and popularity.` }]
      : [];
    return {
      ranked: blendJudged(picked.shortlist, result.judgements, picked.rest, deps.weights),
      notes,
      usage,
      judged: result.judgements.size,
      calls: result.calls,
      degraded: false,
    };
  } catch (err) {
    log.warn('judge failed; keeping the lexical order', { error: String(err) });
    return { ...base, degraded: true, notes: [degradedNote(err, 'ranked by keywords and popularity only')] };
  }
}
