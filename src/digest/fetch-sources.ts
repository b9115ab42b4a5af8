import type { Logger, PaperSource } from '../ports.js';
import type { DigestNote, Paper, SourceQuery } from '../types.js';
import { errorMessage } from '../errors.js';

/** What fetching a set of sources produced: papers (not yet merged) and header notes. */
export interface FetchOutcome {
  papers: Paper[];
  notes: DigestNote[];
  /** Sources that answered normally but had nothing (weekend feed, empty day). */
  quietSources: string[];
  failedSources: string[];
  /** Why each failed source failed. */
  errors: Map<string, string>;
  /** Papers each answering source returned. */
  counts: Map<string, number>;
}

/**
 * Fetches every source; one failing source becomes a note and never stops the others.
 * Sources pace themselves (arXiv is serialized process-wide), so they are started together.
 */
export async function fetchSources(
  sources: PaperSource[],
  query: SourceQuery,
  logger: Logger,
  onProgress?: (message: string) => void,
): Promise<FetchOutcome> {
  const outcome: FetchOutcome = { papers: [], notes: [], quietSources: [], failedSources: [], errors: new Map(), counts: new Map() };
  const settled = await Promise.allSettled(
    sources.map(async (source) => {
      const result = await source.fetch(query);
      onProgress?.(`fetched ${source.name}: ${result.papers.length} papers`);
      return result;
    }),
  );
  settled.forEach((s, i) => {
    const name = sources[i]?.name ?? 'unknown';
    if (s.status === 'rejected') {
      const message = errorMessage(s.reason);
      logger.warn('source failed', { source: name, err: message });
      onProgress?.(`source ${name} failed: ${message}`);
      outcome.failedSources.push(name);
      outcome.errors.set(name, message);
      outcome.notes.push({ kind: 'source-failed', text: `Source ${name} failed: ${message}` });
      return;
    }
    const result = s.value;
    outcome.papers.push(...result.papers);
    outcome.counts.set(name, result.papers.length);
    if (result.quiet || result.papers.length === 0) outcome.quietSources.push(name);
    if (result.partial) {
      outcome.notes.push({ kind: 'partial', text: `Source ${name} returned a partial result: ${result.partial}` });
    }
  });
  return outcome;
}
