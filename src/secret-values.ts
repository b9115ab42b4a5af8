// Which configured values are secrets: the core's own plus each chat platform's (its descriptor says).
import type { Config } from './types.js';
import { PLATFORMS } from './platforms.js';
import { MIN_SECRET_LENGTH } from './redact.js';

/** Every secret value in the configuration: tokens, keys, signing secrets and URL credentials. */
export function secretValues(config: Readonly<Config>): string[] {
  const urls = [config.storeUrl, config.corpusUrl, config.urls.hf, config.urls.arxivApi, config.urls.arxivRss, config.llm?.baseURL, ...PLATFORMS.flatMap((p) => p.urls(config))];
  const values = [config.llm?.apiKey, ...PLATFORMS.flatMap((p) => p.secrets(config)), ...urls.flatMap(urlCredentials)];
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v.length >= MIN_SECRET_LENGTH))];
}

/** The user name and password inside a URL (decoded), when it has them. */
function urlCredentials(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const parsed = new URL(url);
    return [parsed.username, parsed.password].filter(Boolean).map((v) => safeDecode(v));
  } catch {
    return [];
  }
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
