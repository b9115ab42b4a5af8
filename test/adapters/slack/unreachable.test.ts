// Socket Mode (or HTTP mode) without a way to reach Slack: start() says what failed and what to check,
// not only "A request error occurred: fetch failed".
import { describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../adapters/slack/index.js';
import { silentLogger } from '../../../src/logger.js';
import { closedPort } from '../../cli/support/run-cli.js';
import { ScriptedCore } from './helpers.js';

describe('Slack adapter start without network', () => {
  it('names the step, the URL, the network code and what to check', async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/api/`;
    const adapter = createSlackAdapter({
      botToken: 'xoxb-test',
      appToken: 'xapp-test',
      apiUrl,
      logger: silentLogger,
      clientOptions: { retryConfig: { retries: 0 } },
    });
    const error = await adapter.start(new ScriptedCore()).then(
      () => undefined,
      (err: unknown) => err as Error,
    );
    await adapter.stop();
    expect(error?.message).toContain(`could not reach Slack at ${apiUrl} while checking the bot token (auth.test)`);
    expect(error?.message).toMatch(/: ECONNREFUSED;/);
    expect(error?.message).toMatch(/check the network and any proxy, and that SLACK_API_URL is right/);
  });
});
