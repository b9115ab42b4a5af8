// A channel's example papers (Subscription.likes) as papers: from the bot's store, else the corpus.
import type { Paper } from '../types.js';

/** Anything that returns the papers it holds for some ids. */
interface PaperSource {
  getPapers(ids: string[]): Promise<Paper[]>;
}

/**
 * The example papers found, in the order of `ids`: each from the store when it has it, else from
 * the corpus. Ids neither knows are skipped (they were looked up when added; a pruned store may
 * have lost them). Corpus failures count as not found.
 */
export async function examplePapers(ids: string[], from: { store: PaperSource; corpus?: PaperSource }): Promise<Paper[]> {
  if (ids.length === 0) return [];
  const found = new Map((await from.store.getPapers(ids)).map((p) => [p.id, p]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length && from.corpus) {
    const fromCorpus = await from.corpus.getPapers(missing).catch(() => [] as Paper[]);
    for (const p of fromCorpus) found.set(p.id, p);
  }
  return ids.flatMap((id) => found.get(id) ?? []);
}
