// Named cache keys of the LLM layer, all built by src/store-keys.ts (prompt version and model are
// always part of the key, so a new prompt or model never reads an old answer).
import { createHash } from 'node:crypto';
import * as keys from '../store-keys.js';

/** Short stable hash of a text (hex, 16 chars), for keys that depend on long inputs. */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** A paper's TL;DR by a model with a summarize prompt version. */
export const summaryKey = (paperId: string, promptVersion: string, model: string): string =>
  keys.summary(paperId, promptVersion, model);

/** A paper's embedding vector by an embedding model. */
export const paperEmbeddingKey = (paperId: string, model: string): string => keys.embedding(paperId, model);

/** A channel's interests embedding (`profileHash` = hashText of the embedded text). */
export const interestsEmbeddingKey = (profileHash: string, model: string): string =>
  keys.cacheKey('interests-embedding', profileHash, model);

/** The judge's verdict on one paper for one interest profile (`profileHash` = hashText of the rendered interests). */
export const judgementKey = (paperId: string, profileHash: string, promptVersion: string, model: string): string =>
  keys.cacheKey('judge', paperId, profileHash, promptVersion, model);

/** A channel's interests expanded into search terms (`interestsHash` = hashText of the interest text). */
export const expansionKey = (interestsHash: string, promptVersion: string, model: string): string =>
  keys.cacheKey('expand-interests', interestsHash, promptVersion, model);

/** A themes line for a set of papers (`papersHash` = hashText of the sorted ids). */
export const themesKey = (papersHash: string, promptVersion: string, model: string): string =>
  keys.cacheKey('themes', papersHash, promptVersion, model);

/** How long model outputs are cached. */
export const CACHE_TTL_MS = keys.TTL.cache;
