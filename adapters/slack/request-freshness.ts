// Slack signs `v0:{timestamp}:{body}`; a request whose timestamp is far from now is a replay.
// Bolt's HTTPReceiver rejects only timestamps more than 5 minutes in the past, so a request
// dated in the future would pass: this check runs before Bolt and rejects both directions.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** Most seconds a request's x-slack-request-timestamp may differ from now (Slack's guidance). */
export const MAX_SKEW_SEC = 300;

/** True when `header` is a timestamp within MAX_SKEW_SEC of `nowMs`; an absent header is Bolt's to judge. */
export function isFreshTimestamp(header: string | string[] | undefined, nowMs: number): boolean {
  if (header === undefined) return true;
  const sec = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(sec) && Math.abs(nowMs / 1000 - sec) <= MAX_SKEW_SEC;
}

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Puts the freshness check in front of every 'request' listener already on `server` (Bolt's):
 * a stale or future-dated request gets 401 and never reaches Bolt.
 */
export function rejectStaleRequests(server: Server, onReject: (req: IncomingMessage) => void, now: () => number = Date.now): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!isFreshTimestamp(req.headers['x-slack-request-timestamp'], now())) {
      onReject(req);
      res.writeHead(401).end();
      req.resume();
      return;
    }
    for (const listener of listeners) listener.call(server, req, res);
  });
}
