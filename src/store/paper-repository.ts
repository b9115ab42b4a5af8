// Stored papers: one record per paper (`paper:<id>`) plus the chunked catalog.
import type { Logger, PaperRepository, Store } from '../ports.js';
import type { Paper } from '../types.js';
import { KeyedMutex } from './mutex.js';
import * as keys from './keys.js';
import { canonicalPaper, catalogDate, mergePaper } from '../corpus/merge.js';
import { PaperCatalog, type CatalogEntry } from './paper-catalog.js';
import { PaperChangeLog, type PaperChanges } from './paper-change-log.js';

/** Writes in flight at once during an upsert (the SQLite connection queues them anyway). */
const WRITE_CONCURRENCY = 32;

async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * PaperRepository over a Store. Upserts are serialized within this instance; two processes
 * upserting at the same moment may lose one catalog update (the next upsert of those papers
 * heals it), so run ingestion from one instance or under a lock.
 */
export class StorePaperRepository implements PaperRepository {
  private readonly catalog: PaperCatalog;
  private readonly changes: PaperChangeLog;
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly kv: Store,
    private readonly logger: Logger,
  ) {
    this.catalog = new PaperCatalog(kv);
    this.changes = new PaperChangeLog(kv);
  }

  /** Merges by id (see mergePaper); one batched read, writes only for new or changed papers, one write per touched catalog chunk. */
  async upsertPapers(papers: Paper[]): Promise<{ added: number; updated: number }> {
    return this.mutex.run('papers', async () => {
      const incoming = new Map<string, Paper>();
      for (const p of papers) {
        if (typeof p?.id !== 'string' || p.id.trim() === '') {
          this.logger.warn('paper without id skipped', { title: p?.title });
          continue;
        }
        const before = incoming.get(p.id);
        incoming.set(p.id, before ? mergePaper(before, p) : canonicalPaper(p));
      }
      const ids = [...incoming.keys()];
      const stored = await this.kv.getMany<Paper>(ids.map(keys.paper));
      const writes: Paper[] = [];
      const entries: CatalogEntry[] = [];
      let added = 0;
      let updated = 0;
      ids.forEach((id, i) => {
        const fresh = incoming.get(id)!;
        const old = stored[i];
        if (!old) {
          added++;
          writes.push(fresh);
          entries.push({ id, date: catalogDate(fresh) });
          return;
        }
        const merged = mergePaper(old, fresh);
        if (JSON.stringify(canonicalPaper(old)) !== JSON.stringify(merged)) {
          updated++;
          writes.push(merged);
        }
        // Unchanged papers are still checked against the catalog ('' = undated: its chunk).
        entries.push({ id, date: catalogDate(merged), previousDate: catalogDate(old) ?? '' });
      });
      // Change log first, then papers, then catalog: a crash in between leaves papers the next
      // upsert re-catalogs, and at worst an index that re-reads a few unchanged papers.
      if (writes.length > 0) await this.changes.record(writes.map((p) => p.id));
      await forEachLimited(writes, WRITE_CONCURRENCY, (p) => this.kv.set(keys.paper(p.id), p));
      await this.catalog.record(entries);
      return { added, updated };
    });
  }

  /** The stored paper, or undefined. */
  async getPaper(id: string): Promise<Paper | undefined> {
    return this.kv.get<Paper>(keys.paper(id));
  }

  /** Papers for the ids that exist, in the order asked. */
  async getPapers(ids: string[]): Promise<Paper[]> {
    const values = await this.kv.getMany<Paper>(ids.map(keys.paper));
    return values.filter((p): p is Paper => p !== undefined);
  }

  /** Papers whose later of listedOn/publishedAt is on or after `sinceDate`, newest first (ties by id). */
  async listPapersSince(sinceDate: string): Promise<Paper[]> {
    const entries = await this.catalog.entries(sinceDate);
    entries.sort(([idA, dateA], [idB, dateB]) => (dateA !== dateB ? (dateA > dateB ? -1 : 1) : idA < idB ? -1 : idA > idB ? 1 : 0));
    return this.getPapers(entries.map(([id]) => id));
  }

  /** Every stored paper in catalog order, `batchSize` at a time; the next batch is read while the caller works on this one. */
  async *papersInBatches(batchSize = 1000): AsyncIterable<Paper[]> {
    const size = Math.max(1, Math.floor(batchSize));
    const ids = await this.allPaperIds();
    let pending = ids.length > 0 ? this.getPapers(ids.slice(0, size)) : undefined;
    for (let i = 0; pending; i += size) {
      const batch = await pending;
      pending = i + size < ids.length ? this.getPapers(ids.slice(i + size, i + 2 * size)) : undefined;
      if (batch.length > 0) yield batch;
    }
  }

  /** The latest revision of the stored papers: raised by every upsert that writes one. */
  async papersRevision(): Promise<number> {
    return this.changes.revision();
  }

  /** Ids of papers written after revision `since` (see PaperChangeLog.changedSince). */
  async paperChangesSince(since: number): Promise<PaperChanges | undefined> {
    return this.changes.changedSince(since);
  }

  /** Every stored paper id, from the catalog (oldest month first). */
  async allPaperIds(): Promise<string[]> {
    return (await this.catalog.entries()).map(([id]) => id);
  }
}
