// The corpus's public surface: open the database a PAPERBOT_CORPUS_URL names.
import type { Logger, PaperCorpus } from '../ports.js';
import { parseCorpusUrl } from './corpus-url.js';
import { SqliteCorpus } from './sqlite-corpus.js';

export { CorpusError } from './corpus-error.js';
export { DEFAULT_CORPUS_PATH, parseCorpusUrl, withoutPassword, type CorpusTarget } from './corpus-url.js';
export { canonicalPaper, catalogDate, mergePaper } from './merge.js';

/**
 * Opens the corpus at `url` (`sqlite://PATH`, default ./data/papers.sqlite; `sqlite://:memory:`;
 * `postgres://…[?schema=name]`), running its migrations. Rejects with CorpusError naming the file
 * or host and the fix when it cannot be used, and with InputError for an unknown scheme.
 * `logger` hears about connections a Postgres server dropped.
 */
export async function openCorpus(url: string, options: { logger?: Logger } = {}): Promise<PaperCorpus> {
  const target = parseCorpusUrl(url);
  if (target.kind === 'sqlite') return SqliteCorpus.open(target.path);
  // Loaded only when asked for, so SQLite-only processes never load pg.
  const { openPostgresCorpus } = await import('./postgres-corpus.js');
  return openPostgresCorpus(target.url, { logger: options.logger });
}
