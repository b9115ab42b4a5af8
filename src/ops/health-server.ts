// GET /healthz for serve mode: adapters, store and the last digest run of each channel.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotStore } from '../ports.js';
import { errorMessage } from '../errors.js';
import { loadLastRuns, type DigestRunStatus } from '../digest/run-state.js';

/** Connection state of one chat adapter. */
export type AdapterState = 'connected' | 'connecting' | 'disconnected' | 'error';

/** The body of GET /healthz. `ok` is true when the store answers and every adapter is connected. */
export interface HealthReport {
  ok: boolean;
  adapters: Record<string, AdapterState>;
  store: 'ok' | 'error';
  lastRuns: Record<string, { date: string; status: DigestRunStatus; at: string }>;
}

/** A started health server. */
export interface HealthServer {
  readonly port: number;
  readonly url: string;
  /** Stops accepting connections and closes idle ones; safe to call twice. */
  close(): Promise<void>;
}

/** Options of startHealthServer. */
export interface HealthServerOptions {
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Interface to bind (default 0.0.0.0 so container probes reach it). */
  host?: string;
  check: () => Promise<HealthReport>;
}

/**
 * Serves GET /healthz: the check's JSON, 200 when `ok` else 503 (also 503 if the check throws).
 * Every other path is 404. Resolves once listening.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path !== '/healthz') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    options.check().then(
      (report) => send(report.ok ? 200 : 503, report),
      (err: unknown) => send(503, { ok: false, error: errorMessage(err) }),
    );
    function send(status: number, body: unknown): void {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    port,
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}/healthz`,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      })),
  };
}

/** What healthCheckFrom reads. */
export interface HealthSources {
  store: BotStore;
  /** Current state of each configured adapter, by platform name. */
  adapters: () => Record<string, AdapterState>;
  /** Longest wait for the store probe (default 2 s). */
  storeTimeoutMs?: number;
}

/**
 * A HealthReport builder: probes the store with a read, lists each subscription's last run, and
 * takes the adapters' states as reported by the composition root. Never throws.
 */
export function healthCheckFrom(sources: HealthSources): () => Promise<HealthReport> {
  return async () => {
    const adapters = sources.adapters();
    const lastRuns: HealthReport['lastRuns'] = {};
    let store: HealthReport['store'] = 'ok';
    try {
      await withTimeout(
        (async () => {
          if (sources.store.probe) await sources.store.probe();
          else await sources.store.kv.get('health:probe');
          const subs = await sources.store.listSubscriptions();
          const keys = subs.map((s) => s.channel.key);
          const summaries = await loadLastRuns(sources.store.kv, keys);
          summaries.forEach((s, i) => {
            if (s) lastRuns[keys[i]!] = { date: s.date, status: s.status, at: s.at };
          });
        })(),
        sources.storeTimeoutMs ?? 2000,
      );
    } catch {
      store = 'error';
    }
    const ok = store === 'ok' && Object.values(adapters).every((state) => state === 'connected');
    return { ok, adapters, store, lastRuns };
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Tracks adapter states for healthCheckFrom: mark() as adapters start and stop. */
export function createAdapterStates(): {
  mark(name: string, state: AdapterState): void;
  snapshot(): Record<string, AdapterState>;
} {
  const states = new Map<string, AdapterState>();
  return {
    mark: (name, state) => void states.set(name, state),
    snapshot: () => Object.fromEntries(states),
  };
}
