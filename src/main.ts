// Composition root: config → ports → core. The only module in src/ that may import adapters/.
import type { Config } from './config.js';
import type { Answerer, BotCore, Clock, BotStore, DigestPreviewer, Logger, PaperCorpus, PaperIndex, PaperLookup, PaperSource } from './ports.js';
import type { ChannelRef, Subscription, Weekday } from './types.js';
import { createLogger } from './logger.js';
import { systemClock } from './clock.js';
import { createBotStore } from './store/index.js';
import { createPaperIndex } from './search/paper-index.js';
import { loadIndexFromStore } from './search/load-index.js';
import { createArxivLookup, createSource } from './sources/registry.js';
import { FILE_FETCH_TTL_MS, SHARED_FETCH_TTL_MS, shareFetches } from './sources/shared-fetches.js';
import { createExtractiveAnswerer } from './qa/extractive.js';
import { createFullTextFetcher } from './fulltext/fetch-full-text.js';
import { createFullTexts } from './fulltext/full-texts.js';
import { sharedArxivPacer } from './sources/arxiv-pacer.js';
import { createBotCore } from './bot/create-bot.js';
import { prepareDigest, type DigestDeps, type ModelStages } from './digest/prepare-digest.js';
import { localDate } from './dates.js';
import { createLlmServices, type LlmServices } from './llm/index.js';
import { sinceDate } from './scheduler/schedule.js';
import { createConsoleAdapter, runConsoleChat as runConsole } from '../adapters/console/index.js';
import { createSlackAdapter, slackChannelRef, type SlackAdapter } from '../adapters/slack/index.js';
import { createDiscordAdapter, discordChannelRef, type DiscordAdapter } from '../adapters/discord/index.js';
import { eventSeen, TTL } from './store/keys.js';
import { ConfigError, errorMessage } from './errors.js';
import type { ChatAdapter } from './ports.js';
import type { PlatformName } from './types.js';
import type { CustomRoute } from '@slack/bolt';

/** Weekdays Monday–Friday, the default digest days. */
export const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];

/** Everything a running paperbot is made of. Build it with createApp(); close it when done. */
export interface App {
  config: Readonly<Config>;
  logger: Logger;
  clock: Clock;
  store: BotStore;
  /** The search index; filled from the store by loadIndex(). */
  index: PaperIndex;
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
  /** Loads every stored paper into the index (once; later calls reuse the first load). */
  loadIndex(): Promise<void>;
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
  /**
   * The paper corpus (PAPERBOT_CORPUS_URL): full texts are stored there and searched by chunk.
   * Without it full texts are kept for this process only.
   */
  corpus?: PaperCorpus;
}

/** A subscription with the configured defaults, for a channel that has none yet (or the terminal). */
export function defaultSubscription(channel: ChannelRef, config: Readonly<Config>, overrides: Partial<Subscription> = {}): Subscription {
  return {
    channel,
    interests: config.interests,
    include: [],
    exclude: [],
    follow: [],
    sources: [],
    size: config.digestSize,
    threshold: config.threshold,
    schedule: { time: config.digestTime, tz: config.tz, days: WEEKDAYS },
    paused: false,
    quietDayNote: true,
    createdAt: new Date(0).toISOString(),
    ...overrides,
  };
}

/** Builds the app from configuration: store, index, sources, answerer, previewer and BotCore. */
export async function createApp(config: Readonly<Config>, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const store = await createBotStore(config.storeUrl, logger);
  const fullIndex = createPaperIndex();
  // Papers added while the index loads (a digest fetching meanwhile) are added again after it: a
  // snapshot restore replaces the index content.
  let loading = false;
  const addedWhileLoading = new Set<string>();
  const index: PaperIndex = {
    add(batch) {
      fullIndex.add(batch);
      if (loading) for (const p of batch) addedWhileLoading.add(p.id);
    },
    has: (id) => fullIndex.has(id),
    get size() {
      return fullIndex.size;
    },
    search: (query, opts) => fullIndex.search(query, opts),
  };
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
  const llm = config.llm ? createLlmServices(config.llm, { kv: store.kv, logger, fetch: options.fetch, clock }) : undefined;
  const newModelStages = llm ? () => llm.createStages() : undefined;
  const digestDeps: DigestDeps = {
    store,
    index,
    sourceFor,
    defaultSources: config.sources,
    clock,
    logger,
    onProgress: options.onProgress,
    newModelStages,
  };
  const previewer: DigestPreviewer = {
    preview: (sub, opts) =>
      prepareDigest(digestDeps, sub, {
        date: opts?.date ?? localDate(clock.now(), sub.schedule.tz),
        since: sinceDate(sub),
      }),
  };
  const corpus = options.corpus;
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
    ? llm.createAnswerer({ store, index, fullTexts, corpus, fallback: (reason) => createExtractiveAnswerer({ store, index, fullTexts, corpus, reason }) })
    : createExtractiveAnswerer({ store, index, fullTexts, corpus });
  let indexLoad: Promise<void> | undefined;
  const loadIndex = () =>
    (indexLoad ??= (async () => {
      loading = true;
      try {
        await loadIndexFromStore(store, fullIndex, undefined, {
          onReport: (r) => logger.info('search index loaded', { ...r, readyMs: Math.round(r.readyMs) }),
          onSnapshotError: (err) => logger.warn('index snapshot not used; reading every paper instead', { error: errorMessage(err) }),
        });
      } finally {
        loading = false;
      }
      if (addedWhileLoading.size) fullIndex.add(await store.getPapers([...addedWhileLoading]));
      addedWhileLoading.clear();
    })());
  const core = createBotCore({
    store,
    index,
    lookup,
    answerer,
    digests: previewer,
    clock,
    logger,
    defaults: {
      interests: config.interests,
      sources: config.sources,
      size: config.digestSize,
      threshold: config.threshold,
      time: config.digestTime,
      tz: config.tz,
      days: WEEKDAYS,
    },
    llmConfigured: Boolean(config.llm),
    answerTimeoutMs: config.answerTimeoutMs,
  });
  return {
    config,
    logger,
    clock,
    store,
    index,
    sourceFor,
    lookup,
    answerer,
    previewer,
    digestDeps,
    llm,
    newModelStages,
    core,
    loadIndex,
    close: () => store.close(),
  };
}

/** Streams the console chat talks over. */
export interface ConsoleIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

/** Runs `paperbot chat` on the app's BotCore until the input ends or the user quits. */
export async function runConsoleChat(app: App, io: ConsoleIo): Promise<void> {
  const adapter = createConsoleAdapter({
    input: io.stdin,
    output: io.stdout,
    userTz: app.config.tz,
    color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR,
  });
  await runConsole(app.core, adapter);
}

/** Extra adapter settings serve mode passes (health route, listen address). */
export interface ChatAdapterOptions {
  /** Slack HTTP mode: more routes on the same port (serve mounts GET /healthz there). */
  slackRoutes?: CustomRoute[];
}

/** Stored paper ids for Discord's `/papers paper` autocomplete: id prefix first, else a title search. */
function paperIdsForAutocomplete(app: Pick<App, 'store' | 'index'>) {
  return async (typed: string): Promise<Array<{ id: string; title: string }>> => {
    const text = typed.trim().toLowerCase();
    let ids: string[];
    if (text === '' || /^[\d.]+v?\d*$|^[a-z-]+(\.[a-z-]+)?\//.test(text) || text.startsWith('file:')) {
      const all = await app.store.allPaperIds();
      // arXiv ids sort by date: the newest match first.
      ids = all.filter((id) => id.toLowerCase().startsWith(text)).sort().reverse().slice(0, 25);
    } else {
      ids = app.index.search(text.slice(0, 100), { limit: 25 }).map((h) => h.id);
    }
    const papers = await app.store.getPapers(ids);
    return papers.map((p) => ({ id: p.id, title: p.title }));
  };
}

/**
 * The chat adapter of `platform` from configuration, or a ConfigError naming the missing
 * variables. Slack retries are de-duplicated through the store, so several instances agree.
 */
export function createChatAdapter(app: App, platform: Exclude<PlatformName, 'console'>, options: ChatAdapterOptions = {}): ChatAdapter & (SlackAdapter | DiscordAdapter) {
  const { config, logger, store } = app;
  if (platform === 'slack') {
    const slack = config.slack;
    if (!slack) throw new ConfigError('SLACK_BOT_TOKEN is not set: add the Bot User OAuth Token (xoxb-…) of your Slack app');
    return createSlackAdapter({
      botToken: slack.botToken,
      appToken: slack.appToken,
      signingSecret: slack.signingSecret,
      apiUrl: slack.apiUrl,
      port: slack.port,
      logger,
      eventDedup: (key) => store.kv.setIfAbsent(eventSeen('slack', key), 1, TTL.eventSeen),
      customRoutes: options.slackRoutes,
    });
  }
  const discord = config.discord;
  if (!discord) throw new ConfigError('DISCORD_TOKEN is not set: add the bot token from the Developer Portal → Bot');
  return createDiscordAdapter({
    token: discord.token,
    applicationId: discord.applicationId,
    apiUrl: discord.apiUrl,
    messageContent: discord.messageContent,
    logger,
    paperIdsForAutocomplete: paperIdsForAutocomplete(app),
  });
}

/** The channel reference a platform's adapter uses for `channelId` (same key format as its events). */
export function channelRefFor(platform: Exclude<PlatformName, 'console'>, channelId: string): ChannelRef {
  return platform === 'slack' ? slackChannelRef(channelId) : discordChannelRef(channelId);
}

export { slackManifest } from '../adapters/slack/index.js';
export { registerDiscordCommands } from '../adapters/discord/index.js';
