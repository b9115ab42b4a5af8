// Unknown-id lookups that never queue behind each other without bound: identical ids share one
// request, ids asked for at about the same time go to arXiv together in one id_list request, and
// past a small number of waiting ids new ones are refused at once ("busy, try again").
import type { PaperLookup } from '../ports.js';
import type { Paper } from '../types.js';
import { BotError } from '../errors.js';

/** Too many ids are already waiting for arXiv; the caller should say "busy, try again". */
export class LookupBusyError extends BotError {
  constructor() {
    super('busy', 'too many paper lookups waiting');
  }
}

/** Tuning of the coalescing. */
export interface CoalesceOptions {
  /** Distinct ids waiting or in flight at most; more are refused. Default 20. */
  maxPending: number;
  /** How long the first id of a batch waits for others, in ms. Default 25. */
  gatherMs: number;
  /** Most ids in one request. Default 50. */
  maxBatch: number;
}

/**
 * A PaperLookup whose byIds coalesces and batches as described above (byQuery passes through).
 * One batch is in flight at a time, since arXiv asks for requests one after another anyway.
 */
export function coalescedLookup(inner: PaperLookup, options: Partial<CoalesceOptions> = {}): PaperLookup {
  const o: CoalesceOptions = { maxPending: 20, gatherMs: 25, maxBatch: 50, ...options };
  const pending = new Map<string, Promise<Paper | undefined>>();
  let waiting: Array<{ id: string; resolve: (p: Paper | undefined) => void; reject: (e: unknown) => void }> = [];
  let flushing: Promise<void> | undefined;

  const flush = async (): Promise<void> => {
    await new Promise((r) => setTimeout(r, o.gatherMs));
    while (waiting.length) {
      const batch = waiting.slice(0, o.maxBatch);
      waiting = waiting.slice(o.maxBatch);
      try {
        const found = await inner.byIds(batch.map((w) => w.id));
        const byId = new Map(found.map((p) => [p.id, p]));
        for (const w of batch) w.resolve(byId.get(w.id));
      } catch (err) {
        for (const w of batch) w.reject(err);
      } finally {
        for (const w of batch) pending.delete(w.id);
      }
    }
    flushing = undefined;
  };

  const one = (id: string): Promise<Paper | undefined> => {
    const known = pending.get(id);
    if (known) return known;
    if (pending.size >= o.maxPending) return Promise.reject(new LookupBusyError());
    const promise = new Promise<Paper | undefined>((resolve, reject) => waiting.push({ id, resolve, reject }));
    pending.set(id, promise);
    flushing ??= flush();
    return promise;
  };

  return {
    async byIds(ids: string[]): Promise<Paper[]> {
      const found = await Promise.all([...new Set(ids)].map(one));
      return found.filter((p): p is Paper => p !== undefined);
    },
    byQuery: (text, maxResults) => inner.byQuery(text, maxResults),
  };
}
