// Secrets never reach the output: a debug-level `digest --post slack:` with known secret values,
// an LLM that echoes the key in its error and a Slack error on the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineEnv, runCli, tempDir } from '../cli/support/run-cli.js';
import { INTERESTS, POST_PAPERS } from '../cli/support/papers.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';

const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-4242-KNOWNSECRET-bottoken',
  SLACK_SIGNING_SECRET: 'KNOWNSECRET-signing-0123456789abcdef',
  OPENAI_API_KEY: 'sk-KNOWNSECRET-openai-0123456789',
};

describe('secrets in CLI logs', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let slack: FakeSlackApi;
  let llm: FakeOpenAiServer;
  beforeAll(async () => {
    tmp = await tempDir();
    slack = await startFakeSlackApi();
    llm = await startFakeOpenAiServer({
      // A careless server that echoes the credential back in its error message.
      chat: (req) => ({ status: 401, error: { message: `Incorrect API key provided: ${SECRETS.OPENAI_API_KEY} for ${req.model}`, type: 'invalid_request_error', code: 'invalid_api_key' } }),
    });
  });
  afterAll(async () => {
    await slack.close();
    await llm.close();
    await tmp.cleanup();
  });

  it('digest --post slack: at debug level logs plenty but never a secret', async () => {
    const sources = `file:${await tmp.write('papers.json', POST_PAPERS)}`;
    const env = await offlineEnv({
      ...SECRETS,
      PAPERBOT_STORE_URL: `sqlite://${tmp.file('paperbot.sqlite')}`,
      SLACK_API_URL: slack.apiUrl,
      OPENAI_BASE_URL: llm.baseURL,
      PAPERBOT_LOG_LEVEL: 'debug',
    });
    // One rate-limited post on the way: retried, and logged.
    slack.rateLimitNext('chat.postMessage', 1);
    const run = await runCli(['digest', '--post', 'slack:C777', '--sources', sources, '--interests', INTERESTS, '--date', '2026-06-12', '--size', '1'], env);
    expect(run.code, run.stderr).toBe(0);
    // The secrets really were used…
    expect(slack.calls.some((c) => c.headers.authorization === `Bearer ${SECRETS.SLACK_BOT_TOKEN}`)).toBe(true);
    expect(llm.requests.some((r) => r.headers.authorization === `Bearer ${SECRETS.OPENAI_API_KEY}`)).toBe(true);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C777' && c.outcome === 'ok')).toHaveLength(2);
    // …there is debug output to scan…
    const lines = run.stderr.trim().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(3);
    expect(run.stderr).toMatch(/"level":20/);
    // …and no secret, raw or encoded, anywhere in what the user sees.
    const everything = run.stderr + run.stdout;
    for (const secret of Object.values(SECRETS)) {
      expect(everything, `leaked ${secret}`).not.toContain(secret);
      expect(everything).not.toContain(encodeURIComponent(secret));
    }
    expect(everything).not.toContain('KNOWNSECRET');
  }, 60_000);
});
