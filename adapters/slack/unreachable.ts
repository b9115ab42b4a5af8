// Turns Slack's bare "A request error occurred: fetch failed" into what failed and what to check.
import { errorMessage } from '../../src/errors.js';

/** What the adapter was doing when the request failed. */
export type SlackStartStep = 'auth.test' | 'apps.connections.open';

const STEP_TEXT: Record<SlackStartStep, string> = {
  'auth.test': 'checking the bot token (auth.test)',
  'apps.connections.open': 'opening the Socket Mode connection (apps.connections.open)',
};

/** The network error code under a failed fetch (ENOTFOUND, ECONNREFUSED…), else its deepest message. */
function networkReason(err: unknown): string {
  let cause: unknown = (err as { original?: unknown }).original ?? err;
  let reason = errorMessage(cause);
  for (let depth = 0; depth < 5 && cause && typeof cause === 'object'; depth++) {
    const c = cause as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof c.code === 'string' && /^E[A-Z_]+$/.test(c.code)) return c.code;
    if (typeof c.message === 'string' && c.message) reason = c.message;
    cause = c.cause ?? c.errors?.[0];
  }
  return reason;
}

/** True when `err` is the Web API client's "the request never got an answer" error. */
export function isSlackRequestError(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'slack_webapi_request_error';
}

/**
 * An Error saying that Slack could not be reached during `step`, at which URL, with the network
 * code when known, and what to check: the network or proxy, and SLACK_API_URL when it is set.
 */
export function slackUnreachableError(err: unknown, step: SlackStartStep, apiUrl: string | undefined): Error {
  const url = apiUrl ?? 'https://slack.com/api/';
  const checks = apiUrl ? 'check the network and any proxy, and that SLACK_API_URL is right' : 'check the network, DNS and any proxy (HTTPS to slack.com must be allowed)';
  return new Error(
    `could not reach Slack at ${url} while ${STEP_TEXT[step]}: ${networkReason(err)}; ${checks}`,
  );
}
