// Secrets never reach a log line: pino redacts by field name (src/logger.ts); this scrubs by value,
// so a token inside an error message or a URL is caught too.
import type { Config } from '../config.js';

/** Values shorter than this are not scrubbed (they would mangle ordinary words). */
const MIN_SECRET_LENGTH = 6;

/** Every secret value in the configuration (tokens, keys, signing secret, store and corpus passwords). */
export function secretValues(config: Readonly<Config>): string[] {
  const values = [
    config.llm?.apiKey,
    config.slack?.botToken,
    config.slack?.appToken,
    config.slack?.signingSecret,
    config.discord?.token,
    storePassword(config.storeUrl),
    storePassword(config.corpusUrl),
  ];
  return values.filter((v): v is string => typeof v === 'string' && v.length >= MIN_SECRET_LENGTH);
}

function storePassword(url: string): string | undefined {
  try {
    const password = new URL(url).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}

/** `text` with every occurrence of each secret (raw, JSON-escaped or URL-encoded) replaced. */
export function redactSecrets(text: string, secrets: readonly string[], censor = '[redacted]'): string {
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
 * A pino destination that scrubs `secrets` from every serialized line before writing it to
 * `target` (default stderr). Use: createLogger(level, redactingDestination(secretValues(config))).
 */
export function redactingDestination(
  secrets: readonly string[],
  target: { write(line: string): unknown } = process.stderr,
): { write(line: string): void } {
  const list = [...secrets];
  return { write: (line: string) => void target.write(list.length ? redactSecrets(line, list) : line) };
}
