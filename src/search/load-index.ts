// Fills the search index from the store at start-up.
import type { PaperIndex, PaperRepository } from '../ports.js';

/**
 * Adds every stored paper to `index`, a batch at a time, so the whole corpus is never held twice
 * in memory. Resolves with the number of papers indexed.
 */
export async function loadIndexFromStore(
  store: Pick<PaperRepository, 'allPaperIds' | 'getPapers' | 'papersInBatches'>,
  index: PaperIndex,
  batchSize = 2000,
): Promise<number> {
  let count = 0;
  if (store.papersInBatches) {
    for await (const batch of store.papersInBatches(batchSize)) {
      index.add(batch);
      count += batch.length;
    }
    return count;
  }
  const ids = await store.allPaperIds();
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = await store.getPapers(ids.slice(i, i + batchSize));
    index.add(batch);
    count += batch.length;
  }
  return count;
}
