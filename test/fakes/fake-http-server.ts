// A generic local HTTP double on 127.0.0.1:<random port>: scripted responses per route, and a
// record of every request with arrival/finish times (monotonic ms) and the peak concurrency seen.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** One scripted answer. `delayMs` holds the response back (timeouts, concurrency tests). */
export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  delayMs?: number;
}

/** A fixed answer, or a function of the request (for query-dependent answers). */
export type Responder = ScriptedResponse | ((req: RecordedRequest) => ScriptedResponse | Promise<ScriptedResponse>);

/** What the server saw. Times are `performance.now()` values in the test process. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
  /** When the response was fully handed to the socket; undefined while in flight. */
  finishedAt?: number;
}

/** A running fake server. Close it in afterEach/afterAll. */
export interface FakeHttpServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  requests: RecordedRequest[];
  /** Highest number of requests in flight at the same moment. */
  maxInFlight: number;
  /**
   * Scripts `method path` (path exact, or a RegExp on the path). Responses are served in order;
   * the last one repeats. Scripting the same route again replaces it.
   */
  route(method: string, path: string | RegExp, ...responses: Responder[]): void;
  /** Requests whose path equals `path`. */
  requestsTo(path: string): RecordedRequest[];
  close(): Promise<void>;
}

interface Route {
  method: string;
  path: string | RegExp;
  responses: Responder[];
  served: number;
}

/** Starts a fake server on 127.0.0.1 with a random port. Unscripted routes answer 404. */
export async function startFakeHttpServer(): Promise<FakeHttpServer> {
  const routes: Route[] = [];
  let inFlight = 0;
  const fake: FakeHttpServer = {
    url: '',
    requests: [],
    maxInFlight: 0,
    route(method, path, ...responses) {
      if (responses.length === 0) throw new Error('route() needs at least one response');
      const existing = routes.findIndex((r) => r.method === method.toUpperCase() && String(r.path) === String(path));
      const route = { method: method.toUpperCase(), path, responses, served: 0 };
      if (existing >= 0) routes[existing] = route;
      else routes.push(route);
    },
    requestsTo(path) {
      return fake.requests.filter((r) => r.path === path);
    },
    close: () => close(server),
  };

  const server: Server = createServer((req, res) => {
    const receivedAt = performance.now();
    inFlight += 1;
    fake.maxInFlight = Math.max(fake.maxInFlight, inFlight);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt,
      };
      fake.requests.push(record);
      res.on('finish', () => {
        record.finishedAt = performance.now();
        inFlight -= 1;
      });
      res.on('close', () => {
        if (record.finishedAt === undefined) inFlight -= 1;
      });
      try {
        const scripted = await respond(routes, record);
        if (scripted.delayMs) await sleep(scripted.delayMs);
        if (res.destroyed) return;
        res.writeHead(scripted.status ?? 200, scripted.headers ?? {});
        res.end(scripted.body ?? '');
      } catch (err) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake server responder failed: ${String(err)}`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

async function respond(routes: Route[], req: RecordedRequest): Promise<ScriptedResponse> {
  const route = routes.find(
    (r) => r.method === req.method && (typeof r.path === 'string' ? r.path === req.path : r.path.test(req.path)),
  );
  if (!route) return { status: 404, headers: { 'content-type': 'text/plain' }, body: `no route for ${req.method} ${req.path}` };
  const responder = route.responses[Math.min(route.served, route.responses.length - 1)]!;
  route.served += 1;
  return typeof responder === 'function' ? responder(req) : responder;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
}
