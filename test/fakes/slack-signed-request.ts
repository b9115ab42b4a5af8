// Signs and sends requests the way Slack does (v0 HMAC-SHA256 of "v0:<ts>:<body>"), so tests
// drive Bolt's real HTTPReceiver: slash commands as exactly application/x-www-form-urlencoded,
// events as JSON, interactivity as a form field `payload=<json>`.
import { createHmac } from 'node:crypto';

/** What the receiver answered. `at` is Date.now() when the response headers arrived. */
export interface SlackHttpResponse {
  status: number;
  body: string;
  at: number;
}

/** The X-Slack-Signature value for a body sent at `timestamp` (seconds). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/**
 * POSTs a signed body. `headers` may add X-Slack-Retry-Num etc.; `secret` may be wrong on purpose;
 * `ts` (seconds) dates the request, now by default.
 */
export async function postSigned(
  url: string,
  secret: string,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
  ts: number = Math.floor(Date.now() / 1000),
): Promise<SlackHttpResponse> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': slackSignature(secret, ts, body),
      ...headers,
    },
    body,
  });
  const at = Date.now();
  return { status: res.status, body: await res.text(), at };
}

/** A signed slash command (form fields). */
export function postSlashCommand(url: string, secret: string, fields: Record<string, string>): Promise<SlackHttpResponse> {
  return postSigned(url, secret, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
}

/** A signed Events API request (JSON); `retryNum` adds Slack's retry headers. */
export function postEvent(url: string, secret: string, body: object, retryNum?: number): Promise<SlackHttpResponse> {
  const headers: Record<string, string> = retryNum ? { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' } : {};
  return postSigned(url, secret, JSON.stringify(body), 'application/json', headers);
}

/** A signed interactivity request (block_actions etc.) as `payload=<json>`. */
export function postInteraction(url: string, secret: string, payload: object): Promise<SlackHttpResponse> {
  return postSigned(url, secret, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
}

/** Slash command fields as Slack sends them; override any. */
export function slashCommandFields(text: string, responseUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'fake',
    channel_id: 'C1',
    channel_name: 'papers',
    user_id: 'U1',
    user_name: 'alice',
    command: '/papers',
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1.2.3',
    ...overrides,
  };
}

let eventSeq = 0;

/** An event_callback envelope around `event` (fresh event_id unless given). */
export function eventEnvelope(event: object, eventId = `Ev${++eventSeq}`): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event,
  };
}

/** A block_actions payload for a button click on message `ts` in `channel`. */
export function blockActionPayload(actionId: string, channel: string, ts: string, responseUrl: string, userId = 'U1'): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: 'T1', domain: 'fake' },
    user: { id: userId, username: 'alice', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
    trigger_id: '1.2.3',
    channel: { id: channel, name: 'papers' },
    message: { type: 'message', ts, text: 'paper', user: 'UBOT', bot_id: 'BBOT' },
    response_url: responseUrl,
    actions: [
      { type: 'button', action_id: actionId, block_id: 'paper_feedback', value: '2406.01234', text: { type: 'plain_text', text: 'x' }, action_ts: String(Date.now() / 1000) },
    ],
  };
}
