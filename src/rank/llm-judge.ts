// The LLM judge: scores a shortlist of papers 0–10 for one interest profile, in batches, with a
// one-line reason each. Ids the model returns are checked against the ids it was given.
import { z } from 'zod';
import type { Llm, LlmUsage, Logger, RenderedPrompt, Store } from '../ports.js';
import type { InterestProfile, Paper } from '../types.js';
import { renderPrompt, promptVersion } from '../llm/prompts.js';
import { carriesLinkOrMention, neutralize, paperBlock } from '../llm/untrusted.js';
import { CACHE_TTL_MS, hashText, judgementKey } from '../llm/cache-keys.js';
import { chunk, runBatches } from '../llm/run-batches.js';
import { addUsage, noUsage } from '../llm/degrade.js';
import { seededRandom } from '../seeded-random.js';

/** What the judge prompt must return. Scores are clamped to 0–10 after parsing. */
export const JudgeReplySchema = z.object({
  judgements: z.array(z.object({ id: z.string(), score: z.number(), reason: z.string() })),
});

/** One paper's verdict. `score` is in [0, 10]. */
export interface Judgement {
  id: string;
  score: number;
  reason: string;
}

/** Papers per judge call, and the most ever sent in one (a longer list blurs the judge's scale). */
export const JUDGE_BATCH_SIZE = 10;
/** The judge's sampling: the same shortlist gets the same verdicts. */
export const JUDGE_SAMPLING = Object.freeze({ temperature: 0, seed: 11 });
/** Abstract characters shown to the judge (about 175 tokens): enough to judge topic and method. */
export const JUDGE_ABSTRACT_CHARS = 700;
/** Liked/disliked titles shown to the judge as taste hints. */
const FEEDBACK_TITLES = 5;

/** What judgePapers needs. */
export interface JudgeDeps {
  llm: Llm;
  logger: Logger;
  /** Verdict cache (per paper, profile, prompt version and model); none = always ask. */
  kv?: Store;
  signal?: AbortSignal;
  batchSize?: number;
  /** Concurrent judge calls (default 2). */
  concurrency?: number;
}

/** What a judging pass produced. */
export interface JudgeResult {
  /** Verdicts by paper id, for papers the model judged (now or from the cache). */
  judgements: Map<string, Judgement>;
  usage: LlmUsage;
  /** Model calls made (0 when every verdict was cached). */
  calls: number;
  cached: number;
  /** Ids the model returned that were not in its batch (dropped). */
  unknownIds: string[];
  /** Ids the model was given but did not judge. */
  missingIds: string[];
  /** Batches whose call failed (their papers are unjudged; the others' verdicts are kept). */
  failedBatches: number;
}

/**
 * The interests block the judge reads: the channel's free text, include/exclude words, followed
 * authors and a few liked/disliked titles. Untrusted (admin-typed), so it goes in the user message.
 */
export function renderInterests(profile: InterestProfile): string {
  const lines = [`Interests: ${profile.interests.trim() || '(none given)'}`];
  if (profile.include.length) lines.push(`Boost papers about: ${profile.include.join(', ')}`);
  if (profile.exclude.length) lines.push(`Exclude papers about: ${profile.exclude.join(', ')}`);
  if (profile.follow.length) lines.push(`Followed authors: ${profile.follow.join(', ')}`);
  const liked = profile.feedback.filter((f) => f.value > 0).slice(-FEEDBACK_TITLES);
  const disliked = profile.feedback.filter((f) => f.value < 0).slice(-FEEDBACK_TITLES);
  const examples = (profile.examples ?? []).slice(-FEEDBACK_TITLES);
  if (examples.length) lines.push(`Example papers the team wants more like: ${examples.map((p) => `"${p.title}"`).join('; ')}`);
  if (liked.length) lines.push(`Papers the team liked: ${liked.map((f) => `"${f.paper.title}"`).join('; ')}`);
  if (disliked.length) lines.push(`Papers the team disliked: ${disliked.map((f) => `"${f.paper.title}"`).join('; ')}`);
  return lines.join('\n');
}

/** Renders the judge prompt for one batch (also used by the benchmark's naive design). */
export function renderJudgePrompt(papers: Paper[], interests: string): RenderedPrompt {
  return renderPrompt('judge', {
    // The template supplies the <interests> tags around this untrusted text.
    interests: neutralize(interests.trim()),
    count: papers.length,
    papers: papers.map((p) => paperBlock(p, { maxAbstractChars: JUDGE_ABSTRACT_CHARS, authors: 4 })).join('\n\n'),
  });
}

const clampScore = (score: number): number => (Number.isFinite(score) ? Math.min(10, Math.max(0, score)) : 0);


/**
 * The papers in an order that hides their lexical rank from the judge (a model favours what comes
 * first), shuffled by a seed taken from the profile and the ids: the same input, the same order.
 */
export function shuffledForJudge(papers: Paper[], profileHash: string): Paper[] {
  const seed = parseInt(hashText(`${profileHash}\n${papers.map((p) => p.id).join('\n')}`).slice(0, 8), 16);
  const random = seededRandom(seed);
  const out = [...papers];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Judges `papers` for `profile` in batches of at most JUDGE_BATCH_SIZE, in a seeded shuffled
 * order, at temperature 0 with a fixed seed. Cached verdicts are reused; unknown ids in a reply
 * are dropped and logged, missing ones are logged and left unjudged. A failed batch leaves its
 * papers unjudged and the other batches' (and cached) verdicts stand. Only when no verdict at all
 * is left is the first model error (LlmUnavailableError / LlmOutputError) thrown, so the caller
 * can degrade.
 */
export async function judgePapers(papers: Paper[], profile: InterestProfile, deps: JudgeDeps): Promise<JudgeResult> {
  const log = deps.logger.child({ stage: 'judge' });
  const interests = renderInterests(profile);
  const version = promptVersion('judge');
  const profileHash = hashText(interests);
  const keyOf = (id: string) => judgementKey(id, profileHash, version, deps.llm.model);
  const result: JudgeResult = {
    judgements: new Map(),
    usage: noUsage(),
    calls: 0,
    cached: 0,
    unknownIds: [],
    missingIds: [],
    failedBatches: 0,
  };

  let todo = papers;
  if (deps.kv && papers.length) {
    const hits = await deps.kv.getMany<Judgement>(papers.map((p) => keyOf(p.id)));
    todo = papers.filter((p, i) => {
      const hit = hits[i];
      if (hit && hit.id === p.id) {
        result.judgements.set(p.id, hit);
        result.cached++;
        return false;
      }
      return true;
    });
  }

  const size = Math.min(JUDGE_BATCH_SIZE, Math.max(1, deps.batchSize ?? JUDGE_BATCH_SIZE));
  const batches = chunk(shuffledForJudge(todo, profileHash), size);
  let firstError: { error: unknown } | undefined;
  await runBatches(batches, deps.concurrency ?? 2, async (batch) => {
    const given = new Set(batch.map((p) => p.id));
    let reply: { data: z.infer<typeof JudgeReplySchema>; usage: LlmUsage };
    try {
      reply = await deps.llm.generate({
        prompt: renderJudgePrompt(batch, interests),
        schema: JudgeReplySchema,
        maxOutputTokens: 80 + 60 * batch.length,
        signal: deps.signal,
        sampling: JUDGE_SAMPLING,
      });
    } catch (error) {
      result.failedBatches++;
      firstError ??= { error };
      log.warn('judge batch failed; its papers keep their lexical rank', { ids: batch.map((p) => p.id), error: String(error) });
      return;
    }
    const { data, usage } = reply;
    result.calls++;
    addUsage(result.usage, usage);
    const fresh: Judgement[] = [];
    for (const j of data.judgements) {
      const id = j.id.trim();
      if (!given.has(id)) {
        result.unknownIds.push(id);
        continue;
      }
      if (fresh.some((f) => f.id === id)) continue; // a repeated id: the first verdict wins
      const reason = j.reason.replace(/\s+/g, ' ').trim();
      // A reason with a link or a mention is neither cached nor shown; the score still counts.
      const verdict = { id, score: clampScore(j.score), reason: carriesLinkOrMention(reason) ? '' : reason };
      result.judgements.set(id, verdict);
      fresh.push(verdict);
    }
    const missing = batch.filter((p) => !fresh.some((f) => f.id === p.id)).map((p) => p.id);
    result.missingIds.push(...missing);
    if (deps.kv) await Promise.all(fresh.map((v) => deps.kv!.set(keyOf(v.id), v, CACHE_TTL_MS)));
  });

  if (firstError && result.judgements.size === 0) throw firstError.error;
  if (result.unknownIds.length) log.warn('judge returned unknown paper ids; dropped', { ids: result.unknownIds });
  result.missingIds.sort();
  if (result.missingIds.length) log.warn('judge skipped papers; they keep their lexical rank', { ids: result.missingIds });
  return result;
}
