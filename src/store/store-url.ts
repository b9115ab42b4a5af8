import { resolve } from 'node:path';
import { InputError } from '../errors.js';

/** The default SQLite file, relative to the working directory. */
export const DEFAULT_SQLITE_PATH = './data/paperbot.sqlite';

/** A parsed PAPERBOT_STORE_URL. */
export type StoreTarget =
  | { kind: 'memory' }
  | { kind: 'sqlite'; path: string }
  | { kind: 'redis'; url: string }
  | { kind: 'postgres'; url: string };

/**
 * Parses a store URL: `memory://`, `sqlite://<path>` (relative or absolute; `sqlite://` alone is
 * ./data/paperbot.sqlite; `sqlite://:memory:` is an in-memory database), `redis://`/`rediss://`,
 * `postgres://`/`postgresql://`. Throws InputError for any other scheme.
 */
export function parseStoreUrl(url: string): StoreTarget {
  const text = url.trim();
  const scheme = /^([a-z]+):/i.exec(text)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'memory':
      return { kind: 'memory' };
    case 'sqlite': {
      const rest = text.replace(/^sqlite:(\/\/)?/i, '');
      if (rest === ':memory:') return { kind: 'sqlite', path: ':memory:' };
      return { kind: 'sqlite', path: resolve(rest === '' ? DEFAULT_SQLITE_PATH : rest) };
    }
    case 'redis':
    case 'rediss':
      return { kind: 'redis', url: text };
    case 'postgres':
    case 'postgresql':
      return { kind: 'postgres', url: text };
    default:
      throw new InputError(
        `unsupported store URL "${redact(text)}": use sqlite://./data/paperbot.sqlite, memory://, redis://host:6379 or postgres://user:pass@host/db`,
      );
  }
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}
