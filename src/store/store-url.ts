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
  const target = parseScheme(url);
  if (target.kind === 'sqlite' && /^\/(proc|sys|dev)(\/|$)/.test(target.path)) {
    // Such files never behave like a database (reads of /proc block or lie): fail at once.
    throw new InputError(`store path ${target.path} is under /${target.path.split('/')[1]}, not a regular file: use e.g. sqlite://./data/paperbot.sqlite`);
  }
  return target;
}

function parseScheme(url: string): StoreTarget {
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
        `unsupported store URL "${scrubUrl(redact(text), text)}": use sqlite://./data/paperbot.sqlite, memory://, redis://host:6379 or postgres://user:pass@host/db`,
      );
  }
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  // The password may hold '/' (unencoded): it runs to the last '@' before any whitespace.
  return url.replace(/\/\/([^:/@\s]*):[^\s]*@/, '//$1:***@');
}

/**
 * `text` with every credential of `url` removed: the password (raw and percent-decoded) wherever
 * it appears, and any `user:pass@` of a URL inside the text. For error messages built from
 * driver errors, which may quote the URL they were given.
 */
export function scrubUrl(text: string, url: string): string {
  let out = text.replace(/\/\/([^:/@\s]*):[^\s@]*@/g, '//$1:***@');
  const password = /^[a-z][a-z0-9+.-]*:\/\/[^:/@]*:([^\s]*)@/i.exec(url.trim())?.[1];
  if (password) {
    const forms = new Set([password]);
    try {
      forms.add(decodeURIComponent(password));
    } catch {
      // not percent-encoded: the raw form is enough
    }
    for (const form of forms) if (form.length >= 3) out = out.split(form).join('***');
  }
  return out;
}
