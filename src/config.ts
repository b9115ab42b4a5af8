// The only reader of the environment. Every error names the variable and says how to fix it.
// The core's variables are here; each chat platform reads its own (adapters/<name>/env.ts)
// when the registry asks it to.
import { z } from 'zod';
import { redact, registerSecrets } from './redact.js';
import { secretValues } from './secret-values.js';
import { ConfigError } from './errors.js';
import { splitList } from './split-list.js';
import { MAX_DIGEST_SIZE, MIN_DIGEST_SIZE } from './digest/digest-size.js';
import { ENV_KIT, opt, positiveInt, readEnvShape, url, type Env } from './env-schema.js';
import { PLATFORMS } from './platforms.js';
import type { Config, PlatformName } from './types.js';

/** Default sources when PAPERBOT_SOURCES is unset. */
export const DEFAULT_SOURCES = ['hf', 'arxiv:cs.LG', 'arxiv:cs.CL'];
/** The corpus database when PAPERBOT_CORPUS_URL is unset: one SQLite file next to the state store. */
export const DEFAULT_CORPUS_URL = 'sqlite://./data/papers.sqlite';
/** Default interests for the terminal digest and new subscriptions without text. */
export const DEFAULT_INTERESTS = 'large language models, reasoning, agents, efficient training and inference';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be HH:MM, 24-hour, e.g. 09:00' });

/** The core's variables, with their validation. Keep in step with .env.example and README. */
const CORE_ENV = {
  // core
  PAPERBOT_SOURCES: opt(z.string()),
  PAPERBOT_INTERESTS: opt(z.string()),
  PAPERBOT_DIGEST_SIZE: opt(z.coerce.number().int().min(MIN_DIGEST_SIZE).max(MAX_DIGEST_SIZE)),
  PAPERBOT_THRESHOLD: opt(z.coerce.number().min(0).max(1)),
  PAPERBOT_DIGEST_TIME: opt(hhmm),
  PAPERBOT_TZ: opt(z.string()),
  PAPERBOT_LOG_LEVEL: opt(z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])),
  PAPERBOT_HF_URL: opt(url),
  PAPERBOT_ARXIV_API_URL: opt(url),
  PAPERBOT_ARXIV_RSS_URL: opt(url),
  PAPERBOT_ARXIV_DELAY_MS: opt(z.coerce.number().int().min(0)),
  PAPERBOT_HTTP_TIMEOUT_MS: opt(positiveInt),
  PAPERBOT_ARXIV_HTML_URL: opt(url),
  PAPERBOT_ARXIV_PDF_URL: opt(url),
  PAPERBOT_PDF_MAX_BYTES: opt(positiveInt),
  PAPERBOT_ANSWER_TIMEOUT_MS: opt(positiveInt),
  // LLM
  OPENAI_API_KEY: opt(z.string()),
  OPENAI_BASE_URL: opt(url),
  PAPERBOT_MODEL: opt(z.string()),
  PAPERBOT_SUMMARY_MODEL: opt(z.string()),
  PAPERBOT_EMBEDDING_MODEL: opt(z.string()),
  PAPERBOT_DAILY_TOKEN_BUDGET: opt(positiveInt),
  PAPERBOT_QUESTION_BUDGET_SHARE: opt(z.coerce.number().min(0).max(1)),
  PAPERBOT_LLM_TIMEOUT_MS: opt(positiveInt),
  PAPERBOT_SHORTLIST_SIZE: opt(positiveInt.max(200)),
  // store
  PAPERBOT_STORE_URL: opt(z.string()),
  // corpus (the papers)
  PAPERBOT_CORPUS_URL: opt(z.string()),
  // serve's HTTP port (/healthz, and Slack's HTTP mode)
  PORT: opt(z.coerce.number().int().min(0).max(65535)),
};

/** The fix to suggest for each variable, shown next to validation errors. */
const HINTS: Record<string, string> = {
  PAPERBOT_SOURCES: 'a comma list such as "hf,arxiv:cs.LG,file:./papers.json"',
  PAPERBOT_STORE_URL: 'sqlite://./data/paperbot.sqlite, redis://host:6379 or postgres://user:pass@host/db',
  PAPERBOT_CORPUS_URL: 'sqlite://./data/papers.sqlite or postgres://user:pass@host/db',
  PAPERBOT_TZ: 'an IANA zone such as UTC or Europe/Berlin',
};

function isValidZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * The corpus used when PAPERBOT_CORPUS_URL is unset: `papers.sqlite` next to a SQLite state file
 * (so the default ./data/paperbot.sqlite gives ./data/papers.sqlite, and a store in a temporary
 * directory keeps its papers there too), an in-memory corpus beside a memory:// store, else
 * DEFAULT_CORPUS_URL.
 */
export function defaultCorpusUrl(storeUrl: string): string {
  if (/^memory:/i.test(storeUrl)) return 'sqlite://:memory:';
  const sqlite = /^sqlite:(?:\/\/)?(.*)$/i.exec(storeUrl.trim());
  if (!sqlite) return DEFAULT_CORPUS_URL;
  const path = sqlite[1] ?? '';
  if (path === ':memory:') return 'sqlite://:memory:';
  if (path === '') return DEFAULT_CORPUS_URL;
  const slash = path.lastIndexOf('/');
  return `sqlite://${slash >= 0 ? path.slice(0, slash + 1) : './'}papers.sqlite`;
}

export { splitList } from './split-list.js';

/**
 * Reads and validates configuration from `env` (default: process.env). Pure: no I/O.
 * Throws ConfigError listing every bad variable with its fix.
 */
export function readConfig(env: Env = process.env): Readonly<Config> {
  const core = readEnvShape(CORE_ENV, env, HINTS);
  const platformReads = PLATFORMS.map((platform) => ({ platform, read: platform.readEnv(env, ENV_KIT) }));
  const errors = [...(core.ok ? [] : core.errors), ...platformReads.flatMap(({ read }) => (read.ok ? [] : read.errors))];
  if (!core.ok || errors.length > 0) throw new ConfigError(`Invalid configuration:\n  ${errors.join('\n  ')}`);
  const e = core.values;
  const problems: string[] = [];
  const platformProblems: string[] = [];
  const platforms: Record<PlatformName, unknown> = {};
  for (const { platform, read } of platformReads) {
    if (!read.ok) continue;
    platformProblems.push(...read.problems);
    if (read.settings !== undefined) platforms[platform.name] = read.settings;
  }

  const tz = e.PAPERBOT_TZ ?? 'UTC';
  if (!isValidZone(tz)) problems.push(`PAPERBOT_TZ: unknown time zone "${tz}" (expected ${HINTS.PAPERBOT_TZ})`);

  const storeUrl = e.PAPERBOT_STORE_URL ?? 'sqlite://./data/paperbot.sqlite';
  if (!/^(sqlite|redis|rediss|postgres|postgresql|memory):/.test(storeUrl)) {
    problems.push(`PAPERBOT_STORE_URL: unsupported scheme in "${redact(storeUrl)}" (expected ${HINTS.PAPERBOT_STORE_URL})`);
  }

  const corpusUrl = e.PAPERBOT_CORPUS_URL ?? defaultCorpusUrl(storeUrl);
  if (!/^(sqlite|postgres|postgresql):/.test(corpusUrl)) {
    problems.push(`PAPERBOT_CORPUS_URL: unsupported scheme "${corpusUrl.split(':')[0]}" (expected ${HINTS.PAPERBOT_CORPUS_URL})`);
  }

  problems.push(...platformProblems);
  const sources = e.PAPERBOT_SOURCES ? splitList(e.PAPERBOT_SOURCES) : DEFAULT_SOURCES;
  if (sources.length === 0) problems.push(`PAPERBOT_SOURCES: is empty (expected ${HINTS.PAPERBOT_SOURCES})`);
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);

  const port = e.PORT ?? 3000;
  const model = e.PAPERBOT_MODEL ?? 'gpt-4o-mini';
  const config: Config = {
    sources,
    interests: e.PAPERBOT_INTERESTS ?? DEFAULT_INTERESTS,
    digestSize: e.PAPERBOT_DIGEST_SIZE ?? 5,
    threshold: e.PAPERBOT_THRESHOLD ?? 0.1,
    digestTime: e.PAPERBOT_DIGEST_TIME ?? '09:00',
    tz,
    logLevel: e.PAPERBOT_LOG_LEVEL ?? 'info',
    urls: {
      hf: e.PAPERBOT_HF_URL ?? 'https://huggingface.co',
      arxivApi: e.PAPERBOT_ARXIV_API_URL ?? 'https://export.arxiv.org/api/query',
      arxivRss: e.PAPERBOT_ARXIV_RSS_URL ?? 'https://rss.arxiv.org/rss',
      arxivHtml: e.PAPERBOT_ARXIV_HTML_URL ?? 'https://arxiv.org/html',
      arxivPdf: e.PAPERBOT_ARXIV_PDF_URL ?? 'https://arxiv.org/pdf',
    },
    pdfMaxBytes: e.PAPERBOT_PDF_MAX_BYTES ?? 25 * 1024 * 1024,
    answerTimeoutMs: e.PAPERBOT_ANSWER_TIMEOUT_MS ?? 30_000,
    arxivDelayMs: e.PAPERBOT_ARXIV_DELAY_MS ?? 3000,
    httpTimeoutMs: e.PAPERBOT_HTTP_TIMEOUT_MS ?? 30_000,
    storeUrl,
    corpusUrl,
    llm: e.OPENAI_API_KEY
      ? {
          apiKey: e.OPENAI_API_KEY,
          baseURL: e.OPENAI_BASE_URL,
          model,
          summaryModel: e.PAPERBOT_SUMMARY_MODEL ?? model,
          embeddingModel: e.PAPERBOT_EMBEDDING_MODEL,
          dailyTokenBudget: e.PAPERBOT_DAILY_TOKEN_BUDGET,
          questionBudgetShare: e.PAPERBOT_QUESTION_BUDGET_SHARE,
          timeoutMs: e.PAPERBOT_LLM_TIMEOUT_MS ?? 60_000,
          shortlistSize: e.PAPERBOT_SHORTLIST_SIZE ?? 30,
        }
      : undefined,
    platforms: Object.freeze(platforms),
    port,
  };
  registerSecrets(secretValues(config));
  return Object.freeze(config);
}
