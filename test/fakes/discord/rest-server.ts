// A fake Discord REST API on 127.0.0.1: records every request, answers the routes paperbot uses
// from FakeDiscordState, enforces message and command-definition limits, and lets a test script any route (429s, 404s,
// delays) with `intercept`. Responses with a body always carry `content-type: application/json`,
// which @discordjs/rest needs to parse them.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  APIApplicationCommand,
  APIMessage,
  APIThreadChannel,
  RESTGetAPIGatewayBotResult,
  RESTPostAPIChannelMessageJSONBody,
  RESTPutAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { guildOfChannel, publicThread, type FakeDiscordState } from './state.js';
import { messagePayload } from './payloads.js';
import { invalidFormBody, messageBodyErrors } from './limits.js';
import { commandDefinitionErrors } from './command-limits.js';

/**
 * One request as the fake saw it. `path` is percent-decoded and relative to `/api/v10`, without
 * query, so `/messages/%40original` (how @discordjs/rest sends it) and `/messages/@original` match alike.
 */
export interface RecordedRequest {
  seq: number;
  at: number;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (tests read arbitrary fields), or the raw text. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are arbitrary JSON
  body: any;
}

/** What a handler answers. */
export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A route handler; `params` are the pattern's capture groups. */
export type FakeHandler = (req: RecordedRequest, params: string[]) => FakeResponse | Promise<FakeResponse>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: FakeHandler;
  remaining: number;
}

const json = (status: number, body?: unknown, headers?: Record<string, string>): FakeResponse => ({ status, body, headers });
const unknownChannel = () => json(404, { code: 10003, message: 'Unknown Channel' });

/** The fake REST server. Call `start()` before use and `close()` after. */
export class FakeDiscordRest {
  readonly requests: RecordedRequest[] = [];
  private readonly server: Server;
  private readonly overrides: Route[] = [];
  private readonly defaults: Route[] = [];
  private readonly waiters: Array<{ pred: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }> = [];
  private seq = 0;
  private port = 0;
  /** Set by the composite fake: where GET /gateway/bot sends the client. */
  gatewayUrl = '';

  constructor(private readonly state: FakeDiscordState) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void this.handle(req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks).toString('utf8')).then(
          (out) => {
            const empty = out.status === 204 || out.body === undefined;
            // A 204 has no body, and @discordjs/rest JSON-parses whatever says application/json, so
            // (like Discord) 204s go without the header; everything else always carries it.
            const headers = empty ? (out.headers ?? {}) : { 'content-type': 'application/json', ...(out.headers ?? {}) };
            res.writeHead(empty ? 204 : out.status, headers);
            const payload = empty ? '' : JSON.stringify(out.body);
            res.end(payload);
          },
        );
      });
    });
    this.installDefaults();
  }

  /** REST base to hand to discord.js as `rest.api` (discord.js appends `/v10`). */
  get api(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Answer `method pattern` with `handler` before the defaults, `times` times (default: always). */
  intercept(method: string, pattern: RegExp, handler: FakeHandler, times = Number.POSITIVE_INFINITY): void {
    this.overrides.unshift({ method: method.toUpperCase(), pattern, handler, remaining: times });
  }

  /** Requests matching `method` and `pattern` so far. */
  find(method: string, pattern: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && pattern.test(r.path));
  }

  /** Resolves with the first request (already recorded or future) that satisfies `pred`. */
  waitFor(pred: (r: RecordedRequest) => boolean, timeoutMs = 5000, what = 'request'): Promise<RecordedRequest> {
    const seen = this.requests.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake Discord REST: no ${what} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
    });
  }

  /** Resolves with the first `method pattern` request. */
  waitForRoute(method: string, pattern: RegExp, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.waitFor((r) => r.method === method.toUpperCase() && pattern.test(r.path), timeoutMs, `${method} ${pattern}`);
  }

  private async handle(method: string, rawUrl: string, headers: IncomingHttpHeaders, text: string): Promise<FakeResponse> {
    const url = new URL(rawUrl, 'http://fake');
    const path = decodeURIComponent(url.pathname.replace(/^\/api(\/v\d+)?/, ''));
    let body: unknown = text;
    if (text && String(headers['content-type'] ?? '').includes('application/json')) body = JSON.parse(text);
    const rec: RecordedRequest = { seq: ++this.seq, at: Date.now(), method, path, query: url.searchParams, headers, body };
    this.requests.push(rec);
    for (const w of [...this.waiters]) {
      if (w.pred(rec)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(rec);
      }
    }
    for (const list of [this.overrides, this.defaults]) {
      for (const route of list) {
        if (route.method !== method || route.remaining <= 0) continue;
        const m = route.pattern.exec(path);
        if (!m) continue;
        route.remaining--;
        return route.handler(rec, m.slice(1));
      }
    }
    return json(404, { code: 0, message: '404: Not Found' });
  }

  private route(method: string, pattern: RegExp, handler: FakeHandler): void {
    this.defaults.push({ method, pattern, handler, remaining: Number.POSITIVE_INFINITY });
  }

  private channelPayload(id: string) {
    const g = guildOfChannel(this.state, id);
    return g?.channels.get(id) ?? g?.threads.get(id);
  }

  private storeMessage(channelId: string, body: RESTPostAPIChannelMessageJSONBody, webhook = false): APIMessage {
    const msg: APIMessage = {
      ...messagePayload(this.state, { channelId, content: body.content ?? '', author: this.state.bot, embeds: body.embeds ?? [] }),
      ...(webhook ? { webhook_id: this.state.applicationId, application_id: this.state.applicationId } : {}),
      ...(body.flags !== undefined ? { flags: Number(body.flags) } : {}),
    };
    this.state.messages.set(msg.id, msg);
    return msg;
  }

  private installDefaults(): void {
    const s = this.state;
    this.route('GET', /^\/gateway\/bot$/, () =>
      json(200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      } satisfies RESTGetAPIGatewayBotResult),
    );
    this.route('GET', /^\/users\/@me$/, () => json(200, s.bot));
    this.route('GET', /^\/channels\/(\d+)$/, (_r, [id]) => {
      const ch = s.deletedChannels.has(id!) ? undefined : this.channelPayload(id!);
      return ch ? json(200, ch) : unknownChannel();
    });
    this.route('POST', /^\/channels\/(\d+)\/messages$/, (r, [id]) => {
      if (s.deletedChannels.has(id!) || !this.channelPayload(id!)) return unknownChannel();
      const errors = messageBodyErrors(r.body);
      if (Object.keys(errors).length) return json(400, invalidFormBody(errors));
      return json(200, this.storeMessage(id!, r.body as RESTPostAPIChannelMessageJSONBody));
    });
    this.route('GET', /^\/channels\/(\d+)\/messages\/(\d+)$/, (_r, [, mid]) => {
      const m = s.messages.get(mid!);
      return m ? json(200, m) : json(404, { code: 10008, message: 'Unknown Message' });
    });
    this.route('POST', /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/, (r, [id, mid]) => {
      const g = guildOfChannel(s, id!);
      if (!g || s.deletedChannels.has(id!)) return unknownChannel();
      const name = String((r.body as { name?: string }).name ?? '');
      if (name.length < 1 || name.length > 100) return json(400, invalidFormBody({ name: 'Must be between 1 and 100 in length.' }));
      const thread: APIThreadChannel = publicThread(mid!, id!, g.id, name);
      g.threads.set(mid!, thread);
      return json(201, thread);
    });
    this.route('PATCH', /^\/channels\/(\d+)\/messages\/(\d+)$/, (r, [id, mid]) => {
      if (s.deletedChannels.has(id!)) return unknownChannel();
      const m = s.messages.get(mid!);
      if (!m || m.channel_id !== id || m.author.id !== s.bot.id) return json(404, { code: 10008, message: 'Unknown Message' });
      const errors = messageBodyErrors(r.body);
      if (Object.keys(errors).length) return json(400, invalidFormBody(errors));
      const edit = r.body as RESTPostAPIChannelMessageJSONBody;
      const edited: APIMessage = { ...m, content: edit.content ?? m.content, embeds: edit.embeds ?? m.embeds, edited_timestamp: new Date().toISOString() };
      s.messages.set(mid!, edited);
      return json(200, edited);
    });
    this.route('PUT', /^\/channels\/(\d+)\/messages\/(\d+)\/reactions\/([^/]+)\/@me$/, () => json(204));
    this.route('POST', /^\/channels\/(\d+)\/typing$/, () => json(204));
    this.route('POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, (r) => {
      if (r.query.get('with_response') === 'true') {
        return json(200, { interaction: { id: r.path.split('/')[2], type: 2 }, resource: { type: (r.body as { type: number }).type } });
      }
      return json(204);
    });
    const webhookMessage = (r: RecordedRequest, [, token]: string[]) => {
      const errors = messageBodyErrors(r.body);
      if (Object.keys(errors).length) return json(400, invalidFormBody(errors));
      const channelId = s.interactionChannels.get(token!) ?? '0';
      return json(200, this.storeMessage(channelId, r.body as RESTPostAPIChannelMessageJSONBody, true));
    };
    this.route('PATCH', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, webhookMessage);
    this.route('DELETE', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, () => json(204));
    this.route('POST', /^\/webhooks\/(\d+)\/([^/]+)$/, webhookMessage);
    const putCommands = (r: RecordedRequest) => {
      const errors = commandDefinitionErrors(r.body);
      if (Object.keys(errors).length) return json(400, invalidFormBody(errors));
      const defs = r.body as RESTPutAPIApplicationCommandsJSONBody;
      return json(
        200,
        defs.map((d, i) => ({ ...d, id: String(970_000_000_000_000_000n + BigInt(i)), application_id: s.applicationId, version: '1' })) as unknown as APIApplicationCommand[],
      );
    };
    this.route('PUT', /^\/applications\/(\d+)\/commands$/, putCommands);
    this.route('PUT', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, putCommands);
  }
}
