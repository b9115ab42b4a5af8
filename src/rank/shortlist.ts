// Picks the few papers worth a model's attention for one channel: the lexical ranking, fused
// with embedding similarity when an embedding model is configured. Only this shortlist is judged.
import type { Embedder, LlmUsage, Logger, Store } from '../ports.js';
import type { InterestProfile, Paper, RankedPaper } from '../types.js';
import { CACHE_TTL_MS, hashText, interestsEmbeddingKey, paperEmbeddingKey } from '../llm/cache-keys.js';

/** Embedding settings; without them the shortlist is the lexical top. */
export interface ShortlistEmbeddings {
  embedder: Embedder;
  model: string;
  /** Vector cache: one entry per paper and model, shared by every channel. */
  kv: Store;
  signal?: AbortSignal;
}

/** What pickShortlist needs. */
export interface ShortlistDeps {
  /** Most papers to shortlist (config.llm.shortlistSize, default 30). */
  size: number;
  embeddings?: ShortlistEmbeddings;
  logger: Logger;
}

/** The shortlist and everything else, each in its order. */
export interface Shortlist {
  shortlist: RankedPaper[];
  /** Papers not shortlisted, in lexical order. */
  rest: RankedPaper[];
  /** Embedding tokens spent (as `prompt`); zero without embeddings or when all were cached. */
  usage: LlmUsage;
  /** Cosine similarity to the interests by paper id, when embeddings were used. */
  similarity?: Map<string, number>;
  /** Set when embeddings were configured but failed (the shortlist is then lexical). */
  embeddingError?: unknown;
}

/** Reciprocal-rank fusion constant (Cormack et al. use 60): damps the head of each list. */
export const RRF_K = 60;

/** Cosine similarity of two vectors (0 when either is all zeros or lengths differ). */
export function cosine(a: number[], b: number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Reciprocal-rank fusion: each id scores Σ 1/(k + rank) over the lists it appears in (rank from 1). */
export function reciprocalRankFusion(rankings: string[][], k = RRF_K): Map<string, number> {
  const fused = new Map<string, number>();
  for (const list of rankings) {
    list.forEach((id, i) => fused.set(id, (fused.get(id) ?? 0) + 1 / (k + i + 1)));
  }
  return fused;
}

/** The text embedded for a channel's interests. */
export function interestsEmbeddingText(profile: InterestProfile): string {
  return [profile.interests, ...profile.include].filter((s) => s.trim()).join('\n');
}

/** The text embedded for a paper. */
export function paperEmbeddingText(paper: Paper): string {
  return `${paper.title}\n${paper.abstract}`.slice(0, 4000);
}

/** Paper vectors from the cache, embedding (and caching) the missing ones. */
async function paperVectors(papers: Paper[], e: ShortlistEmbeddings, usage: LlmUsage): Promise<Map<string, number[]>> {
  const keys = papers.map((p) => paperEmbeddingKey(p.id, e.model));
  const cached = await e.kv.getMany<number[]>(keys);
  const out = new Map<string, number[]>();
  const missing: Paper[] = [];
  papers.forEach((p, i) => {
    const v = cached[i];
    if (Array.isArray(v) && v.length) out.set(p.id, v);
    else missing.push(p);
  });
  if (missing.length) {
    const { vectors, usage: used } = await e.embedder.embed(missing.map(paperEmbeddingText), e.model, { signal: e.signal });
    usage.prompt += used.prompt;
    await Promise.all(
      missing.map((p, i) => {
        out.set(p.id, vectors[i]!);
        return e.kv.set(paperEmbeddingKey(p.id, e.model), vectors[i]!, CACHE_TTL_MS);
      }),
    );
  }
  return out;
}

async function interestsVector(profile: InterestProfile, e: ShortlistEmbeddings, usage: LlmUsage): Promise<number[] | undefined> {
  const text = interestsEmbeddingText(profile);
  if (!text.trim()) return undefined;
  const key = interestsEmbeddingKey(hashText(text), e.model);
  const hit = await e.kv.get<number[]>(key);
  if (Array.isArray(hit) && hit.length) return hit;
  const { vectors, usage: used } = await e.embedder.embed([text], e.model, { signal: e.signal });
  usage.prompt += used.prompt;
  await e.kv.set(key, vectors[0]!, CACHE_TTL_MS);
  return vectors[0];
}

/**
 * Picks at most `size` papers from a lexical ranking (best first). Without embeddings: the top
 * papers with lexical score > 0. With embeddings: every non-excluded paper is ranked by cosine
 * similarity to the channel's interests or to its nearest example paper (whichever is higher;
 * example vectors are cached like any paper's) and that ranking is fused with the lexical one by
 * reciprocal rank, so a paper phrased differently from the interests can still make the list
 * (excluded papers never do). Embedding failures fall back to the lexical top and are reported in
 * `embeddingError`. Never throws for model failures.
 */
export async function pickShortlist(ranked: RankedPaper[], profile: InterestProfile, deps: ShortlistDeps): Promise<Shortlist> {
  const size = Math.max(0, Math.floor(deps.size));
  const usage: LlmUsage = { prompt: 0, completion: 0 };
  const lexical = ranked.filter((r) => r.score > 0);
  const lexicalPick = () => {
    const picked = new Set(lexical.slice(0, size).map((r) => r.paper.id));
    return {
      shortlist: ranked.filter((r) => picked.has(r.paper.id)),
      rest: ranked.filter((r) => !picked.has(r.paper.id)),
    };
  };
  if (!deps.embeddings || size === 0) return { ...lexicalPick(), usage };

  try {
    const candidates = ranked.filter((r) => !isExcluded(r));
    const target = await interestsVector(profile, deps.embeddings, usage);
    const examples = profile.examples ?? [];
    if (!target && examples.length === 0) return { ...lexicalPick(), usage };
    const vectors = await paperVectors(
      [...candidates.map((r) => r.paper), ...examples],
      deps.embeddings,
      usage,
    );
    const exampleVectors = examples.map((p) => vectors.get(p.id)).filter((v): v is number[] => Array.isArray(v) && v.length > 0);
    // A candidate's similarity: to the interests, or to its nearest example, whichever is higher.
    const similarity = new Map(
      candidates.map((r) => {
        const v = vectors.get(r.paper.id) ?? [];
        const sims = [...(target ? [cosine(target, v)] : []), ...exampleVectors.map((e) => cosine(e, v))];
        return [r.paper.id, sims.length ? Math.max(...sims) : 0];
      }),
    );
    const bySimilarity = [...candidates]
      .sort((a, b) => similarity.get(b.paper.id)! - similarity.get(a.paper.id)!)
      .map((r) => r.paper.id);
    // Both lists hold every candidate, so a paper the keywords missed (lexical score 0) still
    // gets a (low) lexical rank and can rise on similarity alone.
    const fused = reciprocalRankFusion([candidates.map((r) => r.paper.id), bySimilarity]);
    const lexicalRank = new Map(ranked.map((r, i) => [r.paper.id, i]));
    const order = [...fused.entries()]
      .sort((a, b) => b[1] - a[1] || lexicalRank.get(a[0])! - lexicalRank.get(b[0])!)
      .slice(0, size)
      .map(([id]) => id);
    const picked = new Set(order);
    const byId = new Map(ranked.map((r) => [r.paper.id, r]));
    return {
      shortlist: order.map((id) => byId.get(id)!),
      rest: ranked.filter((r) => !picked.has(r.paper.id)),
      usage,
      similarity,
    };
  } catch (err) {
    deps.logger.warn('embedding similarity failed; shortlisting by lexical rank', { error: String(err) });
    return { ...lexicalPick(), usage, embeddingError: err };
  }
}

/** True when the lexical ranker excluded the paper (a score of 0 with an exclusion marked). */
function isExcluded(r: RankedPaper): boolean {
  return r.score <= 0 && Boolean(r.parts?.excluded);
}
