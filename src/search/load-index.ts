// Fills the search index from the store at start-up: from a saved snapshot brought up to date
// with the papers written since (seconds), else by analyzing every stored paper (minutes at
// 100k papers), after which a snapshot is saved for the next start.
import type { PaperIndex, PaperRepository } from '../ports.js';
import { isSnapshotPaperIndex, readPaperIndexSnapshotMeta, type SnapshotPaperIndex } from './paper-index.js';

/** Name the paper index's snapshot is saved under. */
export const INDEX_SNAPSHOT_NAME = 'papers';

/** What a store offers for snapshots (KeyvBotStore has it; other stores are loaded in full). */
export interface IndexSnapshotSource {
  papersRevision(): Promise<number>;
  paperChangesSince(since: number): Promise<{ revision: number; ids: string[] } | undefined>;
  loadIndexSnapshot(name: string): Promise<Uint8Array | undefined>;
  saveIndexSnapshot(name: string, bytes: Uint8Array | Iterable<Uint8Array>): Promise<void>;
}

type PaperSource = Pick<PaperRepository, 'allPaperIds' | 'getPapers' | 'papersInBatches'>;

/** How a load went, for logs and the bench. */
export interface IndexLoadReport {
  /** Papers in the index afterwards. */
  papers: number;
  /** 'snapshot': restored and brought up to date; 'rebuilt': every paper analyzed. */
  source: 'snapshot' | 'rebuilt';
  /** Papers re-read because they changed after the snapshot (0 when rebuilt). */
  changed: number;
  /** Why no snapshot was used, when none was. */
  reason?: string;
  /** True when a snapshot was saved during this load. */
  saved: boolean;
  /** Milliseconds until the index was complete (before saving a snapshot). */
  readyMs: number;
}

/** Options of loadIndexFromStore. */
export interface LoadIndexOptions {
  /** Called once the load is done (how it went). */
  onReport?: (report: IndexLoadReport) => void;
  /** Called when reading or saving a snapshot fails; the load itself goes on without it. */
  onSnapshotError?: (err: unknown) => void;
}

function snapshotSource(store: object): IndexSnapshotSource | undefined {
  const s = store as Partial<IndexSnapshotSource>;
  return typeof s.papersRevision === 'function' &&
    typeof s.paperChangesSince === 'function' &&
    typeof s.loadIndexSnapshot === 'function' &&
    typeof s.saveIndexSnapshot === 'function'
    ? (store as IndexSnapshotSource)
    : undefined;
}

async function addByIds(store: PaperSource, index: PaperIndex, ids: string[], batchSize: number): Promise<void> {
  for (let i = 0; i < ids.length; i += batchSize) index.add(await store.getPapers(ids.slice(i, i + batchSize)));
}

async function addAll(store: PaperSource, index: PaperIndex, batchSize: number): Promise<void> {
  if (store.papersInBatches) {
    for await (const batch of store.papersInBatches(batchSize)) index.add(batch);
    return;
  }
  await addByIds(store, index, await store.allPaperIds(), batchSize);
}

/**
 * Restores the saved snapshot into `index` and re-adds the papers written since; undefined (and
 * `index` possibly cleared) when there is no usable snapshot, with the reason in `why`.
 */
async function restore(
  store: PaperSource,
  snapshots: IndexSnapshotSource,
  index: SnapshotPaperIndex,
  batchSize: number,
  why: { reason?: string },
): Promise<{ revision: number; changed: number } | undefined> {
  let bytes = await snapshots.loadIndexSnapshot(INDEX_SNAPSHOT_NAME);
  if (!bytes) return void (why.reason = 'no snapshot saved');
  let since: unknown;
  try {
    since = readPaperIndexSnapshotMeta(bytes).extra.revision;
  } catch (err) {
    return void (why.reason = (err as Error).message);
  }
  if (typeof since !== 'number') return void (why.reason = 'snapshot without a store revision');
  const changes = await snapshots.paperChangesSince(since);
  if (!changes) return void (why.reason = `papers changed since revision ${since} are no longer known`);
  index.restoreSnapshot(bytes, new Set(changes.ids));
  bytes = undefined; // ~50 MB at 100k papers: free before reading the changed papers
  await addByIds(store, index, changes.ids, batchSize);
  // Papers are never deleted, so the catalog must hold exactly what the index does.
  const stored = (await store.allPaperIds()).length;
  if (index.size !== stored) {
    why.reason = `snapshot brought up to date holds ${index.size} papers, the store ${stored}`;
    index.clear();
    return undefined;
  }
  return { revision: changes.revision, changed: changes.ids.length };
}

/**
 * Fills `index` with every stored paper, a batch at a time, so the whole corpus is never held in
 * memory; resolves with the number of papers indexed. When the store and the index support
 * snapshots (KeyvBotStore and createPaperIndex do), a saved snapshot is restored and only the
 * papers written after it are read; otherwise every paper is added and a snapshot is saved for
 * the next start. Either way the index ends up as if built from every stored paper. Snapshot
 * failures never fail the load: it falls back to reading every paper.
 */
export async function loadIndexFromStore(
  store: PaperSource,
  index: PaperIndex,
  batchSize = 2000,
  options: LoadIndexOptions = {},
): Promise<number> {
  const started = performance.now();
  const snapshots = snapshotSource(store);
  const why: { reason?: string } = {};
  let report: IndexLoadReport | undefined;
  // A restore replaces the index content: only done into an empty index (papers added before
  // the load finished would otherwise be lost).
  if (snapshots && isSnapshotPaperIndex(index) && index.size === 0) {
    let restored: { revision: number; changed: number } | undefined;
    try {
      restored = await restore(store, snapshots, index, batchSize, why);
    } catch (err) {
      options.onSnapshotError?.(err);
      why.reason = `snapshot unusable: ${(err as Error).message}`;
      index.clear();
    }
    if (restored) {
      const readyMs = performance.now() - started;
      const saved = restored.changed > 0 && (await save(snapshots, index, restored.revision, options));
      report = { papers: index.size, source: 'snapshot', changed: restored.changed, saved, readyMs };
    } else {
      // The revision is read before the papers: whatever is written meanwhile is replayed next time.
      let revision: number | undefined;
      try {
        revision = await snapshots.papersRevision();
      } catch (err) {
        options.onSnapshotError?.(err);
      }
      await addAll(store, index, batchSize);
      const readyMs = performance.now() - started;
      const saved = revision !== undefined && (await save(snapshots, index, revision, options));
      report = { papers: index.size, source: 'rebuilt', changed: 0, reason: why.reason, saved, readyMs };
    }
  } else {
    await addAll(store, index, batchSize);
    const reason = snapshots && isSnapshotPaperIndex(index) ? 'index not empty' : 'store or index without snapshots';
    report = { papers: index.size, source: 'rebuilt', changed: 0, reason, saved: false, readyMs: performance.now() - started };
  }
  options.onReport?.(report);
  return report.papers;
}

async function save(snapshots: IndexSnapshotSource, index: SnapshotPaperIndex, revision: number, options: LoadIndexOptions): Promise<boolean> {
  try {
    await snapshots.saveIndexSnapshot(INDEX_SNAPSHOT_NAME, index.snapshotChunks({ revision }));
    return true;
  } catch (err) {
    options.onSnapshotError?.(err);
    return false;
  }
}
