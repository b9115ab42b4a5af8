import { resolve } from 'node:path';
import { InputError } from '../errors.js';

/** The default corpus file, relative to the working directory. */
export const DEFAULT_CORPUS_PATH = './data/papers.sqlite';

/** A parsed PAPERBOT_CORPUS_URL. */
export type CorpusTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** The URL without its password, for messages and logs. */
export function withoutPassword(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

/**
 * Parses a corpus URL: `sqlite://<path>` (relative or absolute; `sqlite://` alone is
 * ./data/papers.sqlite; `sqlite://:memory:` is a private in-memory database) or
 * `postgres://`/`postgresql://`. Throws InputError for any other scheme.
 */
export function parseCorpusUrl(url: string): CorpusTarget {
  const text = url.trim();
  const scheme = /^([a-z]+):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') {
    const rest = text.replace(/^sqlite:(\/\/)?/i, '');
    if (rest === ':memory:') return { kind: 'sqlite', path: ':memory:' };
    return { kind: 'sqlite', path: resolve(rest === '' ? DEFAULT_CORPUS_PATH : rest) };
  }
  if (scheme === 'postgres' || scheme === 'postgresql') return { kind: 'postgres', url: text };
  throw new InputError(
    `unsupported PAPERBOT_CORPUS_URL "${withoutPassword(text)}": use sqlite://./data/papers.sqlite or postgres://user:pass@host/db`,
  );
}
