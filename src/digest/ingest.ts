// Use case: fetch sources for a date into the corpus, recording each source's health.
import type { PaperSource } from '../ports.js';
import type { DigestNote, Paper } from '../types.js';
import { mergePapers } from '../sources/merge.js';
import { errorMessage } from '../errors.js';
import { warmForRanking } from '../rank/warm.js';
import { fetchSources } from './fetch-sources.js';
import { recordSourceFailure, recordSourceSuccess } from './source-status.js';
import type { DigestDeps } from './prepare-digest.js';

/** What ingest reads: the corpus, the state store (source status), sources and the optional source locks. */
export type IngestDeps = Pick<DigestDeps, 'store' | 'corpus' | 'sourceFor' | 'sourceLock' | 'clock' | 'logger' | 'onProgress'>;

/** What one ingest did. */
export interface IngestResult {
  papers: Paper[];
  notes: DigestNote[];
  added: number;
  updated: number;
  /** Every source answered and none listed anything. */
  quiet: boolean;
  /** Sources that failed (or could not be created). */
  failedSources: string[];
  /** Sources another process was fetching at that moment (their papers reach the corpus from there). */
  busySources: string[];
  /** True when at least one source was asked and every source asked failed. */
  allFailed: boolean;
}

/**
 * Fetches the given sources for a date, merges duplicates and stores the papers in the corpus,
 * where every process sees them at once. Each source's success or failure is recorded for the
 * feed's back-off and /healthz. With `deps.sourceLock`, a source another process is fetching is
 * skipped (listed in `busySources`), so each source is fetched once at a time across instances.
 */
export async function ingest(deps: IngestDeps, sourceNames: string[], date: string): Promise<IngestResult> {
  const notes: DigestNote[] = [];
  const failedSources: string[] = [];
  const busySources: string[] = [];
  const sources: PaperSource[] = [];
  const locks: Array<{ release(): Promise<void> }> = [];
  try {
    for (const name of sourceNames) {
      let source: PaperSource;
      try {
        source = deps.sourceFor(name);
      } catch (err) {
        failedSources.push(name);
        notes.push({ kind: 'source-failed', text: `Source ${name} is not usable: ${errorMessage(err)}` });
        continue;
      }
      if (deps.sourceLock) {
        const lock = await deps.sourceLock(name);
        if (!lock) {
          busySources.push(name);
          deps.logger.debug('another process is fetching this source; using what it stores', { source: name });
          continue;
        }
        locks.push(lock);
      }
      sources.push(source);
    }
    const fetched = await fetchSources(sources, { date }, deps.logger, deps.onProgress);
    notes.push(...fetched.notes);
    failedSources.push(...fetched.failedSources);
    const papers = mergePapers(fetched.papers);
    const { added, updated } = papers.length ? await deps.corpus.upsertPapers(papers) : { added: 0, updated: 0 };
    // Analyze them once here rather than in the first channel's ranking (kept by id and text).
    warmForRanking(papers);
    await recordStatuses(deps, sources, fetched.failedSources, fetched.errors, date, fetched.counts);
    const quiet = failedSources.length === 0 && papers.length === 0;
    const allFailed = sourceNames.length > 0 && busySources.length === 0 && failedSources.length === sourceNames.length;
    return { papers, notes, added, updated, quiet, failedSources, busySources, allFailed };
  } finally {
    await Promise.allSettled(locks.map((l) => l.release()));
  }
}

/** Best effort: a state-store hiccup must not fail an ingest whose papers are stored. */
async function recordStatuses(
  deps: IngestDeps,
  sources: PaperSource[],
  failed: string[],
  errors: Map<string, string>,
  date: string,
  counts: Map<string, number>,
): Promise<void> {
  const now = deps.clock.now();
  const failedSet = new Set(failed);
  await Promise.allSettled(
    sources.map((s) =>
      (failedSet.has(s.name)
        ? recordSourceFailure(deps.store.kv, s.name, errors.get(s.name) ?? 'failed', now)
        : recordSourceSuccess(deps.store.kv, s.name, date, counts.get(s.name) ?? 0, now)
      ).catch((err: unknown) => deps.logger.warn('could not record source status', { source: s.name, error: errorMessage(err) })),
    ),
  );
}

