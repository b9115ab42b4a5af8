// A channel's example papers (Subscription.likes) as papers, from the corpus.
import type { Paper } from '../types.js';

/** Anything that returns the papers it holds for some ids. */
interface PaperSource {
  getPapers(ids: string[]): Promise<Paper[]>;
}

/**
 * The example papers found in the corpus, in the order of `ids`. Ids it does not know are skipped
 * (they were stored when added). A corpus failure counts as none found: the digest still goes out.
 */
export async function examplePapers(ids: string[], corpus: PaperSource): Promise<Paper[]> {
  if (ids.length === 0) return [];
  const found = new Map((await corpus.getPapers(ids).catch(() => [] as Paper[])).map((p) => [p.id, p]));
  return ids.flatMap((id) => found.get(id) ?? []);
}
