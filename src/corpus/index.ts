// The corpus's public surface: open the database a PAPERBOT_CORPUS_URL names.
import type { PaperCorpus } from '../ports.js';
import { parseCorpusUrl } from './corpus-url.js';
import { SqliteCorpus } from './sqlite-corpus.js';
import { CorpusError } from './corpus-error.js';
import { withoutPassword } from './corpus-url.js';

export { CorpusError } from './corpus-error.js';
export { DEFAULT_CORPUS_PATH, parseCorpusUrl, withoutPassword, type CorpusTarget } from './corpus-url.js';
export { canonicalPaper, catalogDate, mergePaper } from './merge.js';

/**
 * Opens the corpus at `url` (`sqlite://PATH`, default ./data/papers.sqlite; `sqlite://:memory:`;
 * `postgres://…`), running its migrations. Rejects with CorpusError naming the file or host and
 * the fix when it cannot be used, and with InputError for an unknown scheme.
 */
export async function openCorpus(url: string): Promise<PaperCorpus> {
  const target = parseCorpusUrl(url);
  if (target.kind === 'sqlite') return SqliteCorpus.open(target.path);
  // The PostgreSQL corpus lands with its own branch (src/corpus/postgres-corpus.ts).
  throw new CorpusError(`${withoutPassword(target.url)}: the PostgreSQL corpus is not in this build yet`);
}
