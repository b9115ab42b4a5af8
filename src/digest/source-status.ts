// Each source's fetch health, kept in the state store so every instance (and /healthz) sees it.
import type { Store } from '../ports.js';
import * as keys from '../store-keys.js';

/** How one source's fetches went lately. Times are ISO instants. */
export interface SourceStatus {
  source: string;
  lastSuccessAt?: string;
  /** Listing date (YYYY-MM-DD) the last successful fetch asked for. */
  lastSuccessDate?: string;
  /** Papers the last successful fetch returned. */
  lastPapers?: number;
  lastFailureAt?: string;
  /** Why the last failed fetch failed (no secrets: source errors carry none). */
  lastError?: string;
  /** Failures in a row since the last success (drives the retry back-off). */
  failures: number;
}

/** The recorded status of each named source (a fresh one where nothing was recorded yet). */
export async function loadSourceStatuses(kv: Store, names: string[]): Promise<SourceStatus[]> {
  if (names.length === 0) return [];
  const values = await kv.getMany<SourceStatus>(names.map(keys.sourceStatus));
  return names.map((source, i) => values[i] ?? { source, failures: 0 });
}

/** Records a successful fetch of `date` that returned `papers` papers. */
export async function recordSourceSuccess(kv: Store, source: string, date: string, papers: number, now: Date): Promise<void> {
  const [old] = await loadSourceStatuses(kv, [source]);
  const status: SourceStatus = { ...old!, lastSuccessAt: now.toISOString(), lastSuccessDate: date, lastPapers: papers, failures: 0 };
  await kv.set(keys.sourceStatus(source), status);
}

/** Records a failed fetch; consecutive failures are counted for the back-off. */
export async function recordSourceFailure(kv: Store, source: string, error: string, now: Date): Promise<void> {
  const [old] = await loadSourceStatuses(kv, [source]);
  const status: SourceStatus = { ...old!, lastFailureAt: now.toISOString(), lastError: error, failures: old!.failures + 1 };
  await kv.set(keys.sourceStatus(source), status);
}
