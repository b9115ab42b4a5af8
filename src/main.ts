// Composition root: config → ports → core. With src/platforms.ts (the platform registry), the only module in src/ that may import adapters/.
import type { Answerer, BotCore, Clock, BotStore, DigestPreviewer, Logger, PaperCorpus, PaperLookup, PaperSource } from './ports.js';
import type { ChannelRef, Config } from './types.js';
import { createLogger } from './logger.js';
import { systemClock } from './clock.js';
import { createBotStore } from './store/index.js';
import { openCorpus } from './corpus/index.js';
import { moveLegacyPapers } from './store/legacy-papers.js';
import { createArxivLookup, createSource } from './sources/registry.js';
import { FILE_FETCH_TTL_MS, SHARED_FETCH_TTL_MS, shareFetches } from './sources/shared-fetches.js';
import { createExtractiveAnswerer } from './qa/extractive.js';
import { createFullTextFetcher } from './fulltext/fetch-full-text.js';
import { createFullTexts } from './fulltext/full-texts.js';
import { sharedArxivPacer } from './sources/arxiv-pacer.js';
import { createBotCore } from './bot/create-bot.js';
import { prepareDigest, type DigestDeps } from './digest/prepare-digest.js';
import { localDate } from './dates.js';
import type { LlmServices } from './llm/index.js';
import { sinceDate } from './scheduler/schedule.js';
import { quietReason as arxivQuietReason } from './scheduler/arxiv-calendar.js';
import { platformNamed } from './platforms.js';
import { subscriptionDefaults } from './new-subscription.js';
import { eventSeen, TTL } from './store-keys.js';
import { errorMessage } from './errors.js';
import type { ChatAdapter, HttpRoute, ModelStages, PlatformContext, PlatformDescriptor } from './ports.js';

/** Everything a running paperbot is made of. Build it with createApp(); close it when done. */
export interface App {
  config: Readonly<Config>;
  logger: Logger;
  clock: Clock;
  /** Bot state: subscriptions, runs, locks, caches, feedback. */
  store: BotStore;
  /** The papers, with their full-text search (PAPERBOT_CORPUS_URL); shared live by every process. */
  corpus: PaperCorpus;
  sourceFor(name: string): PaperSource;
  lookup: PaperLookup;
  answerer: Answerer;
  previewer: DigestPreviewer;
  digestDeps: DigestDeps;
  /** The LLM layer, when OPENAI_API_KEY is configured. */
  llm?: LlmServices;
  /** Fresh model stages for one digest run (deadline and token figures start now); none without a model. */
  newModelStages?(): ModelStages;
  core: BotCore;
  close(): Promise<void>;
}

/** Options for createApp, mostly for the CLI and tests. */
export interface AppOptions {
  logger?: Logger;
  /** Progress lines (the CLI prints them to stderr on a terminal). */
  onProgress?(message: string): void;
  fetch?: typeof fetch;
  /** The clock of digests, commands and schedules (tests pass a ManualClock). */
  clock?: Clock;
}

/**
 * Builds the app from configuration: state store, corpus, sources, answerer, previewer and
 * BotCore. Opening the corpus runs its migrations; papers an older paperbot kept in the state
 * store move into it once. Rejects with a clear error when either database is unusable.
 */
export async function createApp(config: Readonly<Config>, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const store = await createBotStore(config.storeUrl, logger);
  let corpus: PaperCorpus;
  try {
    corpus = await openCorpus(config.corpusUrl);
  } catch (err) {
    await store.close();
    throw err;
  }
  try {
    const moved = await moveLegacyPapers(store.kv, corpus, clock);
    if (moved > 0) logger.info('moved papers from the state store into the corpus', { papers: moved, corpus: corpus.location });
  } catch (err) {
    // The old records stay where they are; the next start tries again.
    logger.warn('could not move old papers into the corpus yet', { error: errorMessage(err) });
  }
  const sourceDeps = { config: config as Config, logger, fetch: options.fetch };
  const sources = new Map<string, PaperSource>();
  const sourceFor = (name: string): PaperSource => {
    let source = sources.get(name);
    if (!source) {
      source = createSource(name, sourceDeps);
      source = shareFetches(source, clock, name.startsWith('file:') ? FILE_FETCH_TTL_MS : SHARED_FETCH_TTL_MS);
      sources.set(name, source);
    }
    return source;
  };
  const lookup = createArxivLookup(sourceDeps);
  // The model client (openai) is loaded only when a model is configured.
  const llm = config.llm ? (await import('./llm/index.js')).createLlmServices(config.llm, { kv: store.kv, logger, fetch: options.fetch, clock }) : undefined;
  const modelStagesFor = llm ? (await import('./digest/model-stages.js')).modelStagesFor : undefined;
  const newModelStages = llm && modelStagesFor ? () => modelStagesFor(llm) : undefined;
  const digestDeps: DigestDeps = {
    store,
    corpus,
    sourceFor,
    defaultSources: config.sources,
    clock,
    logger,
    onProgress: options.onProgress,
    newModelStages,
    // Every digest explains an arXiv quiet day (weekend, holiday) the same way: serve, CLI, console.
    quietReason: (date) => arxivQuietReason(date),
  };
  const previewer: DigestPreviewer = {
    preview: (sub, opts) =>
      prepareDigest(digestDeps, sub, {
        date: opts?.date ?? localDate(clock.now(), sub.schedule.tz),
        since: sinceDate(sub),
      }),
  };
  const fullTexts = createFullTexts({
    corpus,
    fetcher: createFullTextFetcher({
      htmlBase: config.urls.arxivHtml,
      pdfBase: config.urls.arxivPdf,
      pdfMaxBytes: config.pdfMaxBytes,
      timeoutMs: config.httpTimeoutMs,
      pacer: sharedArxivPacer(config.arxivDelayMs),
      fetch: options.fetch,
      logger,
      now: () => clock.now(),
    }),
    logger,
  });
  const answerer = llm
    ? (await import('./qa/llm-answerer.js')).llmAnswererFor(llm, { corpus, fullTexts, fallback: (reason) => createExtractiveAnswerer({ corpus, fullTexts, reason }) })
    : createExtractiveAnswerer({ corpus, fullTexts });
  const core = createBotCore({
    store,
    corpus,
    lookup,
    answerer,
    digests: previewer,
    clock,
    logger,
    defaults: subscriptionDefaults(config),
    llmConfigured: Boolean(config.llm),
    answerTimeoutMs: config.answerTimeoutMs,
    localOperator: (platform) => platformNamed(platform)?.localOperator === true,
  });
  let closing: Promise<void> | undefined;
  return {
    config,
    logger,
    clock,
    store,
    corpus,
    sourceFor,
    lookup,
    answerer,
    previewer,
    digestDeps,
    llm,
    newModelStages,
    core,
    close: () => (closing ??= Promise.allSettled([store.close(), corpus.close()]).then(() => undefined)),
  };
}

/** Extra adapter settings serve mode passes. */
export interface ChatAdapterOptions {
  /** Routes a platform that listens on PORT itself mounts there (serve mounts GET /healthz). */
  routes?: HttpRoute[];
  /** The terminal the CLI runs in (the console platform posts there). */
  terminal?: PlatformContext['terminal'];
}

/** Stored papers for Discord's `/papers paper` autocomplete: id prefix first, else a title search. */
function paperIdsForAutocomplete(app: Pick<App, 'corpus'>) {
  return async (typed: string): Promise<Array<{ id: string; title: string }>> => {
    const text = typed.trim().toLowerCase();
    const byId = text === '' || /^[\d.]+v?\d*$|^[a-z-]+(\.[a-z-]+)?\//.test(text) || text.startsWith('file:');
    const ids = byId
      ? await app.corpus.idsWithPrefix(text, 25)
      : (await app.corpus.search(text.slice(0, 100), { limit: 25 })).map((h) => h.id);
    const papers = await app.corpus.getPapers(ids);
    return papers.map((p) => ({ id: p.id, title: p.title }));
  };
}

/**
 * The chat adapter of `platform` from configuration (its SDK loads now), or a ConfigError naming
 * the missing variables. Platform retries are de-duplicated through the store, so instances agree.
 */
export async function createChatAdapter(app: App, platform: PlatformDescriptor, options: ChatAdapterOptions = {}): Promise<ChatAdapter> {
  const { config, logger, store } = app;
  return platform.create(
    {
      config,
      logger,
      firstTime: (key) => store.kv.setIfAbsent(eventSeen(platform.name, key), 1, TTL.eventSeen),
      paperChoices: paperIdsForAutocomplete(app),
      terminal: options.terminal,
    },
    { routes: options.routes },
  );
}

/** The channel reference the adapter of platform `name` uses for `channelId` (same key format as its events). */
export function channelRefFor(name: string, channelId: string): ChannelRef {
  const platform = platformNamed(name);
  if (!platform) throw new Error(`no chat platform named ${name}`);
  return platform.channels.ref(channelId);
}
