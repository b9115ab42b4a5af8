// The Slack adapter: a Bolt App (Socket Mode with an app token, else HTTP on /slack/events)
// that translates between Slack and BotCore. Rendering, pacing and error mapping live in the
// files next to this one; this file wires them and owns the lifecycle.
import { rejectStaleRequests } from './request-freshness.js';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { webApi, CustomRoute } from '@slack/bolt';
import { App, type LogLevel, webApi as slackWebApi } from './bolt-runtime.js';
import type { BotCore, ChatAdapter, Logger } from '../../src/ports.js';
import type { ChannelRef, MessageRef, Outbound, ThreadRef } from '../../src/types.js';
import { ConfigError, errorMessage } from '../../src/errors.js';
import { boltLogger } from './bolt-logger.js';
import { memoryDedup, type FirstTimeCheck } from './dedup.js';
import { registerListeners } from './listeners/index.js';
import { ChannelPacer, PRIORITY } from './pacer.js';
import { slackChannelRef, slackThreadRef } from './refs.js';
import { renderOutbound } from './render.js';
import { editMessage, sendMessage, slackErrorCode } from './send-message.js';
import { usersInfoLookup } from './users.js';
import { isSlackRequestError, slackUnreachableError } from './unreachable.js';

export { renderOutbound, isEphemeral, type SlackMessage } from './render.js';
export { slackManifest, type SlackManifestOptions } from './manifest.js';
export { memoryDedup, type FirstTimeCheck } from './dedup.js';
export { slackChannelRef, slackThreadRef } from './refs.js';
export { escapeMrkdwn, neutralToMrkdwn } from './mrkdwn.js';
export { FEEDBACK_ACTIONS } from './render-paper.js';

/** How the Slack adapter connects and behaves. Only botToken, logger and one of appToken/signingSecret are needed. */
export interface SlackAdapterConfig {
  /** Bot token (xoxb-…). */
  botToken: string;
  /** App-level token (xapp-…): Socket Mode, no public URL needed. */
  appToken?: string;
  /** Signing secret: HTTP mode (used when appToken is absent). */
  signingSecret?: string;
  /** Web API base URL override (tests, proxies), e.g. http://127.0.0.1:9999/api/. */
  apiUrl?: string;
  /** HTTP mode port (default 3000; 0 picks a free one, see `port`). */
  port?: number;
  /** HTTP mode listen address (default: all interfaces). */
  host?: string;
  logger: Logger;
  /** Web API client overrides: retries (default 4, honoring Retry-After on 429), timeout (default 30 s). */
  clientOptions?: Pick<webApi.WebClientOptions, 'retryConfig' | 'timeout' | 'rejectRateLimitedCalls' | 'fetch'>;
  /** The bot's user id and bot id; with both, auth.test is skipped. */
  botUserId?: string;
  botId?: string;
  /** Minimum gap between two posts to one channel, from the end of one to the start of the next (default 1100 ms). */
  paceMs?: number;
  /** De-duplication of Slack retries: resolves true the first time a key is seen (default: in memory, 15 min). */
  eventDedup?: FirstTimeCheck;
  /** Who administers channels (default: users.info is_admin / is_owner, cached 10 min). */
  isAdmin?: (userId: string) => Promise<boolean>;
  /** Slash command name (default "/papers"). */
  command?: string;
  /** Reaction shown while the core answers a question (default "hourglass_flowing_sand"; false for none). */
  workingReaction?: string | false;
  /** Level of Bolt's own log lines (default "info"). */
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** How long stop() waits for in-flight answers (default 10 s). */
  stopTimeoutMs?: number;
  /** HTTP mode: extra routes served on the same port (e.g. GET /healthz). */
  customRoutes?: CustomRoute[];
}

/** Retries for Web API calls: 429s wait Retry-After, then retry; a digest never hangs for half an hour. */
const DEFAULT_RETRY: webApi.RetryOptions = { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 10_000, randomize: true };

/** ChatAdapter for Slack over the real Bolt SDK. Create it with createSlackAdapter. */
export class SlackAdapter implements ChatAdapter {
  readonly platform = 'slack' as const;
  /** 'socket' when an app token is configured, else 'http'. */
  readonly mode: 'socket' | 'http';

  private readonly app: App;
  private readonly client: webApi.WebClient;
  private readonly logger: Logger;
  private readonly pacer: ChannelPacer;
  private readonly inFlight = new Set<Promise<unknown>>();
  private server: Server | undefined;
  private state: 'new' | 'starting' | 'started' | 'stopped' = 'new';
  private stopping: Promise<void> | undefined;

  constructor(private readonly config: SlackAdapterConfig) {
    if (!config.appToken && !config.signingSecret) {
      throw new ConfigError('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)');
    }
    this.mode = config.appToken ? 'socket' : 'http';
    this.logger = config.logger.child({ platform: 'slack' });
    const level = (config.logLevel ?? 'info') as LogLevel;
    const knowsIds = Boolean(config.botUserId && config.botId);
    this.app = new App({
      token: config.botToken,
      appToken: config.appToken,
      socketMode: this.mode === 'socket',
      signingSecret: this.mode === 'http' ? config.signingSecret : undefined,
      port: this.mode === 'http' ? (config.port ?? 3000) : undefined,
      ...(this.mode === 'http' && config.customRoutes?.length ? { customRoutes: config.customRoutes } : {}),
      botUserId: config.botUserId,
      botId: config.botId,
      tokenVerificationEnabled: !knowsIds,
      deferInitialization: true,
      logger: boltLogger(this.logger, level),
      clientOptions: {
        ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
        retryConfig: DEFAULT_RETRY,
        timeout: 30_000,
        ...config.clientOptions,
      },
    });
    this.client = this.app.client;
    this.client.on(slackWebApi.WebClientEvent.RATE_LIMITED, (retryAfterSec: number, info: { url?: string }) => {
      this.logger.warn('slack rate limited; waiting Retry-After', { retryAfterSec, url: info?.url });
    });
    this.pacer = new ChannelPacer(config.paceMs ?? 1100);
  }

  /** The bound port in HTTP mode once started (useful with port 0); undefined otherwise. */
  get port(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  }

  async start(core: BotCore): Promise<void> {
    if (this.state !== 'new') {
      if (this.state === 'stopped') throw new Error('SlackAdapter: start() after stop()');
      return;
    }
    this.state = 'starting';
    try {
      await this.app.init();
    } catch (err) {
      this.state = 'stopped';
      throw isSlackRequestError(err) ? slackUnreachableError(err, 'auth.test', this.config.apiUrl) : startError(err);
    }
    registerListeners(this.app, this.config.command ?? '/papers', {
      core,
      logger: this.logger,
      firstTime: this.config.eventDedup ?? memoryDedup(),
      lookupUser: usersInfoLookup(this.client, this.logger, this.config.isAdmin),
      reply: (thread, out) => this.reply(thread, out),
      edit: (message, out) => this.edit(message, out),
      workingReaction: this.config.workingReaction ?? 'hourglass_flowing_sand',
      track: (work) => this.track(work),
    });
    if (this.mode === 'socket') {
      try {
        await this.app.start();
      } catch (err) {
        if (!isSlackRequestError(err)) throw err;
        this.state = 'stopped';
        throw slackUnreachableError(err, 'apps.connections.open', this.config.apiUrl);
      }
    } else {
      const port = this.config.port ?? 3000;
      this.server = await this.app.start(this.config.host ? { port, host: this.config.host } : port);
      rejectStaleRequests(this.server, (req) => this.logger.warn('slack request rejected: timestamp too far from now', { url: req.url }));
    }
    this.state = 'started';
    this.logger.info('slack adapter started', { mode: this.mode, ...(this.port !== undefined ? { port: this.port } : {}) });
  }

  async stop(): Promise<void> {
    if (this.stopping) return this.stopping;
    const wasRunning = this.state === 'started' || this.state === 'starting';
    this.state = 'stopped';
    this.stopping = (async () => {
      if (wasRunning) {
        try {
          await this.app.stop();
        } catch (err) {
          this.logger.warn('slack receiver did not stop cleanly', { error: errorMessage(err) });
        }
      }
      this.server = undefined;
      await this.drain(this.config.stopTimeoutMs ?? 10_000);
    })();
    return this.stopping;
  }

  async post(channel: ChannelRef, message: Outbound): Promise<ThreadRef> {
    const msg = renderOutbound(message);
    const target = { channelId: channel.channelId, channelKey: channel.key };
    const res = await this.pacer.run(channel.channelId, () => sendMessage(this.client, target, msg, this.logger));
    return slackThreadRef(res.channel, res.ts);
  }

  async reply(thread: ThreadRef, message: Outbound): Promise<MessageRef> {
    const msg = renderOutbound(message);
    const channel = slackChannelRef(thread.channelId);
    const target = { channelId: thread.channelId, channelKey: channel.key, threadTs: thread.threadId };
    const res = await this.pacer.run(thread.channelId, () => sendMessage(this.client, target, msg, this.logger), PRIORITY.reply);
    return { ...channel, messageId: res.ts };
  }

  async edit(message: MessageRef, content: Outbound): Promise<void> {
    const msg = renderOutbound(content);
    const target = { channelId: message.channelId, channelKey: message.key };
    await this.pacer.run(message.channelId, () => editMessage(this.client, target, message.messageId, msg, this.logger), PRIORITY.reply);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const forget = () => this.inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }

  private async drain(timeoutMs: number): Promise<void> {
    if (this.inFlight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    });
    await Promise.race([Promise.allSettled([...this.inFlight]), timeout]);
    clearTimeout(timer);
  }
}

/** Slack's answers to auth.test that mean the bot token itself is wrong. */
const TOKEN_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

function startError(err: unknown): Error {
  const code = slackErrorCode(err);
  if (code && TOKEN_ERRORS.has(code)) {
    return new ConfigError(`SLACK_BOT_TOKEN: Slack rejected the bot token (${code}); copy the Bot User OAuth Token (xoxb-…) of the installed app`);
  }
  return err instanceof Error ? err : new Error(errorMessage(err));
}

/** Creates the Slack adapter (nothing connects until start(); post() works without start()). */
export function createSlackAdapter(config: SlackAdapterConfig): SlackAdapter {
  return new SlackAdapter(config);
}
