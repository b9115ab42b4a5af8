// Papers an older paperbot kept in the state store (`paper:<id>` records listed by a chunked
// catalog) move into the corpus once, at the first start that has a corpus.
import type { Clock, PaperCorpus, Store } from '../ports.js';
import type { Paper } from '../types.js';
import * as keys from '../store-keys.js';

/** Papers read and upserted per round trip. */
const BATCH = 500;

/**
 * Copies every paper found through the old catalog into `corpus`, then sets a marker so later
 * starts skip the scan. Idempotent: the corpus merges by id, so a start that dies halfway (or two
 * instances starting together) simply moves the same papers again. The old records are left in
 * place (nothing is lost if a move fails); resolves with how many papers were moved (0 once done).
 */
export async function moveLegacyPapers(kv: Store, corpus: Pick<PaperCorpus, 'upsertPapers'>, clock: Clock): Promise<number> {
  if (await kv.get(keys.legacyPapersMoved())) return 0;
  const chunkNames = (await kv.get<string[]>(keys.papersCatalog())) ?? [];
  let moved = 0;
  for (const name of chunkNames) {
    const chunk = (await kv.get<Record<string, string>>(keys.papersCatalogChunk(name))) ?? {};
    const ids = Object.keys(chunk);
    for (let i = 0; i < ids.length; i += BATCH) {
      const values = await kv.getMany<Paper>(ids.slice(i, i + BATCH).map(keys.paper));
      const papers = values.filter((p): p is Paper => Boolean(p?.id));
      if (papers.length === 0) continue;
      await corpus.upsertPapers(papers);
      moved += papers.length;
    }
  }
  await kv.set(keys.legacyPapersMoved(), { at: clock.now().toISOString(), papers: moved });
  return moved;
}
