// The one redaction of paperbot. Secrets never leave the process: pino redacts log fields by name
// (src/logger.ts); this scrubs by value and by shape, so a token inside an error message, a digest
// note, a chat reply or a URL is caught too. Every exit (logs, notes, replies, CLI errors) calls
// `redact`.

/** Values shorter than this are not scrubbed (they would mangle ordinary words). */
export const MIN_SECRET_LENGTH = 6;

/** What replaces a secret. */
export const CENSOR = '[redacted]';

/** `text` with every occurrence of each secret (raw, JSON-escaped or URL-encoded) replaced. */
export function redactSecrets(text: string, secrets: readonly string[], censor = CENSOR): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])) {
      out = out.split(form).join(censor);
    }
  }
  return out;
}

/**
 * Secrets recognizable by shape alone, whatever the configuration: credentials in any URL
 * (`scheme://user:pass@host`), bearer tokens, and Slack, OpenAI-style and GitHub tokens.
 */
const SHAPES: ReadonlyArray<[RegExp, string]> = [
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]*@/gi, `$1${CENSOR}@`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g, `$1 ${CENSOR}`],
  [/\bxox[abposre]-[A-Za-z0-9-]{6,}/g, CENSOR],
  [/\bxapp-[A-Za-z0-9-]{6,}/g, CENSOR],
  [/\bsk-[A-Za-z0-9_-]{12,}/g, CENSOR],
  [/\bgh[pousr]_[A-Za-z0-9]{20,}/g, CENSOR],
  [/([?&](?:api[_-]?key|token|access_token|key|password|secret)=)[^&\s"'<>]+/gi, `$1${CENSOR}`],
];

/** `text` with secret-shaped substrings (URL credentials, bearer and known token formats) replaced. */
export function redactShapes(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SHAPES) out = out.replace(pattern, replacement);
  return out;
}

const known = new Set<string>();

/**
 * Adds secret values (a configuration's secretValues) to the process-wide list `redact` scrubs.
 * Called wherever a configuration is read, so every later text that leaves the process is covered.
 */
export function registerSecrets(secrets: readonly string[]): void {
  for (const s of secrets) known.add(s);
}

/**
 * THE redaction: `text` without any registered secret (and `extra` ones) in any encoding, and
 * without secret-shaped substrings. Use it on every text that leaves the process.
 */
export function redact(text: string, extra: readonly string[] = []): string {
  const secrets = extra.length ? [...known, ...extra] : [...known];
  return redactShapes(redactSecrets(text, secrets));
}

/**
 * A pino destination that redacts every serialized line before writing it to `target` (default
 * stderr). Use: createLogger(level, redactingDestination(secretValues(config))) (secretValues: ./secret-values.ts).
 */
export function redactingDestination(
  secrets: readonly string[],
  target: { write(line: string): unknown } = process.stderr,
): { write(line: string): void } {
  const list = [...secrets];
  return { write: (line: string) => void target.write(redact(line, list)) };
}
