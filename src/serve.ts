// Serve mode's composition: app + chat adapters + scheduler + health endpoint + graceful shutdown.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChatAdapter, Clock, Logger } from './ports.js';
import type { Config, PlatformName } from './types.js';
import { createLogger } from './logger.js';
import { ConfigError, errorMessage } from './errors.js';
import { createApp, createChatAdapter, type App } from './main.js';
import { configuredPlatforms, PLATFORMS } from './platforms.js';
import { ingest, prepareDigest } from './digest/prepare-digest.js';
import { createChannelRunner, createScheduler, createStoreLocks, type Scheduler } from './scheduler/index.js';
import { createSourceLocks } from './scheduler/source-locks.js';
import { createCorpusFeed, type CorpusFeed } from './scheduler/corpus-feed.js';
import {
  createAdapterStates,
  healthCheckFrom,
  installShutdown,
  startHealthServer,
  type HealthServer,
} from './ops/index.js';
import { redactingDestination } from './redact.js';
import { secretValues } from './secret-values.js';

/** A running serve process. */
export interface ServeHandle {
  app: App;
  adapters: Map<PlatformName, ChatAdapter>;
  scheduler: Scheduler;
  /** Keeps the corpus fresh: every source at start, then on its rhythm. */
  feed: CorpusFeed;
  /** Resolves once the start-up fetch of every source has ended (stored or failed). */
  feedStarted: Promise<void>;
  /** The port GET /healthz answers on. */
  healthPort: number | undefined;
  /** Runs the graceful shutdown (as SIGTERM does); resolves with the exit code. */
  shutdown(reason?: string): Promise<number>;
  /** Resolves with the exit code once the process has shut down. */
  finished: Promise<number>;
}

/** Options of startServe; tests replace the exit and keep signals out. */
export interface ServeOptions {
  stderr?: { write(line: string): unknown };
  logger?: Logger;
  /** Called with the exit code after shutdown (default process.exit). */
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
  fetch?: typeof fetch;
  /** The clock of schedules and digests (default the system clock; tests pass a ManualClock). */
  clock?: Clock;
}

/**
 * Starts serve mode: connects each chat platform the configuration turns on (its descriptor says
 * which: Slack by its bot token, Discord by its token), serves GET /healthz on PORT (on Slack's own HTTP server in
 * HTTP mode, which listens there), fetches every source into the corpus (then keeps doing so on each
 * source's rhythm, one fetch per source at a time across instances) and starts the scheduler,
 * whose first tick posts digests missed while down. SIGTERM/SIGINT stop taking work,
 * finish the message in flight, release locks, close the store and exit 0.
 */
export async function startServe(config: Readonly<Config>, options: ServeOptions = {}): Promise<ServeHandle> {
  const platforms = configuredPlatforms(config);
  if (platforms.length === 0) {
    const choices = PLATFORMS.flatMap((p) => (p.enabledBy ? [`${p.enabledBy} (${p.name})`] : [])).join(' and/or ');
    throw new ConfigError(`serve needs a chat platform: set ${choices}; see README`);
  }
  const logger =
    options.logger ?? createLogger(config.logLevel, redactingDestination(secretValues(config), options.stderr ?? process.stderr));
  const app = await createApp(config, { logger, fetch: options.fetch, clock: options.clock });
  const locks = createStoreLocks(app.store.kv);
  app.digestDeps.sourceLock = createSourceLocks(locks);
  const feed = createCorpusFeed({
    store: app.store,
    clock: app.clock,
    logger,
    defaultSources: config.sources,
    tz: config.tz,
    ingest: (sources, date) => ingest(app.digestDeps, sources, date),
  });
  const states = createAdapterStates();
  const baseCheck = healthCheckFrom({ store: app.store, adapters: states.snapshot });
  const check = async () => {
    const report = await baseCheck();
    let corpus = 'ok';
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`corpus ${app.corpus.location} did not answer within 2 s`)), 2000);
      });
      await Promise.race([app.corpus.ping(), timeout]);
    } catch (err) {
      corpus = errorMessage(err);
    } finally {
      clearTimeout(timer);
    }
    const sources = await feed.health().catch(() => ({}));
    return { ...report, ok: report.ok && corpus === 'ok', corpus, sources };
  };
  const healthRoute = async (_req: IncomingMessage, res: ServerResponse) => {
    const report = await check();
    res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify(report));
  };
  // A platform serving HTTP on PORT (Slack's HTTP mode) mounts /healthz there instead.
  const portTaken = platforms.some((p) => p.listensOnPort(config));

  const adapters = new Map<PlatformName, ChatAdapter>();
  let health: HealthServer | undefined;
  const stopAdapters = async () => {
    await Promise.allSettled(
      [...adapters].map(async ([name, adapter]) => {
        await adapter.stop();
        states.mark(name, 'disconnected');
      }),
    );
  };
  try {
    for (const platform of platforms) {
      const adapter = await createChatAdapter(app, platform, {
        routes: [{ path: '/healthz', method: ['GET'], handler: (req, res) => void healthRoute(req, res) }],
      });
      adapters.set(platform.name, adapter);
      states.mark(platform.name, 'connecting');
    }
    if (!portTaken) health = await startHealthServer({ port: config.port, check });
    for (const [platform, adapter] of adapters) {
      await adapter.start(app.core);
      states.mark(platform, 'connected');
      logger.info('chat adapter connected', { platform });
    }
  } catch (err) {
    await stopAdapters();
    await health?.close();
    await app.close();
    throw err;
  }

  const runChannel = createChannelRunner({
    store: app.store,
    adapterFor: (platform) => adapters.get(platform),
    prepare: (sub, o) => prepareDigest(app.digestDeps, sub, o),
    clock: app.clock,
    logger,
  });
  // Only channels of the platforms connected here: the console's belong to `paperbot chat`.
  const scheduler = createScheduler({ store: app.store, clock: app.clock, logger, runChannel, options: { platforms: platforms.map((p) => p.name) } });

  let resolveFinished!: (code: number) => void;
  const finished = new Promise<number>((resolve) => (resolveFinished = resolve));
  const shutdownHandle = installShutdown({
    logger,
    signals: options.signals,
    exit: (code) => {
      resolveFinished(code);
      (options.exit ?? ((c: number) => process.exit(c)))(code);
    },
    steps: [
      { name: 'stop corpus feed', run: () => feed.stop() },
      { name: 'stop scheduler', run: () => scheduler.stop() },
      { name: 'release source locks', run: () => locks.releaseAll() },
      { name: 'stop chat adapters', run: stopAdapters },
      { name: 'stop health server', run: async () => health?.close() },
      { name: 'close store', run: () => app.close() },
    ],
  });
  // The first fetch runs in the background: commands answer from what the corpus holds meanwhile,
  // and a start-up digest's own ingest joins the feed's fetch (shared source locks), so it reads
  // fresh papers.
  const feedStarted = feed.start().catch((err: unknown) => logger.error('first corpus fetch failed', { error: errorMessage(err) }));
  await scheduler.start();
  const healthPort = health?.port ?? [...adapters.values()].map((a) => (a as { port?: number }).port).find((p) => p !== undefined);
  logger.info('paperbot serving', { platforms: platforms.map((p) => p.name), healthPort, store: config.storeUrl.split(':')[0], corpus: app.corpus.location });
  return {
    app,
    adapters,
    scheduler,
    feed,
    feedStarted,
    healthPort,
    shutdown: (reason = 'requested') => shutdownHandle.shutdown(reason),
    finished,
  };
}
