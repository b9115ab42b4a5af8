// The one way answerers get a paper's full text: from the corpus when it was fetched before,
// otherwise fetched once. Concurrent first questions about a paper share one fetch.
import type { FullText, FullTexts, Logger, PaperCorpus } from '../ports.js';
import type { Paper } from '../types.js';
import { errorMessage } from '../errors.js';
import type { FetchedFullText } from './fetch-full-text.js';

/** What FullTexts needs. */
export interface FullTextsDeps {
  /** Where full texts are kept; without one (no corpus configured) they are kept for this process only. */
  corpus?: Pick<PaperCorpus, 'getFullText' | 'saveFullText'>;
  fetcher: { fetchFullText(paper: Paper): Promise<FetchedFullText> };
  logger: Logger;
}

/**
 * Creates FullTexts. A text is fetched at most once per paper: the corpus is asked first, a fetch
 * in flight is joined, and a lasting result is saved. A fallback for a passing reason (arXiv
 * down) is returned but not saved, so a later question tries again.
 */
export function createFullTexts(deps: FullTextsDeps): FullTexts {
  const inFlight = new Map<string, Promise<FullText>>();
  const memo = new Map<string, FullText>();
  const log = deps.logger.child({ component: 'fulltext' });

  async function load(paper: Paper): Promise<FullText> {
    try {
      const stored = deps.corpus ? await deps.corpus.getFullText(paper.id) : memo.get(paper.id);
      if (stored) return stored;
    } catch (err) {
      log.warn('could not read a stored full text', { paperId: paper.id, error: errorMessage(err) });
    }
    const { text, lasting } = await deps.fetcher.fetchFullText(paper);
    if (lasting) {
      try {
        if (deps.corpus) await deps.corpus.saveFullText(text);
        else memo.set(paper.id, text);
      } catch (err) {
        log.warn('could not store a full text', { paperId: paper.id, error: errorMessage(err) });
      }
    }
    return text;
  }

  return {
    get(paper: Paper): Promise<FullText> {
      let pending = inFlight.get(paper.id);
      if (!pending) {
        pending = load(paper).finally(() => inFlight.delete(paper.id));
        inFlight.set(paper.id, pending);
      }
      return pending;
    },
  };
}
