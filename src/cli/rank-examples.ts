// `paperbot rank --like`: finds the example papers: in the input file first, then in the corpus,
// then in the bot's store, then on arXiv.
import type { PaperCorpus } from '../ports.js';
import type { Paper } from '../types.js';
import { InputError } from '../errors.js';
import { parseArxivId } from '../sources/ids.js';
import type { App } from '../main.js';
import type { RankInput } from './read-rank-input.js';

/** What is asked once the file did not have every example. */
export interface ExampleLookups {
  corpus?: Pick<PaperCorpus, 'getPapers'>;
  /** Runs `find` with the app (store and arXiv lookup), built only when needed. */
  withApp?<T>(find: (app: App) => Promise<T>): Promise<T>;
}

/** The input's id as the key it is matched by ("2401.01234v2" and arXiv URLs match "2401.01234"). */
const keyOf = (id: string): string => parseArxivId(id)?.id ?? id.trim();

/**
 * The example papers for `ids`, in order: an input entry whose given id or paper id matches,
 * else the corpus, else the store, else arXiv. Throws InputError naming the ids found nowhere.
 */
export async function findExamples(ids: string[], inputs: RankInput[], lookups: ExampleLookups): Promise<Paper[]> {
  const found = new Map<string, Paper>();
  for (const { inputId, paper } of inputs) {
    for (const key of [keyOf(String(inputId)), keyOf(paper.id)]) if (!found.has(key)) found.set(key, paper);
  }
  const keys = ids.map(keyOf);
  let missing = keys.filter((k) => !found.has(k));
  if (missing.length && lookups.corpus) {
    for (const p of await lookups.corpus.getPapers(missing)) found.set(keyOf(p.id), p);
    missing = keys.filter((k) => !found.has(k));
  }
  if (missing.length && lookups.withApp) {
    await lookups.withApp(async (app) => {
      for (const p of await app.corpus.getPapers(missing)) found.set(keyOf(p.id), p);
      const arxiv = keys.filter((k) => !found.has(k) && parseArxivId(k));
      if (arxiv.length) for (const p of await app.lookup.byIds(arxiv)) found.set(keyOf(p.id), p);
    });
    missing = keys.filter((k) => !found.has(k));
  }
  if (missing.length) throw new InputError(`--like: no paper ${missing.join(', ')} in the input, the corpus or on arXiv`);
  return [...new Set(keys)].map((k) => found.get(k)!);
}
