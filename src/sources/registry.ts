// The sources layer's front door: source names (PAPERBOT_SOURCES syntax) → PaperSource instances.
import type { PaperSource } from '../ports.js';
import { InputError } from '../errors.js';
import type { SourceDeps } from './deps.js';
import { createHfDailySource } from './hf-daily.js';
import { createArxivRssSource } from './arxiv-rss-source.js';
import { createFileSource } from './file-source.js';

export type { SourceDeps } from './deps.js';
export type { RetryPolicy } from './http.js';
export { DEFAULT_RETRY, USER_AGENT } from './http.js';
export { createArxivLookup, type ArxivApi } from './arxiv-api.js';
export { createPacer, sharedArxivPacer, resetSharedArxivPacers, type Pacer } from './arxiv-pacer.js';
export { mergePapers } from './merge.js';
export { parseArxivId, type ArxivId } from './ids.js';

/** The accepted source-name forms, shown in errors. */
export const SOURCE_FORMS =
  'hf, arxiv:<category> (e.g. arxiv:cs.LG, or arxiv:cs.AI+cs.LG), file:<path> (JSON papers, a saved HF response, or an arXiv Atom/RSS file)';

// An archive ("cs", "astro-ph") or archive.subject ("cs.LG", "cond-mat.str-el").
const CATEGORY = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?$/;

/**
 * Creates the source for one name: "hf", "arxiv:<cat>[+<cat>…]" or "file:<path>". The instance
 * keeps `name` exactly as given (trimmed). Throws InputError for an unknown or malformed name,
 * with a message listing the valid forms.
 */
export function createSource(name: string, deps: SourceDeps): PaperSource {
  const trimmed = name.trim();
  if (trimmed === 'hf') return createHfDailySource(trimmed, deps);
  if (trimmed.startsWith('arxiv:')) {
    const categories = trimmed.slice('arxiv:'.length).split('+').map((c) => c.trim());
    const bad = categories.filter((c) => !CATEGORY.test(c));
    if (bad.length || categories.length === 0) {
      throw new InputError(
        `Source "${trimmed}" has an invalid arXiv category ${bad.map((c) => `"${c}"`).join(', ')}. Valid forms: ${SOURCE_FORMS}.`,
      );
    }
    return createArxivRssSource(trimmed, categories, deps);
  }
  if (trimmed.startsWith('file:')) {
    const path = trimmed.slice('file:'.length).trim();
    if (!path) throw new InputError(`Source "${trimmed}" needs a path after "file:". Valid forms: ${SOURCE_FORMS}.`);
    return createFileSource(trimmed, path, deps);
  }
  throw new InputError(`Unknown source "${trimmed}". Valid forms: ${SOURCE_FORMS}.`);
}

/** Creates every named source; throws one InputError naming all the bad names at once. */
export function createSources(names: string[], deps: SourceDeps): PaperSource[] {
  const sources: PaperSource[] = [];
  const problems: string[] = [];
  for (const name of names) {
    try {
      sources.push(createSource(name, deps));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(err.message);
    }
  }
  if (problems.length === 1) throw new InputError(problems[0]!);
  if (problems.length > 1) throw new InputError(problems.join('\n'));
  return sources;
}
