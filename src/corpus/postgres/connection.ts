// Turns a corpus URL into a pg pool config and a credential-free description of where it points.

/** Where a Postgres corpus lives, and how to connect to it. */
export interface PostgresTarget {
  /** `postgres://host:port/database` (plus `?schema=…`), never the user or password. */
  location: string;
  /** The connection string handed to pg, without our own `schema` parameter. */
  connectionString: string;
  /** Schema the corpus tables live in (`?schema=` on the URL), else the server's default path. */
  schema?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Parses `postgres://user:password@host:port/database?schema=name`. The optional `schema`
 * parameter keeps the corpus tables in their own schema (created if missing), e.g. to share one
 * database between deployments or test runs.
 */
export function postgresTarget(url: string): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('not a valid postgres:// URL');
  }
  const schema = parsed.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`schema "${schema}" must be lower-case letters, digits and underscores`);
  }
  parsed.searchParams.delete('schema');
  const host = parsed.hostname || 'localhost';
  const port = parsed.port || '5432';
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default database)';
  const location = `postgres://${host}:${port}/${database}${schema ? `?schema=${schema}` : ''}`;
  return { location, connectionString: parsed.toString(), schema };
}

/** Error codes of a server that cannot be reached at all (as opposed to one that refused us). */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET']);

/** A plain sentence for a failure to connect, naming host and database but no credentials. */
export function describeConnectFailure(location: string, err: unknown): string {
  const code = (err as { code?: string } | undefined)?.code;
  const detail = err instanceof Error ? err.message : String(err);
  if (code && UNREACHABLE.has(code)) {
    return `PostgreSQL at ${location} is unreachable (${code}); is the server running and PAPERBOT_CORPUS_URL right?`;
  }
  if (/timeout/i.test(detail)) {
    return `PostgreSQL at ${location} did not answer in time; is the server running and PAPERBOT_CORPUS_URL right?`;
  }
  // Server-side refusals (bad password, missing database) carry no secrets in their text.
  return `PostgreSQL at ${location} refused the corpus connection: ${stripCredentials(detail)}`;
}

/** Removes anything that looks like `user:password@` from a message. */
export function stripCredentials(text: string): string {
  return text.replace(/(\w+:\/\/)[^@\s/]*@/g, '$1');
}
