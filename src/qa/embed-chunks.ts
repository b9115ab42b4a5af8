// Semantic order of evidence chunks when PAPERBOT_EMBEDDING_MODEL is set: the question and each
// chunk are embedded (chunk vectors cached in the store, so a paper's chunks are embedded once per
// model), and chunks are ordered by cosine similarity to the question.
import type { Embedder, Store } from '../ports.js';
import { cosine } from '../rank/shortlist.js';
import { hashText } from '../llm/cache-keys.js';
import { cacheKey } from '../store-keys.js';

/** Embedding settings for evidence retrieval. */
export interface ChunkEmbeddings {
  embedder: Embedder;
  model: string;
  /** Where chunk vectors are cached. */
  kv: Store;
}

/** Most chunks embedded for one question (a long paper's tail is left to the lexical ranking). */
const MAX_EMBEDDED_CHUNKS = 200;
/** How long a chunk vector is kept. */
const CHUNK_VECTOR_TTL_MS = 90 * 24 * 60 * 60 * 1000;

const chunkKey = (paperId: string, text: string, model: string) => cacheKey('chunk-embedding', hashText(`${paperId}\u0000${text}`), model);

/**
 * Indexes of `chunks` (each `{ paperId, text }`), most similar to `question` first. Only cache
 * misses and the question are sent to the embeddings endpoint. Throws when the endpoint fails
 * (the caller keeps its lexical order).
 */
export async function orderBySimilarity(question: string, chunks: Array<{ paperId: string; text: string }>, e: ChunkEmbeddings): Promise<number[]> {
  const considered = chunks.slice(0, MAX_EMBEDDED_CHUNKS);
  const keys = considered.map((c) => chunkKey(c.paperId, c.text, e.model));
  const cached = await e.kv.getMany<number[]>(keys);
  const missing = considered.map((_, i) => i).filter((i) => !cached[i]);
  const { vectors } = await e.embedder.embed([question, ...missing.map((i) => considered[i]!.text)], e.model);
  const [questionVector, ...fresh] = vectors;
  const all = [...cached];
  await Promise.all(
    missing.map((i, k) => {
      all[i] = fresh[k]!;
      return e.kv.set(keys[i]!, fresh[k]!, CHUNK_VECTOR_TTL_MS);
    }),
  );
  return considered
    .map((_, i) => ({ i, similarity: cosine(questionVector!, all[i]!) }))
    .sort((a, b) => b.similarity - a.similarity)
    .map((x) => x.i);
}
