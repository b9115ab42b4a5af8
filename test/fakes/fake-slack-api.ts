// A fake Slack on 127.0.0.1:<random port>: the Web API under /api/ (what WebClient calls via
// `slackApiUrl`), response_url endpoints under /resp/<id> (what respond() posts to), and a
// Socket Mode WebSocket under /socket (reached through apps.connections.open). It records every
// call with its arrival time, enforces Block Kit limits like Slack, and can be scripted to fail.
import { EventEmitter } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { checkSlackMessage } from './slack-block-kit-limits.js';

/** One Web API call as the fake received it. Form fields stay strings; `blocks` is parsed. */
export interface SlackApiCall {
  method: string;
  params: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** Date.now() at arrival. */
  at: number;
  /** What the fake answered: 'ok', a Slack error string, or 'http_429'. */
  outcome: string;
  /** Why a message was refused, for test failure output. */
  detail?: string;
  /** The JSON body the fake answered with. */
  response: Record<string, unknown>;
}

/** One POST to a response_url. */
export interface ResponseUrlCall {
  id: string;
  body: Record<string, unknown>;
  at: number;
  outcome: string;
}

/** The ack of a Socket Mode envelope. */
export interface EnvelopeAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
  at: number;
}

/** A user as users.info returns it. */
export interface FakeSlackUser {
  id: string;
  name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  tz?: string;
}

/** The running fake. */
export interface FakeSlackApi {
  /** Pass as `apiUrl` / `clientOptions.slackApiUrl`, e.g. http://127.0.0.1:41234/api/. */
  apiUrl: string;
  baseUrl: string;
  botUserId: string;
  botId: string;
  calls: SlackApiCall[];
  responses: ResponseUrlCall[];
  /** users.info answers; unknown ids get a non-admin in Europe/Berlin. */
  users: Map<string, FakeSlackUser>;
  /** A response_url on this fake (use a fresh id per payload). */
  responseUrl(id: string): string;
  callsTo(method: string): SlackApiCall[];
  /** Resolves with the first call (already received or future) matching. Rejects after timeoutMs. */
  waitForCall(method: string, match?: (c: SlackApiCall) => boolean, timeoutMs?: number): Promise<SlackApiCall>;
  /** Resolves with the first POST to response_url `id`. */
  waitForResponse(id: string, timeoutMs?: number): Promise<ResponseUrlCall>;
  /** The next `times` calls of `method` (optionally only to `channel`) answer `{ok:false, error}`. */
  failNext(method: string, error: string, options?: { times?: number; channel?: string }): void;
  /** The next `times` calls of `method` get HTTP 429 with `Retry-After: retryAfterSec`. */
  rateLimitNext(method: string, retryAfterSec: number, times?: number): void;
  /** Image URLs containing this text fail like an image Slack cannot download. Default "broken". */
  brokenImageMarker: string;
  /** Resolves when a Socket Mode client has connected and received `hello`. */
  socketConnected(timeoutMs?: number): Promise<void>;
  /** Sends an envelope over the socket and resolves with the client's ack. */
  sendEnvelope(type: 'slash_commands' | 'events_api' | 'interactive', payload: object, extra?: object): Promise<EnvelopeAck>;
  close(): Promise<void>;
}

interface Script {
  method: string;
  kind: 'error' | '429';
  value: string | number;
  times: number;
  channel?: string;
}

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update']);

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const events = new EventEmitter();
  events.setMaxListeners(100);
  const scripts: Script[] = [];
  let seq = 0;
  let envelopeSeq = 0;
  let socket: WebSocket | undefined;
  const acks = new Map<string, (ack: EnvelopeAck) => void>();
  const wss = new WebSocketServer({ noServer: true });

  const fake: FakeSlackApi = {
    apiUrl: '',
    baseUrl: '',
    botUserId: 'UBOT',
    botId: 'BBOT',
    calls: [],
    responses: [],
    users: new Map(),
    brokenImageMarker: 'broken',
    responseUrl: (id) => `${fake.baseUrl}/resp/${id}`,
    callsTo: (method) => fake.calls.filter((c) => c.method === method),
    waitForCall(method, match = () => true, timeoutMs = 5000) {
      const test = (c: SlackApiCall) => c.method === method && match(c);
      return waitFor(events, 'call', () => fake.calls.find(test), `${method} call`, timeoutMs);
    },
    waitForResponse(id, timeoutMs = 8000) {
      return waitFor(events, 'response', () => fake.responses.find((r) => r.id === id), `response_url ${id}`, timeoutMs);
    },
    failNext(method, error, options = {}) {
      scripts.push({ method, kind: 'error', value: error, times: options.times ?? 1, channel: options.channel });
    },
    rateLimitNext(method, retryAfterSec, times = 1) {
      scripts.push({ method, kind: '429', value: retryAfterSec, times });
    },
    socketConnected(timeoutMs = 5000) {
      return waitFor(events, 'socket', () => (socket ? true : undefined), 'socket connection', timeoutMs).then(() => {});
    },
    sendEnvelope(type, payload, extra = {}) {
      if (!socket) return Promise.reject(new Error('no Socket Mode client connected'));
      const envelope_id = `env-${++envelopeSeq}`;
      const acked = new Promise<EnvelopeAck>((resolve) => acks.set(envelope_id, resolve));
      socket.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== 'events_api', ...extra }));
      return acked;
    },
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const takeScript = (method: string, channel: unknown): Script | undefined => {
    const s = scripts.find((x) => x.method === method && x.times > 0 && (!x.channel || x.channel === channel));
    if (s) s.times -= 1;
    return s;
  };

  const answer = (method: string, params: Record<string, unknown>, headers: IncomingHttpHeaders): { status: number; body: object; headers?: Record<string, string>; outcome: string; detail?: string } => {
    const auth = String(headers.authorization ?? '');
    if (method === 'apps.connections.open') {
      if (!auth.startsWith('Bearer xapp-')) return { status: 200, body: { ok: false, error: 'not_authed' }, outcome: 'not_authed' };
      return { status: 200, body: { ok: true, url: `${fake.baseUrl.replace('http', 'ws')}/socket` }, outcome: 'ok' };
    }
    if (!auth.startsWith('Bearer xoxb-')) return { status: 200, body: { ok: false, error: 'not_authed' }, outcome: 'not_authed' };
    const script = takeScript(method, params.channel);
    if (script?.kind === '429') {
      return { status: 429, headers: { 'retry-after': String(script.value) }, body: { ok: false, error: 'ratelimited' }, outcome: 'http_429' };
    }
    if (script?.kind === 'error') return { status: 200, body: { ok: false, error: script.value }, outcome: String(script.value) };
    if (MESSAGE_METHODS.has(method)) {
      const refusal = checkSlackMessage(params, (u) => u.includes(fake.brokenImageMarker));
      if (refusal) return { status: 200, body: { ok: false, error: refusal.error }, outcome: refusal.error, detail: refusal.detail };
    }
    switch (method) {
      case 'auth.test':
        return ok({ user_id: fake.botUserId, bot_id: fake.botId, team_id: 'T1', user: 'paperbot', team: 'Fake Team', url: 'https://fake.slack.com/' });
      case 'chat.postMessage': {
        seq += 1;
        const ts = `${1_750_000_000 + seq}.${String(seq).padStart(6, '0')}`;
        return ok({ channel: params.channel, ts, message: { text: params.text, ts, thread_ts: params.thread_ts } });
      }
      case 'chat.postEphemeral':
        return ok({ message_ts: `${1_750_000_000 + ++seq}.000000` });
      case 'chat.update':
        return ok({ channel: params.channel, ts: params.ts });
      case 'reactions.add':
      case 'reactions.remove':
        return ok({});
      case 'conversations.replies':
        return ok({ messages: [], has_more: false });
      case 'users.info': {
        const id = String(params.user);
        const u = fake.users.get(id) ?? { id };
        return ok({
          user: {
            id,
            name: u.name ?? id.toLowerCase(),
            real_name: u.name ?? id,
            is_admin: u.is_admin ?? false,
            is_owner: u.is_owner ?? false,
            is_primary_owner: false,
            tz: u.tz ?? 'Europe/Berlin',
            profile: { display_name: u.name ?? '' },
          },
        });
      }
      default:
        return { status: 200, body: { ok: false, error: 'unknown_method' }, outcome: 'unknown_method' };
    }
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const at = Date.now();
      if (path.startsWith('/api/')) {
        const method = path.slice('/api/'.length);
        const params = parseBody(raw, String(req.headers['content-type'] ?? ''));
        const out = answer(method, params, req.headers);
        const response = out.body as Record<string, unknown>;
        const call: SlackApiCall = { method, params, headers: req.headers, at, outcome: out.outcome, detail: out.detail, response };
        fake.calls.push(call);
        res.writeHead(out.status, { 'content-type': 'application/json', ...out.headers });
        res.end(JSON.stringify(out.body));
        events.emit('call');
        return;
      }
      if (path.startsWith('/resp/')) {
        const body = JSON.parse(raw || '{}') as Record<string, unknown>;
        const refusal = checkSlackMessage(body);
        const call: ResponseUrlCall = { id: path.slice('/resp/'.length), body, at, outcome: refusal?.error ?? 'ok' };
        fake.responses.push(call);
        res.writeHead(refusal ? 400 : 200, { 'content-type': 'text/plain' });
        res.end(refusal ? refusal.error : 'ok');
        events.emit('response');
        return;
      }
      res.writeHead(404);
      res.end();
    });
  });

  server.on('upgrade', (req, sock, head) => {
    if (!req.url?.startsWith('/socket')) {
      sock.destroy();
      return;
    }
    wss.handleUpgrade(req, sock, head, (ws) => {
      socket = ws;
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
        if (msg.envelope_id) acks.get(msg.envelope_id)?.({ envelope_id: msg.envelope_id, payload: msg.payload, at: Date.now() });
      });
      ws.on('close', () => {
        if (socket === ws) socket = undefined;
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
      events.emit('socket');
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.apiUrl = `${fake.baseUrl}/api/`;
  return fake;
}

function ok(body: object) {
  return { status: 200, body: { ok: true, ...body }, outcome: 'ok' };
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const params: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  if (typeof params.blocks === 'string') {
    try {
      params.blocks = JSON.parse(params.blocks);
    } catch {
      // Left as a string: checkSlackMessage reports invalid_blocks_format.
    }
  }
  return params;
}

function waitFor<T>(events: EventEmitter, event: string, find: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
  const found = find();
  if (found !== undefined) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      events.off(event, check);
      reject(new Error(`fake Slack: timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const check = () => {
      const hit = find();
      if (hit === undefined) return;
      clearTimeout(timer);
      events.off(event, check);
      resolve(hit);
    };
    events.on(event, check);
  });
}
